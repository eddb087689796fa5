"""What every way into the helpline shares: references, the audit line, tags, and `_receive`,
which stores one received message in its conversation (whatever the channel)."""

from __future__ import annotations

import re
import secrets
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy

from civica.core import audit
from civica.core.notifications import notify
from civica.core.permissions import SYSTEM

from .. import safety, selectors
from ..models import Conversation, Helpline, Message
from .delivery import _dispatch

WEB_LINK_SALT = "civica.helpline.web-chat"
WHATSAPP_WINDOW = timedelta(hours=24)
_REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


# --- helpers ------------------------------------------------------------------------------------


def _org_uuid(helpline: Helpline):
    return helpline.organisation.uuid


def _new_reference() -> str:
    while True:
        code = "".join(secrets.choice(_REFERENCE_ALPHABET) for _i in range(8))
        reference = f"HL-{code[:4]}-{code[4:]}"
        if selectors.conversation_by_reference(reference) is None:
            return reference


def _audit(actor, conversation: Conversation, before: dict, summary: str) -> None:
    audit.record_change(
        actor=actor,
        instance=conversation,
        action="update",
        before=before,
        after=audit.snapshot(conversation),
        organisation_uuid=_org_uuid(conversation.helpline),
        summary=summary,
    )


def normalise_tags(raw) -> list[str]:
    """Tags from a comma-separated string or a list: lower case, trimmed, unique, in order."""
    items = raw.split(",") if isinstance(raw, str) else list(raw or [])
    seen: list[str] = []
    for item in items:
        tag = re.sub(r"\s+", " ", str(item)).strip().lower()[:40]
        if tag and tag not in seen:
            seen.append(tag)
    return seen[:12]


# --- helplines, operators, quick replies ----------------------------------------------------------


@transaction.atomic
def _outside_hours_text(helpline: Helpline) -> str:
    if helpline.outside_hours_message.strip():
        return helpline.outside_hours_message.strip()
    with translation.override(helpline.language):
        return str(
            gettext_lazy(
                "Thank you for writing. Nobody can answer right now: we will answer as soon as we are back. "
                "In an emergency call 112."
            )
        )


def _receive(
    *,
    helpline: Helpline,
    channel: str,
    contact: str,
    body: str,
    external_id: str = "",
    conversation: Conversation | None = None,
    contact_name: str = "",
    subject: str = "",
    html: str = "",
    media_type: str = "",
    media_reference: str = "",
    at: datetime | None = None,
    continue_by_contact: bool = True,
    sender_unverified: bool = False,
) -> Message | None:
    """Store one received message in its conversation (continued or new); None for a duplicate."""
    if external_id and selectors.message_exists(channel=channel, external_id=external_id):
        return None
    now = timezone.now()
    at = min(at or now, now)
    if conversation is None and continue_by_contact:
        conversation = selectors.open_conversation_with(helpline=helpline, channel=channel, contact=contact)
    created = conversation is None
    if created:
        conversation = Conversation.objects.create(
            helpline=helpline,
            reference=_new_reference(),
            channel=channel,
            contact_address=contact,
            contact_digest=safety.contact_digest(contact),
            contact_name=contact_name[:120],
            subject=subject[:200],
            language=helpline.language,
            sender_unverified=sender_unverified,
        )
    else:
        conversation = Conversation.objects.select_for_update().select_related("helpline").get(pk=conversation.pk)
    before = audit.snapshot(conversation)
    try:
        with transaction.atomic():
            message = Message.objects.create(
                conversation=conversation,
                channel=channel,
                direction=Message.Direction.INBOUND,
                body=body,
                html_sanitised=html,
                external_id=external_id,
                media_type=media_type,
                media_reference=media_reference,
                status=Message.Status.RECEIVED,
            )
    except IntegrityError:  # the same delivery, arriving twice at the same moment
        return None
    # Deliveries can arrive late and out of order: the window runs from the newest message.
    conversation.last_inbound_at = max(conversation.last_inbound_at or at, at)
    if conversation.state in {Conversation.State.WAITING, Conversation.State.CLOSED}:
        conversation.state = Conversation.State.OPEN
        conversation.closed_at = None
    found = safety.risk_words_in(body)
    if found and not conversation.at_risk:
        conversation.at_risk = True
    conversation.save()
    if created:
        audit.record_change(
            actor=SYSTEM,
            instance=conversation,
            action="create",
            after=audit.snapshot(conversation),
            organisation_uuid=_org_uuid(helpline),
            summary=f"received by {channel}",
        )
    elif found or before.get("state") != conversation.state:
        _audit(SYSTEM, conversation, before, "message received")
    if found:
        # The assigned operator (or every operator on duty) hears about a risk at once.
        people = (
            [conversation.assigned_to]
            if conversation.assigned_to_id
            else [o.user for o in selectors.operators_of(helpline) if o.is_available]
        )
        notify(
            recipients=people,
            subject=gettext_lazy("Risk words in helpline conversation %(reference)s"),
            template="helpline/email/risk.txt",
            context={"reference": conversation.reference},
            url=reverse("helpline:conversation", kwargs={"uuid": conversation.uuid}),
        )
    _answer_if_closed(conversation, now)
    return message


def _answer_if_closed(conversation: Conversation, now: datetime) -> None:
    """Outside the hours, or with nobody available, the person gets the automatic answer (at most
    once every 12 hours, not at every message)."""
    helpline = conversation.helpline
    if selectors.is_open(helpline, now) and selectors.someone_available(helpline):
        return
    if conversation.auto_answered_at and conversation.auto_answered_at > now - timedelta(hours=12):
        return
    conversation.auto_answered_at = now
    conversation.save(update_fields=["auto_answered_at"])
    message = Message.objects.create(
        conversation=conversation,
        channel=conversation.channel,
        direction=Message.Direction.AUTOMATIC,
        body=_outside_hours_text(helpline),
        status=Message.Status.QUEUED,
    )
    _dispatch(conversation, message)


# --- WhatsApp -----------------------------------------------------------------------------------------
