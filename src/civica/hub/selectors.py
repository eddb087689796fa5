"""Reads of centres' memberships: approved members are public; requests only to the centre and the asker."""

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Subquery

from civica.core import request_cache
from civica.directory import selectors as directory_selectors
from civica.groups import selectors as group_selectors
from civica.organisations import selectors as organisation_selectors
from civica.organisations.models import Organisation, Territory

from .models import (
    CapacityReport,
    CentreMembership,
    ContactTreeEntry,
    EmergencyPeriod,
    Need,
    Offer,
    PreparednessTask,
    Representative,
)

WORKS = {"admin", "staff"}


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


# --- who belongs to a centre ---------------------------------------------------------------------


def member_organisation_ids(user, centre: Organisation, *, working: bool) -> list[int]:
    """The person's organisations that are approved members of `centre` (`working`: admin or staff only)."""
    if not getattr(user, "is_authenticated", False) or centre is None:
        return []
    roles = organisation_selectors.roles_of(user)
    ids = [pk for pk, role in roles.items() if role in WORKS or not working]
    if not ids:
        return []
    cache = request_cache.cached_on(user, "hub_member_ids", dict)
    key = (centre.pk, working)
    if key not in cache:
        cache[key] = list(
            CentreMembership.objects.filter(
                centre=centre, state=CentreMembership.State.APPROVED, organisation_id__in=ids
            ).values_list("organisation_id", flat=True)
        )
    return cache[key]


def forget_member_ids(user) -> None:
    request_cache.forget(user, "hub_member_ids")


def my_memberships(user, centre: Organisation) -> QuerySet[CentreMembership]:
    """The approved memberships, in `centre`, of the organisations where the person works."""
    return CentreMembership.objects.filter(
        centre=centre, organisation_id__in=member_organisation_ids(user, centre, working=True)
    ).select_related("organisation")


def approved_memberships(centre: Organisation) -> QuerySet[CentreMembership]:
    return CentreMembership.objects.filter(centre=centre, state=CentreMembership.State.APPROVED).select_related(
        "organisation"
    )


def member_organisations(centre: Organisation) -> QuerySet[Organisation]:
    return Organisation.objects.filter(
        memberships_of_centres__centre=centre, memberships_of_centres__state=CentreMembership.State.APPROVED
    ).order_by("name", "pk")


def committees_of(centre: Organisation):
    """The centre's working committees (groups app), for the needs they identify."""
    return group_selectors.groups_of(centre).filter(kind="committee").order_by("name", "pk")


def territories_for_needs(centre: Organisation) -> QuerySet[Territory]:
    """The centre's own territory and the places inside it (districts), plus any already used."""
    used = Need.objects.filter(centre=centre, territory__isnull=False).values("territory_id")
    query = Q(pk__in=used)
    if centre.territory_id:
        query |= Q(pk=centre.territory_id) | Q(parent_id=centre.territory_id)
    return Territory.objects.filter(query).order_by("name", "pk")


def services_of_centre(centre: Organisation):
    return directory_selectors.public_services_of_centre(centre)


# --- needs and gaps ------------------------------------------------------------------------------


@dataclass(frozen=True)
class NeedFilters:
    sector: str = ""
    priority: str = ""
    status: str = ""
    territory: int | None = None
    committee: int | None = None
    unanswered: bool = False
    query: str = ""


def needs_visible_to(user, centre: Organisation, filters: NeedFilters = NeedFilters()) -> QuerySet[Need]:
    """The centre's needs for its staff and the people of its member organisations; nothing for anyone else."""
    if not user.is_authenticated or not user.has_perm("hub.see_needs", centre):
        return Need.objects.none()
    needs = Need.objects.filter(centre=centre)
    if filters.sector:
        needs = needs.filter(sector=filters.sector)
    if filters.priority:
        needs = needs.filter(priority=filters.priority)
    if filters.status:
        needs = needs.filter(status=filters.status)
    if filters.territory:
        needs = needs.filter(Q(territory_id=filters.territory) | Q(territory__parent_id=filters.territory))
    if filters.committee:
        needs = needs.filter(committee_id=filters.committee)
    if filters.query.strip():
        words = filters.query.strip()
        needs = needs.filter(Q(title__icontains=words) | Q(description__icontains=words))
    if filters.unanswered:
        needs = needs.exclude(status__in=[Need.Status.CLOSED, Need.Status.MET]).filter(
            ~Exists(Need.services.through.objects.filter(need_id=OuterRef("pk")))
        )
    return (
        needs.select_related("territory", "committee", "proposed_for")
        .prefetch_related(Prefetch("services", queryset=services_of_centre(centre).order_by("name", "id")))
        .order_by("sector", "priority", "title", "pk")
    )


def need_get(*, user, uuid) -> Need:
    need = Need.objects.select_related("centre", "territory", "committee", "proposed_for", "proposed_by").get(uuid=uuid)
    if not user.is_authenticated or not user.has_perm("hub.see_needs", need.centre):
        raise Need.DoesNotExist
    return need


def services_of_need(need: Need):
    return need.services.select_related("organization").order_by("name", "id")


def open_needs(centre: Organisation) -> QuerySet[Need]:
    """Needs an offer can be matched to (for the centre's staff's matching form)."""
    return Need.objects.filter(centre=centre, status=Need.Status.OPEN).order_by("sector", "title", "pk")


def need_counts(*, user, centre: Organisation) -> dict:
    needs = needs_visible_to(user, centre)
    return {
        "open": needs.filter(status=Need.Status.OPEN).count(),
        "unanswered": needs_visible_to(user, centre, NeedFilters(unanswered=True)).count(),
    }


# --- offers of support -----------------------------------------------------------------------------


def offers_visible_to(user, centre: Organisation, *, state: str = "", kind: str = "") -> QuerySet[Offer]:
    """All the centre's offers for its staff; those matched to their organisation for a member's staff."""
    if not user.is_authenticated:
        return Offer.objects.none()
    offers = Offer.objects.filter(centre=centre)
    if not user.has_perm("hub.manage_offers", centre):
        offers = offers.filter(matched_organisation_id__in=organisation_selectors.organisation_ids_with_role(user))
    if state:
        offers = offers.filter(state=state)
    if kind:
        offers = offers.filter(kind=kind)
    return offers.select_related("matched_organisation").order_by("-created_at", "pk")


def offer_get(*, user, uuid) -> Offer:
    offer = Offer.objects.select_related("centre", "matched_organisation").get(uuid=uuid)
    if not user.is_authenticated or not user.has_perm("hub.see_offer", offer):
        raise Offer.DoesNotExist
    return offer


def offer_for_token(uuid) -> Offer:
    """The offer behind an offerer's signed link (the signature is checked by the caller)."""
    return Offer.objects.select_related("centre", "matched_organisation").get(uuid=uuid)


def needs_of_offer(offer: Offer) -> QuerySet[Need]:
    return offer.needs.order_by("sector", "title", "pk")


def offers_of_need(*, user, need: Need) -> QuerySet[Offer]:
    return offers_visible_to(user, need.centre).filter(needs=need)


# --- preparedness plan -----------------------------------------------------------------------------


def emergency_of(centre: Organisation) -> EmergencyPeriod | None:
    """The active emergency period of the centre, shown as a banner on the hub's pages."""
    if centre is None:
        return None
    return EmergencyPeriod.objects.filter(centre=centre, ended_at__isnull=True).first()


def emergency_history(centre: Organisation) -> QuerySet[EmergencyPeriod]:
    return EmergencyPeriod.objects.filter(centre=centre).select_related("started_by", "ended_by")[:20]


def contact_tree(centre: Organisation) -> list[ContactTreeEntry]:
    return list(
        ContactTreeEntry.objects.filter(centre=centre)
        .select_related(
            "representative__user", "representative__membership__organisation", "caller__representative__user"
        )
        .order_by("level", "representative__membership__organisation__name", "pk")
    )


def contact_tree_levels(centre: Organisation) -> list[tuple[int, list[ContactTreeEntry]]]:
    levels: dict[int, list[ContactTreeEntry]] = {}
    for entry in contact_tree(centre):
        levels.setdefault(entry.level, []).append(entry)
    return sorted(levels.items())


def representatives_of_centre(centre: Organisation) -> QuerySet[Representative]:
    return (
        Representative.objects.filter(membership__centre=centre, membership__state=CentreMembership.State.APPROVED)
        .select_related("user", "membership__organisation")
        .order_by("membership__organisation__name", "user__last_name", "pk")
    )


def latest_capacities(centre: Organisation) -> list[CapacityReport]:
    """The latest report of every member for every kind of capacity (one query)."""
    latest = CapacityReport.objects.filter(membership_id=OuterRef("membership_id"), kind=OuterRef("kind")).order_by(
        "-created_at", "-pk"
    )
    return list(
        CapacityReport.objects.filter(membership__centre=centre, membership__state=CentreMembership.State.APPROVED)
        .filter(pk=Subquery(latest.values("pk")[:1]))
        .select_related("membership__organisation")
        .order_by("membership__organisation__name", "kind", "pk")
    )


def capacity_totals(reports: list[CapacityReport]) -> list[tuple[str, str, int]]:
    totals = dict.fromkeys(CapacityReport.Kind.values, 0)
    for report in reports:
        totals[report.kind] += report.quantity
    return [(kind, CapacityReport.Kind(kind).label, totals[kind]) for kind in CapacityReport.Kind.values]


def tasks_of(centre: Organisation, *, user) -> QuerySet[PreparednessTask]:
    if not user.is_authenticated or not user.has_perm("hub.see_preparedness", centre):
        return PreparednessTask.objects.none()
    return (
        PreparednessTask.objects.filter(centre=centre)
        .select_related("centre", "membership__organisation")
        .order_by("status", "due", "pk")
    )


def task_get(*, user, uuid) -> PreparednessTask:
    task = PreparednessTask.objects.select_related("centre", "membership__organisation").get(uuid=uuid)
    if not user.is_authenticated or not user.has_perm("hub.see_preparedness", task.centre):
        raise PreparednessTask.DoesNotExist
    return task


def membership_for_report(*, user, centre: Organisation, uuid) -> CentreMembership:
    membership = CentreMembership.objects.select_related("centre", "organisation").get(
        uuid=uuid, centre=centre, state=CentreMembership.State.APPROVED
    )
    if not user.has_perm("hub.report_capacity", membership):
        raise CentreMembership.DoesNotExist
    return membership


def centre_has_needs(centre: Organisation) -> bool:
    """For system work (the demo's idempotence), never for a person's page."""
    return Need.objects.filter(centre=centre).exists()


def representative_of(centre: Organisation, email: str) -> Representative | None:
    """For system work (the demo), never for a person's page."""
    return representatives_of_centre(centre).filter(user__email=email).first()
