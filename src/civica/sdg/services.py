"""Writes to SDG data: the reference framework, local indicators and their measured values."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from civica.core import audit

from . import reference
from .models import Indicator, LocalIndicator, Measurement, Target


@transaction.atomic
def reference_load() -> tuple[int, int]:
    return reference.load(Target, Indicator)


@transaction.atomic
def local_indicator_create(
    *,
    actor,
    organisation,
    name: str,
    baseline: Decimal,
    baseline_year: int,
    target_value: Decimal,
    target_year: int,
    unit: str = "",
    indicator: Indicator | None = None,
    is_public: bool = True,
) -> LocalIndicator:
    if actor is not None and not actor.has_perm("sdg.manage_indicators", organisation):
        raise PermissionDenied("sdg.manage_indicators")
    errors = {}
    if not name.strip():
        errors["name"] = _("Give the indicator a name.")
    if baseline is None:
        errors["baseline"] = _("Give the baseline value.")
    if target_value is None:
        errors["target_value"] = _("Give the target value.")
    if baseline_year is None or target_year is None:
        errors["target_year"] = _("Give the baseline and target years.")
    elif target_year < baseline_year:
        errors["target_year"] = _("The target year cannot be before the baseline year.")
    if errors:
        raise ValidationError(errors)
    local = LocalIndicator.objects.create(
        organisation=organisation,
        indicator=indicator,
        name=name.strip(),
        unit=unit.strip(),
        baseline=baseline,
        baseline_year=baseline_year,
        target_value=target_value,
        target_year=target_year,
        is_public=is_public,
    )
    audit.record_change(
        actor=actor, instance=local, action="create", after=audit.snapshot(local), organisation_uuid=organisation.uuid
    )
    return local


@transaction.atomic
def measurement_record(*, actor, local_indicator: LocalIndicator, measured_on: date, value: Decimal, note: str = ""):
    """One measured value; a second value for the same day replaces the first."""
    if actor is not None and not actor.has_perm("sdg.manage_indicators", local_indicator.organisation):
        raise PermissionDenied("sdg.manage_indicators")
    errors = {}
    if measured_on is None:
        errors["measured_on"] = _("Give the date of the measurement.")
    elif measured_on.year < local_indicator.baseline_year:
        errors["measured_on"] = _("The measurement cannot be before the baseline year.")
    if value is None:
        errors["value"] = _("Give the measured value.")
    if errors:
        raise ValidationError(errors)
    measurement, _created = Measurement.objects.update_or_create(
        local_indicator=local_indicator, measured_on=measured_on, defaults={"value": value, "note": note.strip()}
    )
    audit.record_change(
        actor=actor,
        instance=local_indicator,
        action="update",
        summary=f"{measured_on}: {value}",
        after={"measured_on": str(measured_on), "value": str(value)},
        organisation_uuid=local_indicator.organisation.uuid,
    )
    return measurement


@transaction.atomic
def measurement_delete(*, actor, measurement: Measurement) -> None:
    local_indicator = measurement.local_indicator
    if actor is not None and not actor.has_perm("sdg.manage_indicators", local_indicator.organisation):
        raise PermissionDenied("sdg.manage_indicators")
    audit.record_change(
        actor=actor,
        instance=local_indicator,
        action="update",
        summary=f"removed {measurement.measured_on}: {measurement.value}",
        before={"measured_on": str(measurement.measured_on), "value": str(measurement.value)},
        organisation_uuid=local_indicator.organisation.uuid,
    )
    measurement.delete()
