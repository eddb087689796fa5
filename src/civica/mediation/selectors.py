"""Reads for mediation: the public list of mediators."""

from django.db.models import QuerySet

from .models import MediationCase, Mediator, MediatorSelection


def public_mediators(
    *,
    country: str = "",
    specialisation: str = "",
    language: str = "",
    territory: str = "",
    public_bodies: bool | None = None,
) -> QuerySet[Mediator]:
    queryset = Mediator.objects.filter(is_public=True).prefetch_related("territories")
    if country:
        queryset = queryset.filter(country=country)
    if territory:
        queryset = queryset.filter(territories__code=territory)
    if public_bodies is not None:
        queryset = queryset.filter(public_bodies=public_bodies)
    # JSON list membership, written so that SQLite and PostgreSQL answer alike.
    if specialisation:
        queryset = queryset.filter(specialisations__icontains=f'"{specialisation}"')
    if language:
        queryset = queryset.filter(languages__icontains=f'"{language}"')
    return queryset.distinct().order_by("full_name", "pk")


def mediators_of(organisation) -> QuerySet[Mediator]:
    return Mediator.objects.filter(organisation=organisation)


def selections(mediation: MediationCase) -> QuerySet[MediatorSelection]:
    return mediation.selections.select_related("mediator", "objected_by")


def current_selection(mediation: MediationCase) -> MediatorSelection | None:
    """The proposal being worked on, or the confirmed mediator."""
    return (
        selections(mediation)
        .filter(
            status__in=[
                MediatorSelection.Status.PROPOSED,
                MediatorSelection.Status.DECLARED,
                MediatorSelection.Status.CONFIRMED,
            ]
        )
        .first()
    )


def closed_durations_days(*, country: str, matter: str) -> list[int]:
    """How many days the platform's closed mediations of this kind took, from filing to closure.

    Aggregate figures only: no party, case or organisation is named."""
    rows = MediationCase.objects.filter(country=country, matter=matter, case__closed_at__isnull=False).values_list(
        "case__created_at", "case__closed_at"
    )
    return [max((closed - opened).days, 0) for opened, closed in rows]


# A proposed mediator acts in their own name on the mediation they were selected for, and on nothing
# else of the case: the selection is what grants it, and it ends with a conflict or a refusal.
_MEDIATOR_SEES = (
    MediatorSelection.Status.PROPOSED,
    MediatorSelection.Status.DECLARED,
    MediatorSelection.Status.CONFIRMED,
)


def selections_for_mediator(user) -> QuerySet[MediatorSelection]:
    """The selections of this person as a mediator (their dashboard: cases they have been selected for)."""
    if not getattr(user, "is_authenticated", False):
        return MediatorSelection.objects.none()
    return (
        MediatorSelection.objects.filter(mediator__user=user)
        .select_related("mediator", "mediation__case__organisation")
        .order_by("-proposed_at", "pk")
    )


def mediation_for_mediator(*, user, reference: str) -> MediationCase:
    """The mediation this person is the proposed or confirmed mediator of; DoesNotExist otherwise."""
    if not getattr(user, "is_authenticated", False):
        raise MediationCase.DoesNotExist
    return (
        MediationCase.objects.select_related("case__organisation", "case__requester_organisation")
        .filter(
            case__reference=reference,
            selections__mediator__user=user,
            selections__status__in=_MEDIATOR_SEES,
        )
        .distinct()
        .get()
    )


def is_selected_mediator(user, selection: MediatorSelection | None) -> bool:
    return (
        selection is not None
        and getattr(user, "is_authenticated", False)
        and selection.mediator.user_id == user.pk
        and selection.status in _MEDIATOR_SEES
    )
