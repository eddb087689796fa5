"""The /me endpoint: who the caller is and where they belong."""

from ninja import Router

from .authentication import signed_in
from .schemas import MeOut

router = Router(tags=["account"])


@router.get("/me", response=MeOut, auth=signed_in, summary="The signed-in person and their memberships")
def me(request):
    from civica.organisations.selectors import memberships_of

    user = request.auth
    return {
        "uuid": user.uuid,
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "preferred_language": user.preferred_language,
        "is_platform_admin": user.is_superuser,
        "memberships": [
            {"organisation": m.organisation.uuid, "organisation_name": m.organisation.name, "role": m.role}
            for m in memberships_of(user)
        ],
    }
