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
