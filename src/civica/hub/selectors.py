"""Reads of centres' memberships: approved members are public; requests only to the centre and the asker."""

from django.db.models import Count, Q, QuerySet

from civica.organisations import selectors as organisation_selectors
from civica.organisations.models import Organisation

from .models import CentreMembership


def centres() -> QuerySet[Organisation]:
    return Organisation.objects.filter(kind=Organisation.Kind.CENTRE, is_public=True).order_by("name")


def centre_get(slug: str) -> Organisation:
    return centres().get(slug=slug)


def members_of(centre: Organisation) -> QuerySet[CentreMembership]:
    return (
        CentreMembership.objects.filter(centre=centre, state=CentreMembership.State.APPROVED)
        .select_related("organisation", "organisation__territory")
        .annotate(representative_count=Count("representatives"))
        .order_by("organisation__name", "pk")
    )


def requests_for(user, centre: Organisation) -> QuerySet[CentreMembership]:
    if organisation_selectors.role_in(user, centre) not in {"admin", "staff"}:
        return CentreMembership.objects.none()
    return CentreMembership.objects.filter(centre=centre, state=CentreMembership.State.REQUESTED).select_related(
        "organisation"
    )


def figures(centre: Organisation) -> dict:
    members = CentreMembership.objects.filter(centre=centre, state=CentreMembership.State.APPROVED)
    return {
        "members": members.count(),
        "representatives": members.aggregate(n=Count("representatives"))["n"],
    }


def organisations_that_may_ask(user, centre: Organisation) -> QuerySet[Organisation]:
    """The person's organisations (where they work) that are not yet members or asking."""
    taken = CentreMembership.objects.filter(centre=centre).exclude(state=CentreMembership.State.REJECTED)
    return (
        organisation_selectors.own_organisations(user, roles={"admin", "staff"})
        .exclude(pk=centre.pk)
        .exclude(pk__in=taken.values("organisation_id"))
    )


def membership_get(*, user, uuid) -> CentreMembership:
    """An approved membership (a public profile), or a request to those who may see it."""
    membership = CentreMembership.objects.select_related("centre", "organisation").get(uuid=uuid)
    if membership.state != CentreMembership.State.APPROVED and not user.has_perm("hub.see_request", membership):
        raise CentreMembership.DoesNotExist
    return membership


def representatives_of(membership: CentreMembership):
    return membership.representatives.select_related("user").order_by("user__last_name", "user__email", "pk")


def colleagues(membership: CentreMembership):
    """People of the member organisation who could be named representatives."""
    return organisation_selectors.members_of(membership.organisation)


def memberships_of_my_organisations(user) -> QuerySet[CentreMembership]:
    ids = organisation_selectors.organisation_ids_with_role(user)
    return CentreMembership.objects.filter(Q(organisation_id__in=ids)).select_related("centre", "organisation")


def membership_of(centre: Organisation, organisation: Organisation) -> CentreMembership | None:
    return CentreMembership.objects.filter(centre=centre, organisation=organisation).first()
