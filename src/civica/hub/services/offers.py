"""Writes to offers of support: submission by anyone, matching and moves by the centre and the member."""

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
from civica.core.permissions import require
from civica.organisations.models import Organisation

from .. import selectors
from ..models import (
    Offer,
)
from ._shared import _staff_of

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
    require(actor, "hub.manage_offers", offer.centre)
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
