"""Writes to a centre's membership: ask to join, the centre's decision, profiles and representatives."""

import secrets

from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage
from django.core.validators import validate_email
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from civica.core import audit, notifications
from civica.directory import services as directory_services
from civica.organisations import selectors as organisation_selectors
from civica.organisations.models import Organisation

from . import selectors
from .models import (
    SECTORS,
    CapacityReport,
    CentreMembership,
    ContactTreeEntry,
    EmergencyPeriod,
    Need,
    Offer,
    PreparednessTask,
    Representative,
)

SECTOR_CODES = {code for code, _label in SECTORS}


def _staff_of(organisation):
    return [m.user for m in organisation_selectors.members_of(organisation) if m.role in {"admin", "staff"}]


def _check_sectors(sectors) -> list[str]:
    sectors = list(sectors or [])
    if any(code not in SECTOR_CODES for code in sectors):
        raise ValidationError({"sectors": _("Choose sectors from the list.")})
    return sectors


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
    membership.requested_by, membership.reason = actor, ""
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


def _require(actor, permission: str, target) -> None:
    if actor is None or not actor.has_perm(permission, target):
        raise PermissionDenied(permission)


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
    _require(actor, "hub.propose_need", centre)
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
    _require(actor, "hub.manage_needs", need.centre)
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


# --- offers of support -----------------------------------------------------------------------------

OFFER_SALT = "civica.hub.offer"

# Who may move an offer, by (from, to): "centre" is the centre's staff, "member" the matched organisation's.
TRANSITIONS = {
    (Offer.State.OFFERED, Offer.State.MATCHED): {"centre"},
    (Offer.State.OFFERED, Offer.State.DECLINED): {"centre"},
    (Offer.State.MATCHED, Offer.State.MATCHED): {"centre"},
    (Offer.State.MATCHED, Offer.State.ACCEPTED): {"centre", "member"},
    (Offer.State.MATCHED, Offer.State.OFFERED): {"centre", "member"},
    (Offer.State.MATCHED, Offer.State.DECLINED): {"centre"},
    (Offer.State.ACCEPTED, Offer.State.DELIVERED): {"centre", "member"},
    (Offer.State.ACCEPTED, Offer.State.DECLINED): {"centre"},
}


def allowed_moves(*, actor, offer: Offer) -> list[str]:
    """The states this person may move the offer to now (for the page's buttons)."""
    sides = set()
    if actor.is_authenticated and actor.has_perm("hub.manage_offers", offer.centre):
        sides.add("centre")
    if actor.is_authenticated and actor.has_perm("hub.answer_offer", offer):
        sides.add("member")
    return [
        to
        for (start, to), who in TRANSITIONS.items()
        if start == offer.state and to != Offer.State.MATCHED and who & sides
    ]


def offer_token(offer: Offer) -> str:
    return signing.dumps(str(offer.uuid), salt=OFFER_SALT)


def offer_uuid_from_token(token: str) -> str:
    """signing.BadSignature for a forged link."""
    return signing.loads(token, salt=OFFER_SALT)


def offer_follow_url(offer: Offer) -> str:
    with translation.override(offer.language):
        return reverse("hub:offer_follow", kwargs={"token": offer_token(offer)})


def _tell_offerer(offer: Offer) -> None:
    """An e-mail to the person who offered, in their language, after the commit."""
    with translation.override(offer.language):
        subject = _("Your offer %(reference)s: %(state)s") % {
            "reference": offer.reference,
            "state": offer.get_state_display(),
        }
        body = render_to_string(
            "hub/email/offer_state.txt",
            {"offer": offer, "url": settings.SITE_URL + offer_follow_url(offer), "centre": offer.centre.name},
        )
    message = EmailMessage(subject, body, None, [offer.contact_email])
    transaction.on_commit(message.send)


def _clean_offer(data: dict) -> dict:
    errors = {}
    cleaned = {
        key: (data.get(key) or "").strip()
        for key in (
            "offerer_kind",
            "kind",
            "description",
            "quantity",
            "area",
            "contact_name",
            "company_name",
            "contact_email",
            "contact_phone",
            "language",
        )
    }
    if cleaned["offerer_kind"] not in Offer.OffererKind.values:
        errors["offerer_kind"] = _("Say whether you offer as a person or as a company.")
    if cleaned["kind"] not in Offer.Kind.values:
        errors["kind"] = _("Choose the kind of support.")
    if not cleaned["description"]:
        errors["description"] = _("Describe what you offer.")
    if not cleaned["contact_name"]:
        errors["contact_name"] = _("Give a name we can ask for.")
    if cleaned["offerer_kind"] == Offer.OffererKind.COMPANY and not cleaned["company_name"]:
        errors["company_name"] = _("Give the company's name.")
    try:
        validate_email(cleaned["contact_email"])
    except ValidationError:
        errors["contact_email"] = _("Enter a valid e-mail address.")
    if not data.get("consent_to_contact"):
        errors["consent_to_contact"] = _("The centre can only use your offer if you agree to be contacted.")
    for field, limit in (
        ("quantity", 200),
        ("area", 200),
        ("contact_name", 200),
        ("company_name", 200),
        ("contact_phone", 50),
    ):
        if len(cleaned[field]) > limit:
            errors[field] = _("This value is too long.")
    if cleaned["language"] not in dict(settings.LANGUAGES):
        cleaned["language"] = settings.LANGUAGE_CODE
    if errors:
        raise ValidationError(errors)
    return cleaned


def _new_reference() -> str:
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    while True:
        reference = "OF-" + "".join(secrets.choice(alphabet) for _i in range(8))
        if not Offer.objects.filter(reference=reference).exists():
            return reference


@transaction.atomic
def offer_submit(*, centre: Organisation, data: dict, actor=None) -> Offer:
    """The public form: anyone may offer support to a centre; they get a private link to follow it."""
    if centre.kind != Organisation.Kind.CENTRE:
        raise ValidationError({"centre": _("Only a coordination centre takes offers of support.")})
    cleaned = _clean_offer(data)
    offer = Offer.objects.create(
        centre=centre, reference=_new_reference(), consent_to_contact=True, state_changed_at=timezone.now(), **cleaned
    )
    audit.record_change(
        actor=actor,
        instance=offer,
        action="create",
        after={"state": offer.state, "kind": offer.kind, "offerer_kind": offer.offerer_kind},
        organisation_uuid=centre.uuid,
    )
    _tell_offerer(offer)
    notifications.notify(
        recipients=_staff_of(centre),
        subject=gettext_lazy("A new offer of support: %(reference)s"),
        template="hub/email/offer_new.txt",
        context={"reference": offer.reference, "kind": str(offer.get_kind_display())},
        url=reverse("hub:offer", kwargs={"uuid": offer.uuid}),
    )
    return offer


def _move(offer: Offer, *, actor, to: str, note: str, side: str) -> str:
    start = offer.state
    if (start, to) not in TRANSITIONS:
        raise ValidationError(
            {"state": _("An offer that is %(state)s cannot become that.") % {"state": offer.get_state_display()}}
        )
    if side not in TRANSITIONS[(start, to)]:
        raise PermissionDenied("hub.offer_transition")
    offer.state, offer.note, offer.state_changed_at = to, note.strip(), timezone.now()
    return start


@transaction.atomic
def offer_match(*, actor, offer: Offer, needs, organisation: Organisation, note: str = "") -> Offer:
    """The centre's staff match an offer to needs and a member organisation, which is told at once."""
    _require(actor, "hub.manage_offers", offer.centre)
    needs = list(needs or [])
    errors = {}
    if (
        organisation is None
        or not selectors.approved_memberships(offer.centre).filter(organisation=organisation).exists()
    ):
        errors["organisation"] = _("Choose one of the centre's member organisations.")
    open_ids = set(selectors.open_needs(offer.centre).values_list("pk", flat=True))
    if any(need.pk not in open_ids for need in needs):
        errors["needs"] = _("Choose open needs of the centre.")
    if errors:
        raise ValidationError(errors)
    start = _move(offer, actor=actor, to=Offer.State.MATCHED, note=note, side="centre")
    offer.matched_organisation = organisation
    offer.save()
    offer.needs.set(needs)
    audit.record_change(
        actor=actor,
        instance=offer,
        action="update",
        before={"state": start},
        after={
            "state": offer.state,
            "matched_organisation": str(organisation.uuid),
            "needs": [str(need.uuid) for need in needs],
        },
        organisation_uuid=offer.centre.uuid,
    )
    _tell_offerer(offer)
    notifications.notify(
        recipients=_staff_of(organisation),
        subject=gettext_lazy("%(centre)s matched an offer of support to your organisation: %(reference)s"),
        template="hub/email/offer_matched.txt",
        context={"centre": offer.centre.name, "reference": offer.reference, "note": offer.note},
        url=reverse("hub:offer", kwargs={"uuid": offer.uuid}),
    )
    return offer


@transaction.atomic
def offer_transition(*, actor, offer: Offer, to: str, note: str = "") -> Offer:
    """Accept, deliver, return (a member declines the match) or decline an offer, as TRANSITIONS allow."""
    if actor is not None and actor.is_authenticated and actor.has_perm("hub.manage_offers", offer.centre):
        side = "centre"
    elif actor is not None and actor.is_authenticated and actor.has_perm("hub.answer_offer", offer):
        side = "member"
    else:
        raise PermissionDenied("hub.offer_transition")
    if to == Offer.State.MATCHED:
        raise ValidationError({"state": _("Use the matching form to match an offer.")})
    if to == Offer.State.DECLINED and not note.strip():
        raise ValidationError({"note": _("Say why the offer is declined.")})
    matched = offer.matched_organisation
    start = _move(offer, actor=actor, to=to, note=note, side=side)
    if to == Offer.State.OFFERED:
        # The match is undone: the organisation no longer sees the offer, the centre matches again.
        offer.matched_organisation = None
        offer.needs.clear()
    offer.save()
    audit.record_change(
        actor=actor,
        instance=offer,
        action="update",
        before={"state": start},
        after={"state": offer.state, "note": offer.note},
        organisation_uuid=offer.centre.uuid,
    )
    if to != Offer.State.OFFERED:
        _tell_offerer(offer)
    recipients = _staff_of(offer.centre) if side == "member" else (_staff_of(matched) if matched else [])
    notifications.notify(
        recipients=recipients,
        subject=gettext_lazy("Offer of support %(reference)s: %(state)s"),
        template="hub/email/offer_moved.txt",
        context={"reference": offer.reference, "state": str(offer.get_state_display()), "note": offer.note},
        url=reverse("hub:offer", kwargs={"uuid": offer.uuid}),
        exclude=actor,
    )
    return offer


# --- preparedness plan -----------------------------------------------------------------------------


def _representative_people(centre):
    return [representative.user for representative in selectors.representatives_of_centre(centre)]


@transaction.atomic
def emergency_activate(*, actor, centre: Organisation, reason: str) -> EmergencyPeriod:
    _require(actor, "hub.manage_preparedness", centre)
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
    _require(actor, "hub.manage_preparedness", centre)
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
    _require(actor, "hub.manage_preparedness", centre)
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
    _require(actor, "hub.manage_preparedness", entry.centre)
    if entry.calls.exists():
        raise ValidationError({"entry": _("First remove the people this person calls.")})
    audit.record_change(
        actor=actor, instance=entry, action="delete", before={"level": entry.level}, organisation_uuid=entry.centre.uuid
    )
    entry.delete()


@transaction.atomic
def capacity_report(*, actor, membership: CentreMembership, kind: str, quantity, note: str = "") -> CapacityReport:
    """A member reports what it can make available now; earlier reports stay as history."""
    _require(actor, "hub.report_capacity", membership)
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
    _require(actor, "hub.manage_preparedness", centre)
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
    _require(actor, "hub.update_task", task)
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
