"""Writes to a centre's membership: requests, decisions, profiles and representatives."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from civica.core import audit, notifications
from civica.core.permissions import as_user
from civica.directory import services as directory_services
from civica.organisations import selectors as organisation_selectors
from civica.organisations.models import Organisation

from .. import selectors
from ..models import (
    CentreMembership,
    Representative,
)
from ._shared import _check_sectors, _staff_of


@transaction.atomic
def membership_request(
    *, actor, centre: Organisation, organisation: Organisation, motivation: str, sectors=(), system: bool = False
):
    """`system` is for the demo loader, which acts for organisations that have no staff account."""
    if not system and not actor.has_perm("hub.request_to_join", organisation):
        raise PermissionDenied("hub.request_to_join")
    if centre.kind != Organisation.Kind.CENTRE or centre.pk == organisation.pk:
        raise ValidationError({"organisation": _("Only a coordination centre has members.")})
    if not motivation.strip():
        raise ValidationError({"motivation": _("Say why your organisation wants to join.")})
    existing = CentreMembership.objects.filter(centre=centre, organisation=organisation).first()
    if existing is not None and existing.state != CentreMembership.State.REJECTED:
        raise ValidationError({"organisation": _("This organisation is already a member or has already asked.")})
    membership = existing or CentreMembership(centre=centre, organisation=organisation)
    membership.state = CentreMembership.State.REQUESTED
    membership.motivation, membership.sectors = motivation.strip(), _check_sectors(sectors)
    membership.requested_by, membership.reason = as_user(actor), ""
    membership.save()
    audit.record_change(
        actor=actor, instance=membership, action="create", after={"state": "requested"}, organisation_uuid=centre.uuid
    )
    notifications.notify(
        recipients=_staff_of(centre),
        subject=gettext_lazy("%(organisation)s asks to join the centre"),
        template="hub/email/requested.txt",
        context={"organisation": organisation.name},
        url=reverse("hub:membership", kwargs={"uuid": membership.uuid}),
    )
    return membership


@transaction.atomic
def membership_decide(*, actor, membership: CentreMembership, approve: bool, reason: str = "") -> CentreMembership:
    if not actor.has_perm("hub.decide", membership):
        raise PermissionDenied("hub.decide")
    if membership.state != CentreMembership.State.REQUESTED:
        raise ValidationError(_("This request has already been decided."))
    if not approve and not reason.strip():
        raise ValidationError({"reason": _("Say why the organisation is not admitted.")})
    membership.state = CentreMembership.State.APPROVED if approve else CentreMembership.State.REJECTED
    membership.reason, membership.decided_by, membership.decided_at = reason.strip(), actor, timezone.now()
    membership.save()
    selectors.forget_member_ids(actor)
    if approve:
        # A member's services are listed in the centre's directory, which the centre then reviews.
        directory_services.organization_record_for(organisation=membership.organisation, centre=membership.centre)
    audit.record_change(
        actor=actor,
        instance=membership,
        action="update",
        after={"state": membership.state, "reason": membership.reason},
        organisation_uuid=membership.centre.uuid,
    )
    notifications.notify(
        recipients=_staff_of(membership.organisation),
        subject=gettext_lazy("Your request to join %(centre)s has been decided"),
        template="hub/email/decided.txt",
        context={"centre": membership.centre.name, "approved": approve, "reason": membership.reason},
        url=reverse("hub:membership", kwargs={"uuid": membership.uuid}),
    )
    return membership


@transaction.atomic
def profile_update(*, actor, membership: CentreMembership, profile: str, sectors=()) -> CentreMembership:
    if not actor.has_perm("hub.edit_profile", membership):
        raise PermissionDenied("hub.edit_profile")
    before = {"profile": membership.profile, "sectors": membership.sectors}
    membership.profile, membership.sectors = profile.strip(), _check_sectors(sectors)
    membership.save(update_fields=["profile", "sectors", "updated_at"])
    audit.record_change(
        actor=actor,
        instance=membership,
        action="update",
        before=before,
        after={"profile": membership.profile, "sectors": membership.sectors},
        organisation_uuid=membership.organisation.uuid,
    )
    return membership


@transaction.atomic
def representative_add(*, actor, membership: CentreMembership, user, title: str = "") -> Representative:
    if not actor.has_perm("hub.edit_profile", membership):
        raise PermissionDenied("hub.edit_profile")
    if organisation_selectors.role_in(user, membership.organisation) is None:
        raise ValidationError({"user": _("A representative must belong to the organisation.")})
    representative, _created = Representative.objects.update_or_create(
        membership=membership, user=user, defaults={"title": title.strip()}
    )
    audit.record_change(
        actor=actor,
        instance=representative,
        action="create",
        after={"user": user.email, "title": representative.title},
        organisation_uuid=membership.organisation.uuid,
    )
    return representative


@transaction.atomic
def representative_remove(*, actor, representative: Representative) -> None:
    if not actor.has_perm("hub.edit_profile", representative.membership):
        raise PermissionDenied("hub.edit_profile")
    audit.record_change(
        actor=actor,
        instance=representative,
        action="delete",
        before={"user": representative.user.email},
        organisation_uuid=representative.membership.organisation.uuid,
    )
    representative.delete()
