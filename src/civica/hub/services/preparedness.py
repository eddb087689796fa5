"""Writes to the preparedness plan: emergency periods, the contact tree, capacity reports and tasks."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from civica.core import audit, notifications
from civica.core.permissions import require
from civica.organisations.models import Organisation

from .. import selectors
from ..models import (
    CapacityReport,
    CentreMembership,
    ContactTreeEntry,
    EmergencyPeriod,
    PreparednessTask,
    Representative,
)
from ._shared import _staff_of

# --- preparedness plan -----------------------------------------------------------------------------


def _representative_people(centre):
    return [representative.user for representative in selectors.representatives_of_centre(centre)]


@transaction.atomic
def emergency_activate(*, actor, centre: Organisation, reason: str) -> EmergencyPeriod:
    require(actor, "hub.manage_preparedness", centre)
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the emergency mode is activated.")})
    if selectors.emergency_of(centre) is not None:
        raise ValidationError({"reason": _("The emergency mode is already active.")})
    period = EmergencyPeriod.objects.create(
        centre=centre, reason=reason.strip(), started_at=timezone.now(), started_by=actor
    )
    audit.record_change(
        actor=actor,
        instance=period,
        action="create",
        summary="emergency mode activated",
        after={"reason": period.reason},
        organisation_uuid=centre.uuid,
    )
    notifications.notify(
        recipients=_representative_people(centre) + _staff_of(centre),
        subject=gettext_lazy("%(centre)s: the emergency mode is active"),
        template="hub/email/emergency.txt",
        context={"centre": centre.name, "reason": period.reason, "active": True},
        url=reverse("hub:preparedness", kwargs={"slug": centre.slug}),
        exclude=actor,
    )
    return period


@transaction.atomic
def emergency_deactivate(*, actor, centre: Organisation, reason: str) -> EmergencyPeriod:
    require(actor, "hub.manage_preparedness", centre)
    period = selectors.emergency_of(centre)
    if period is None:
        raise ValidationError({"reason": _("The emergency mode is not active.")})
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the emergency mode ends.")})
    period.ended_at, period.ended_by, period.end_reason = timezone.now(), actor, reason.strip()
    period.save()
    audit.record_change(
        actor=actor,
        instance=period,
        action="update",
        summary="emergency mode deactivated",
        after={"end_reason": period.end_reason},
        organisation_uuid=centre.uuid,
    )
    notifications.notify(
        recipients=_representative_people(centre) + _staff_of(centre),
        subject=gettext_lazy("%(centre)s: the emergency mode has ended"),
        template="hub/email/emergency.txt",
        context={"centre": centre.name, "reason": period.end_reason, "active": False},
        url=reverse("hub:preparedness", kwargs={"slug": centre.slug}),
        exclude=actor,
    )
    return period


@transaction.atomic
def contact_add(*, actor, centre: Organisation, representative: Representative, caller=None) -> ContactTreeEntry:
    """A representative joins the contact tree, called by the centre (level 1) or by someone one level up."""
    require(actor, "hub.manage_preparedness", centre)
    membership = representative.membership
    if membership.centre_id != centre.pk or membership.state != CentreMembership.State.APPROVED:
        raise ValidationError({"representative": _("Choose a representative of a member organisation.")})
    if caller is not None and caller.centre_id != centre.pk:
        raise ValidationError({"caller": _("Choose someone already in the contact tree.")})
    if ContactTreeEntry.objects.filter(centre=centre, representative=representative).exists():
        raise ValidationError({"representative": _("This person is already in the contact tree.")})
    entry = ContactTreeEntry.objects.create(
        centre=centre, representative=representative, caller=caller, level=(caller.level + 1) if caller else 1
    )
    audit.record_change(
        actor=actor,
        instance=entry,
        action="create",
        after={"level": entry.level, "representative": str(representative.uuid)},
        organisation_uuid=centre.uuid,
    )
    return entry


@transaction.atomic
def contact_remove(*, actor, entry: ContactTreeEntry) -> None:
    require(actor, "hub.manage_preparedness", entry.centre)
    if entry.calls.exists():
        raise ValidationError({"entry": _("First remove the people this person calls.")})
    audit.record_change(
        actor=actor, instance=entry, action="delete", before={"level": entry.level}, organisation_uuid=entry.centre.uuid
    )
    entry.delete()


@transaction.atomic
def capacity_report(*, actor, membership: CentreMembership, kind: str, quantity, note: str = "") -> CapacityReport:
    """A member reports what it can make available now; earlier reports stay as history."""
    require(actor, "hub.report_capacity", membership)
    errors = {}
    if kind not in CapacityReport.Kind.values:
        errors["kind"] = _("Choose beds, staff, interpreters or other.")
    if quantity is None or int(quantity) < 0:
        errors["quantity"] = _("Enter a whole number, zero or more.")
    if kind == CapacityReport.Kind.OTHER and not note.strip():
        errors["note"] = _("Say what the other capacity is.")
    if errors:
        raise ValidationError(errors)
    report = CapacityReport.objects.create(
        membership=membership, kind=kind, quantity=int(quantity), note=note.strip(), reported_by=actor
    )
    audit.record_change(
        actor=actor,
        instance=report,
        action="create",
        after={"kind": kind, "quantity": report.quantity},
        organisation_uuid=membership.centre.uuid,
    )
    return report


@transaction.atomic
def task_create(
    *, actor, centre: Organisation, title: str, membership: CentreMembership, due=None, description: str = ""
) -> PreparednessTask:
    require(actor, "hub.manage_preparedness", centre)
    errors = {}
    if not title.strip():
        errors["title"] = _("Name the task.")
    if membership is None or membership.centre_id != centre.pk or membership.state != CentreMembership.State.APPROVED:
        errors["membership"] = _("Choose one of the centre's member organisations.")
    if errors:
        raise ValidationError(errors)
    task = PreparednessTask.objects.create(
        centre=centre, title=title.strip(), description=description.strip(), membership=membership, due=due
    )
    audit.record_change(
        actor=actor, instance=task, action="create", after=audit.snapshot(task), organisation_uuid=centre.uuid
    )
    notifications.notify(
        recipients=_staff_of(membership.organisation),
        subject=gettext_lazy("%(centre)s gave your organisation a preparedness task: %(title)s"),
        template="hub/email/task.txt",
        context={"centre": centre.name, "title": task.title},
        url=reverse("hub:preparedness", kwargs={"slug": centre.slug}),
        exclude=actor,
    )
    return task


@transaction.atomic
def task_set_status(*, actor, task: PreparednessTask, status: str) -> PreparednessTask:
    require(actor, "hub.update_task", task)
    if status not in PreparednessTask.Status.values:
        raise ValidationError({"status": _("Choose a status from the list.")})
    before = task.status
    task.status = status
    task.save(update_fields=["status", "updated_at"])
    audit.record_change(
        actor=actor,
        instance=task,
        action="update",
        before={"status": before},
        after={"status": status},
        organisation_uuid=task.centre.uuid,
    )
    return task
