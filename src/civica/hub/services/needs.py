"""Writes to the needs and gaps a centre records."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from civica.core import audit, notifications
from civica.core.permissions import require
from civica.organisations.models import Organisation

from .. import selectors
from ..models import (
    Need,
)
from ._shared import SECTOR_CODES, _staff_of

# --- needs and gaps ------------------------------------------------------------------------------

NEED_FIELDS = ("title", "description", "sector", "territory", "committee", "priority")


def _clean_need(*, centre, title, description, sector, territory, committee, priority) -> dict:
    errors = {}
    if not (title or "").strip():
        errors["title"] = _("Name the need or gap.")
    if sector not in SECTOR_CODES:
        errors["sector"] = _("Choose a sector from the list.")
    if priority not in Need.Priority.values:
        errors["priority"] = _("Choose immediate or long term.")
    if committee is not None and not selectors.committees_of(centre).filter(pk=committee.pk).exists():
        errors["committee"] = _("Choose one of the centre's committees.")
    if errors:
        raise ValidationError(errors)
    return {
        "title": title.strip(),
        "description": (description or "").strip(),
        "sector": sector,
        "territory": territory,
        "committee": committee,
        "priority": priority,
    }


def _check_services(centre, services) -> list:
    services = list(services or [])
    allowed = set(
        selectors.services_of_centre(centre).filter(id__in=[s.id for s in services]).values_list("id", flat=True)
    )
    if any(service.id not in allowed for service in services):
        raise ValidationError({"services": _("Choose services from the centre's directory.")})
    return services


@transaction.atomic
def need_create(
    *,
    actor,
    centre: Organisation,
    title: str,
    sector: str,
    priority: str,
    description: str = "",
    territory=None,
    committee=None,
    services=(),
    organisation: Organisation | None = None,
) -> Need:
    """The centre's staff record an open need; a member organisation's staff propose one for the centre
    to accept (`organisation`: which of their member organisations proposes it)."""
    require(actor, "hub.propose_need", centre)
    values = _clean_need(
        centre=centre,
        title=title,
        description=description,
        sector=sector,
        territory=territory,
        committee=committee,
        priority=priority,
    )
    manages = actor.has_perm("hub.manage_needs", centre)
    proposer = None
    if not manages:
        mine = selectors.member_organisation_ids(actor, centre, working=True)
        proposer = organisation if organisation is not None and organisation.pk in mine else None
        if proposer is None:
            proposer = Organisation.objects.filter(pk__in=mine).order_by("name", "pk").first()
    need = Need.objects.create(
        centre=centre,
        status=Need.Status.OPEN if manages else Need.Status.PROPOSED,
        proposed_by=actor,
        proposed_for=proposer,
        **values,
    )
    if manages:
        need.services.set(_check_services(centre, services))
    audit.record_change(
        actor=actor, instance=need, action="create", after=audit.snapshot(need), organisation_uuid=centre.uuid
    )
    if not manages:
        notifications.notify(
            recipients=_staff_of(centre),
            subject=gettext_lazy("%(organisation)s proposes a need: %(title)s"),
            template="hub/email/need_proposed.txt",
            context={"organisation": proposer.name if proposer else "", "title": need.title},
            url=reverse("hub:need", kwargs={"uuid": need.uuid}),
        )
    return need


@transaction.atomic
def need_update(*, actor, need: Need, status: str, services=(), **values) -> Need:
    """The centre's staff edit a need, set its status (accepting a member's proposal opens it) and link the
    directory services that answer it."""
    require(actor, "hub.manage_needs", need.centre)
    if status not in Need.Status.values:
        raise ValidationError({"status": _("Choose a status from the list.")})
    cleaned = _clean_need(centre=need.centre, **{field: values.get(field) for field in NEED_FIELDS})
    linked = _check_services(need.centre, services)
    before = {**audit.snapshot(need), "services": sorted(str(s.id) for s in need.services.all())}
    for field, value in cleaned.items():
        setattr(need, field, value)
    need.status = status
    need.save()
    need.services.set(linked)
    audit.record_change(
        actor=actor,
        instance=need,
        action="update",
        before=before,
        after={**audit.snapshot(need), "services": sorted(str(s.id) for s in linked)},
        organisation_uuid=need.centre.uuid,
    )
    return need
