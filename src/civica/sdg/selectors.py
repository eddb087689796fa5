"""Reads of SDG 16: the reference framework for everyone; local indicators public or for their organisation."""

from django.db.models import Prefetch, Q, QuerySet

from civica.organisations import selectors as organisation_selectors

from .models import Indicator, LocalIndicator, Measurement, Target


def targets() -> QuerySet[Target]:
    return Target.objects.prefetch_related(Prefetch("indicators", queryset=Indicator.objects.order_by("position")))


def target_get(code: str) -> Target:
    return targets().get(code=code)


def indicators() -> QuerySet[Indicator]:
    return Indicator.objects.select_related("target")


def local_indicators_visible_to(user) -> QuerySet[LocalIndicator]:
    member_of = list(organisation_selectors.roles_of(user))
    return (
        LocalIndicator.objects.filter(Q(is_public=True) | Q(organisation_id__in=member_of))
        .select_related("organisation", "indicator")
        .prefetch_related(Prefetch("measurements", queryset=Measurement.objects.order_by("measured_on")))
    )


def local_indicator_get(*, user, uuid) -> LocalIndicator:
    return local_indicators_visible_to(user).get(uuid=uuid)


def local_indicators_of(organisation) -> QuerySet[LocalIndicator]:
    """For system work (the demo), never for a person's page."""
    return LocalIndicator.objects.filter(organisation=organisation)


def measurement_of(local_indicator: LocalIndicator, measurement_id: int) -> Measurement:
    return local_indicator.measurements.select_related("local_indicator__organisation").get(pk=measurement_id)
