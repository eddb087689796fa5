"""Every read of organisations, memberships and territories, scoped to what the actor may see."""

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from civica.core import request_cache

from .models import Invitation, Membership, Organisation, Role, Territory


def roles_of(user) -> dict[int, str]:
    """{organisation id: role} for the user, read once per request and kept on the user object."""
    if not getattr(user, "is_authenticated", False):
        return {}
    return request_cache.cached_on(
        user, "roles", lambda: dict(Membership.objects.filter(user=user).values_list("organisation_id", "role"))
    )


def forget_roles(user) -> None:
    request_cache.forget(user, "roles")


def role_in(user, organisation: Organisation | None) -> str | None:
    if organisation is None:
        return None
    return roles_of(user).get(organisation.pk)


def organisation_ids_with_role(user, roles=frozenset({Role.ADMIN, Role.STAFF})) -> list[int]:
    """The organisations where the person holds one of `roles` (by default: where they work)."""
    return [org_id for org_id, role in roles_of(user).items() if role in roles]


def own_organisations(user, roles=None) -> QuerySet[Organisation]:
    """The person's organisations (optionally only those where they hold one of `roles`), for choice fields."""
    ids = list(roles_of(user)) if roles is None else organisation_ids_with_role(user, roles)
    return _with_relations(Organisation.objects.filter(pk__in=ids)).order_by("name", "pk")


def administered_organisation_ids(user) -> list[int]:
    return [org_id for org_id, role in roles_of(user).items() if role == Role.ADMIN]


def is_platform_admin(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_superuser)


def _with_relations(queryset: QuerySet[Organisation]) -> QuerySet[Organisation]:
    return queryset.select_related("territory", "parent")


def organisations_visible_to(user) -> QuerySet[Organisation]:
    """Public profiles, the user's own organisations, and everything for platform administrators."""
    queryset = Organisation.objects.all()
    if user is None:
        queryset = queryset.filter(is_public=True)
    elif not is_platform_admin(user):
        queryset = queryset.filter(Q(is_public=True) | Q(pk__in=list(roles_of(user))))
    return _with_relations(queryset)


def organisation_directory(*, user, query: str = "", kind: str = "", country: str = "") -> QuerySet[Organisation]:
    queryset = organisations_visible_to(user)
    if query:
        queryset = queryset.filter(Q(name__icontains=query) | Q(short_name__icontains=query))
    if kind:
        queryset = queryset.filter(kind=kind)
    if country:
        queryset = queryset.filter(country=country)
    return queryset.order_by("name", "pk")


def organisation_get(*, user, slug: str | None = None, uuid=None) -> Organisation:
    """One organisation the user may see; raises Organisation.DoesNotExist otherwise (never 'forbidden',
    so that guessed identifiers tell nothing)."""
    lookup = {"slug": slug} if slug is not None else {"uuid": uuid}
    return organisations_visible_to(user).get(**lookup)


def memberships_of(user) -> QuerySet[Membership]:
    return Membership.objects.filter(user=user).select_related("organisation", "organisation__territory")


def members_of(organisation: Organisation) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(organisation=organisation)
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "user__email")
    )


def membership_get(*, organisation: Organisation, uuid) -> Membership:
    return Membership.objects.select_related("user", "organisation").get(organisation=organisation, uuid=uuid)


def pending_invitations(organisation: Organisation) -> QuerySet[Invitation]:
    return Invitation.objects.filter(
        organisation=organisation, accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now()
    ).select_related("invited_by")


def invitation_by_token_hash(token_hash: str) -> Invitation:
    return Invitation.objects.select_related("organisation").get(token_hash=token_hash)


def units_of(organisation: Organisation, *, user) -> QuerySet[Organisation]:
    return organisations_visible_to(user).filter(parent=organisation)


def territories(*, country: str = "", level: str = "", parent_code: str = "", query: str = "") -> QuerySet[Territory]:
    queryset = Territory.objects.select_related("parent")
    if country:
        queryset = queryset.filter(country=country)
    if level:
        queryset = queryset.filter(level=level)
    if parent_code:
        queryset = queryset.filter(parent__code=parent_code)
    if query:
        queryset = queryset.filter(Q(name__icontains=query) | Q(name_en__icontains=query))
    return queryset.order_by("country", "level", "name", "pk")


def territory_counts_by_country() -> dict[str, int]:
    return dict(Territory.objects.values_list("country").annotate(n=Count("pk")).values_list("country", "n"))


def platform_counts() -> dict[str, int]:
    """Figures for platform administrators' dashboard."""
    from django.contrib.auth import get_user_model

    return {
        "organisations": Organisation.objects.count(),
        "people": get_user_model().objects.filter(is_active=True).count(),
        "memberships": Membership.objects.count(),
        "territories": Territory.objects.count(),
    }
