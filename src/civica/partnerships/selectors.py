"""Every read of pilot actions and memoranda, scoped to the acting person; the impact figures."""

from datetime import date, timedelta

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet
from django.utils import timezone

from civica.events import selectors as event_selectors
from civica.hub import selectors as hub_selectors
from civica.organisations import selectors as organisation_selectors
from civica.organisations.models import Organisation

from .models import ActionIndicator, Memorandum, PilotAction

STAFF = {"admin", "staff"}
EXPIRING_WITHIN = timedelta(days=60)
PUBLIC_STATES = (PilotAction.State.APPROVED, PilotAction.State.RUNNING, PilotAction.State.EVALUATED)


def _my_organisation_ids(user) -> list[int]:
    return list(organisation_selectors.roles_of(user))


def works_for(user, organisation) -> bool:
    return organisation_selectors.role_in(user, organisation) in STAFF


# --- Pilot actions -------------------------------------------------------------------------------


def pilot_actions_visible_to(user) -> QuerySet[PilotAction]:
    """Approved, running and evaluated actions are public; proposals and rejections only to the centre,
    the lead and the partners."""
    queryset = PilotAction.objects.all()
    if not organisation_selectors.is_platform_admin(user):
        mine = _my_organisation_ids(user)
        partner_of = PilotAction.partners.through.objects.filter(
            pilotaction_id=OuterRef("pk"), organisation_id__in=mine
        )
        queryset = queryset.filter(
            Q(state__in=PUBLIC_STATES) | Q(centre_id__in=mine) | Q(lead_id__in=mine) | Q(Exists(partner_of))
        )
    return queryset.select_related("centre", "lead", "territory")


def pilot_action_list(*, user, centre: Organisation | None = None, state: str = "") -> QuerySet[PilotAction]:
    queryset = pilot_actions_visible_to(user)
    if centre is not None:
        queryset = queryset.filter(centre=centre)
    if state:
        queryset = queryset.filter(state=state)
    return queryset.order_by("-created_at", "pk")


def pilot_action_get(*, user, uuid) -> PilotAction:
    return pilot_actions_visible_to(user).prefetch_related("partners").get(uuid=uuid)


def indicators_of(action: PilotAction) -> QuerySet[ActionIndicator]:
    return action.indicators.select_related("sdg_indicator").order_by("created_at", "pk")


def centres_for_proposals(user) -> QuerySet[Organisation]:
    """Centres where the person works, or of which one of their organisations is an approved member."""
    mine = organisation_selectors.organisation_ids_with_role(user)
    member_of = hub_selectors.memberships_of_my_organisations(user).filter(state="approved").values("centre_id")
    return (
        Organisation.objects.filter(kind=Organisation.Kind.CENTRE)
        .filter(Q(pk__in=mine) | Q(pk__in=member_of))
        .order_by("name", "pk")
    )


def lead_choices(user, centre: Organisation) -> QuerySet[Organisation]:
    """The centre itself and its members, if the person works for the centre; else their own organisations
    that are members of the centre."""
    members = hub_selectors.members_of(centre).values("organisation_id")
    queryset = Organisation.objects.filter(Q(pk=centre.pk) | Q(pk__in=members))
    if not works_for(user, centre):
        queryset = queryset.filter(pk__in=organisation_selectors.organisation_ids_with_role(user))
    return queryset.order_by("name", "pk")


def partner_choices(user) -> QuerySet[Organisation]:
    return organisation_selectors.organisations_visible_to(user).order_by("name", "pk")


# --- Memoranda -----------------------------------------------------------------------------------


def _with_renewal(queryset: QuerySet[Memorandum]) -> QuerySet[Memorandum]:
    return queryset.annotate(is_renewed=Exists(Memorandum.objects.filter(renews_id=OuterRef("pk"))))


def memoranda_visible_to(user) -> QuerySet[Memorandum]:
    """Signed public memoranda to everyone; the rest to the keeping organisation and the parties."""
    queryset = Memorandum.objects.all()
    if not organisation_selectors.is_platform_admin(user):
        mine = _my_organisation_ids(user)
        party_of = Memorandum.parties.through.objects.filter(memorandum_id=OuterRef("pk"), organisation_id__in=mine)
        queryset = queryset.filter(
            Q(is_public=True, signed_on__isnull=False) | Q(organisation_id__in=mine) | Q(Exists(party_of))
        )
    return _with_renewal(queryset).select_related("organisation")


def memorandum_list(*, user, organisation: Organisation | None = None) -> QuerySet[Memorandum]:
    queryset = memoranda_visible_to(user).prefetch_related("parties")
    if organisation is not None:
        queryset = queryset.filter(organisation=organisation)
    return queryset.order_by("-signed_on", "-created_at", "pk")


def memorandum_get(*, user, uuid) -> Memorandum:
    return memoranda_visible_to(user).prefetch_related("parties").get(uuid=uuid)


def memorandum_status(memorandum: Memorandum, today: date | None = None) -> str:
    """draft, signed, expiring (within 60 days), expired or renewed: computed, never stored."""
    today = today or timezone.localdate()
    if memorandum.signed_on is None:
        return "draft"
    renewed = getattr(memorandum, "is_renewed", None)
    if renewed is None:
        renewed = Memorandum.objects.filter(renews=memorandum).exists()
    if renewed:
        return "renewed"
    if memorandum.expires_on is not None and memorandum.expires_on < today:
        return "expired"
    if memorandum.expires_on is not None and memorandum.expires_on <= today + EXPIRING_WITHIN:
        return "expiring"
    return "signed"


def may_see_document(user, memorandum: Memorandum) -> bool:
    """The signed document: the people of the keeping organisation and of the parties, nobody else."""
    if organisation_selectors.is_platform_admin(user):
        return True
    mine = set(_my_organisation_ids(user))
    if not mine:
        return False
    return memorandum.organisation_id in mine or memorandum.parties.filter(pk__in=mine).exists()


def memoranda_to_remind(today: date) -> QuerySet[Memorandum]:
    """Signed, not renewed, expiring within the window, and not yet reminded for this expiry date."""
    return (
        _with_renewal(Memorandum.objects.filter(signed_on__isnull=False, expires_on__isnull=False))
        .filter(is_renewed=False, expires_on__gte=today, expires_on__lte=today + EXPIRING_WITHIN)
        .filter(Q(reminded_for__isnull=True) | ~Q(reminded_for=F("expires_on")))
        .select_related("organisation")
        .order_by("expires_on", "pk")
    )


def organisations_that_keep(user) -> QuerySet[Organisation]:
    return organisation_selectors.own_organisations(user, roles=STAFF)


# --- Impact --------------------------------------------------------------------------------------


def impact(centre: Organisation, *, today: date | None = None) -> dict:
    """The public figures of a centre, all computed from the data in five queries."""
    today = today or timezone.localdate()
    members = hub_selectors.figures(centre)
    active = (
        _with_renewal(Memorandum.objects.filter(organisation=centre, signed_on__isnull=False))
        .filter(is_renewed=False)
        .filter(Q(expires_on__isnull=True) | Q(expires_on__gte=today))
        .count()
    )
    by_state = dict(
        PilotAction.objects.filter(centre=centre).values_list("state").annotate(n=Count("pk")).values_list("state", "n")
    )
    events = event_selectors.training_figures(centre)
    return {
        "members": members["members"],
        "representatives": members["representatives"] or 0,
        "memoranda_active": active,
        "events_held": events["held"],
        "trainings_held": events["trainings"],
        "participants": events["participants"],
        "pilot_actions": [(state, label, by_state.get(state, 0)) for state, label in PilotAction.State.choices],
        "pilot_actions_total": sum(by_state.values()),
    }
