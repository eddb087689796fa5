"""Every write of the helpline: one transaction each, an audit line, side effects (WhatsApp replies,
e-mails, notices) after the commit. Received messages from the channels come in through
`whatsapp_ingest`, `email_ingest` and `web_*`, which never trust what they receive."""

from __future__ import annotations

import logging
import re
import secrets
from datetime import UTC, datetime, timedelta
from email import policy
from email.parser import BytesParser
from email.utils import getaddresses, make_msgid, parseaddr
from html import unescape

import httpx
import nh3
from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from civica.cases import services as case_services
from civica.core import audit, crypto
from civica.core.notifications import notify
from civica.organisations import selectors as organisation_selectors

from . import safety, selectors
from .models import Channel, Conversation, Helpline, InternalNote, Message, Operator, QuickReply

logger = logging.getLogger(__name__)

WEB_LINK_SALT = "civica.helpline.web-chat"
EMAIL_TOKEN_SALT = "civica.helpline.email-reply"  # noqa: S105 - a signing salt, not a secret
WHATSAPP_WINDOW = timedelta(hours=24)
# Stored on a reply that could not leave because the Cloud API is not set up (shown translated).
NOT_CONFIGURED = "not-configured"
_REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


# --- helpers ------------------------------------------------------------------------------------


def _org_uuid(helpline: Helpline):
    return helpline.organisation.uuid


def _require(actor, permission: str, helpline: Helpline) -> None:
    if not (actor is not None and actor.has_perm(permission, helpline)):
        raise PermissionDenied(permission)


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
def helpline_create(*, actor, organisation, data: dict) -> Helpline:
    """An organisation's administrator opens a helpline and becomes its coordinator."""
    if organisation_selectors.role_in(actor, organisation) != "admin":
        raise PermissionDenied("helpline.create")
    if not (data.get("name") or "").strip():
        raise ValidationError({"name": _("Give the helpline a name.")})
    values = {k: v for k, v in data.items() if k in {f.name for f in Helpline._meta.fields}}
    values.setdefault("country", organisation.country)
    values.setdefault("language", organisation.language)
    values.setdefault("open_weekdays", [0, 1, 2, 3, 4])
    helpline = Helpline.objects.create(organisation=organisation, **values)
    Operator.objects.create(
        helpline=helpline, user=actor, role=Operator.Role.COORDINATOR, sees_contacts=True, is_available=True
    )
    audit.record_change(
        actor=actor,
        instance=helpline,
        action="create",
        after=audit.snapshot(helpline),
        organisation_uuid=organisation.uuid,
    )
    return helpline


@transaction.atomic
def helpline_update(*, actor, helpline: Helpline, data: dict) -> Helpline:
    _require(actor, "helpline.manage", helpline)
    before = audit.snapshot(helpline)
    opens, closes = data.get("opens_at", helpline.opens_at), data.get("closes_at", helpline.closes_at)
    if opens and closes and opens >= closes:
        raise ValidationError({"closes_at": _("The helpline must close after it opens.")})
    for name, value in data.items():
        if name in {
            "name",
            "open_weekdays",
            "opens_at",
            "closes_at",
            "outside_hours_message",
            "retention_days",
            "whatsapp_template",
            "web_chat_enabled",
            "emergency_numbers",
            "time_zone",
        }:
            setattr(helpline, name, value)
    helpline.save()
    audit.record_change(
        actor=actor,
        instance=helpline,
        action="update",
        before=before,
        after=audit.snapshot(helpline),
        organisation_uuid=_org_uuid(helpline),
    )
    return helpline


@transaction.atomic
def operator_add(
    *, actor, helpline: Helpline, role: str, sees_contacts: bool = False, user=None, email: str = ""
) -> Operator:
    """Let a member of the helpline's organisation answer for it. From the coordinator's page the person
    is named by `email` and must not answer already; `user` (demo, setup) adds or updates them."""
    _require(actor, "helpline.manage", helpline)
    if role not in Operator.Role.values:
        raise ValidationError({"role": _("Choose a role from the list.")})
    if user is None:
        membership = (
            organisation_selectors.members_of(helpline.organisation)
            .filter(user__email__iexact=(email or "").strip())
            .first()
        )
        if not (email or "").strip() or membership is None:
            raise ValidationError(
                {
                    "email": _(
                        "Nobody with this e-mail address is a member of %(organisation)s. "
                        "Invite them to the organisation first."
                    )
                    % {"organisation": helpline.organisation.name}
                }
            )
        user = membership.user
        if Operator.objects.filter(helpline=helpline, user=user).exists():
            raise ValidationError({"email": _("This person already answers for this helpline.")})
    elif organisation_selectors.role_in(user, helpline.organisation) is None:
        raise ValidationError({"user": _("Only members of the helpline's organisation can answer for it.")})
    operator, created = Operator.objects.update_or_create(
        helpline=helpline, user=user, defaults={"role": role, "sees_contacts": sees_contacts}
    )
    audit.record_change(
        actor=actor,
        instance=operator,
        action="create" if created else "update",
        after=audit.snapshot(operator),
        organisation_uuid=_org_uuid(helpline),
    )
    return operator


def _other_coordinators(operator: Operator) -> bool:
    return (
        Operator.objects.filter(helpline_id=operator.helpline_id, role=Operator.Role.COORDINATOR)
        .exclude(pk=operator.pk)
        .exists()
    )


@transaction.atomic
def operator_update(*, actor, operator: Operator, role: str, sees_contacts: bool) -> Operator:
    """Change an operator's role or whether they see contacts; a helpline always keeps a coordinator."""
    helpline = operator.helpline
    _require(actor, "helpline.manage", helpline)
    if role not in Operator.Role.values:
        raise ValidationError({"role": _("Choose a role from the list.")})
    # Lock the helpline so two coordinators demoting or removing each other cannot leave it with none.
    Helpline.objects.select_for_update().filter(pk=helpline.pk).first()
    operator = Operator.objects.get(pk=operator.pk)
    if (
        operator.role == Operator.Role.COORDINATOR
        and role != Operator.Role.COORDINATOR
        and not _other_coordinators(operator)
    ):
        raise ValidationError({"role": _("The helpline needs a coordinator: name another one first.")})
    before = audit.snapshot(operator)
    operator.role = role
    operator.sees_contacts = sees_contacts
    operator.save(update_fields=["role", "sees_contacts", "updated_at"])
    audit.record_change(
        actor=actor,
        instance=operator,
        action="update",
        before=before,
        after=audit.snapshot(operator),
        organisation_uuid=_org_uuid(helpline),
    )
    return operator


@transaction.atomic
def operator_remove(*, actor, operator: Operator) -> None:
    """Stop someone answering for the helpline. Their open conversations go back to the queue; the last
    coordinator cannot be removed."""
    helpline = operator.helpline
    _require(actor, "helpline.manage", helpline)
    Helpline.objects.select_for_update().filter(pk=helpline.pk).first()
    operator = Operator.objects.get(pk=operator.pk)
    if operator.role == Operator.Role.COORDINATOR and not _other_coordinators(operator):
        raise ValidationError(_("The helpline needs a coordinator: name another one before removing this one."))
    before = audit.snapshot(operator)
    Conversation.objects.filter(helpline=helpline, assigned_to_id=operator.user_id).exclude(
        state=Conversation.State.CLOSED
    ).update(assigned_to=None)
    audit.record_change(
        actor=actor, instance=operator, action="delete", before=before, organisation_uuid=_org_uuid(helpline)
    )
    operator.delete()


@transaction.atomic
def availability_set(*, actor, helpline: Helpline, available: bool) -> Operator:
    operator = selectors.operator_of(actor, helpline)
    if operator is None:
        raise PermissionDenied("helpline.operate")
    operator.is_available = available
    operator.save(update_fields=["is_available", "updated_at"])
    return operator


@transaction.atomic
def quick_reply_save(*, actor, helpline: Helpline, key: str, language: str, title: str, body: str) -> QuickReply:
    _require(actor, "helpline.manage", helpline)
    if language not in dict(settings.LANGUAGES):
        raise ValidationError({"language": _("Choose a language from the list.")})
    if not title.strip() or not body.strip():
        raise ValidationError({"body": _("A quick reply needs a title and a text.")})
    reply, _created = QuickReply.objects.update_or_create(
        helpline=helpline, key=key, language=language, defaults={"title": title.strip(), "body": body.strip()}
    )
    return reply


# --- receiving ---------------------------------------------------------------------------------------


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
) -> Message | None:
    """Store one received message in its conversation (continued or new); None for a duplicate."""
    if external_id and selectors.message_exists(channel=channel, external_id=external_id):
        return None
    now = timezone.now()
    at = min(at or now, now)
    if conversation is None:
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
            actor=None,
            instance=conversation,
            action="create",
            after=audit.snapshot(conversation),
            organisation_uuid=_org_uuid(helpline),
            summary=f"received by {channel}",
        )
    elif found or before.get("state") != conversation.state:
        _audit(None, conversation, before, "message received")
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


def _timestamp(value) -> datetime | None:
    try:
        return datetime.fromtimestamp(int(value), tz=UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        return None


_MEDIA_TYPES = {"image", "audio", "video", "document", "sticker", "voice"}


def _whatsapp_content(item: dict) -> tuple[str, str, str]:
    """(body, media type, media reference) of one received WhatsApp message, whatever its type."""
    kind = str(item.get("type") or "unknown")[:30]
    if kind == "text":
        return str((item.get("text") or {}).get("body") or ""), "", ""
    if kind in _MEDIA_TYPES:
        media = item.get(kind) or {}
        return str(media.get("caption") or ""), kind, str(media.get("id") or "")[:300]
    if kind == "button":
        return str((item.get("button") or {}).get("text") or ""), "", ""
    if kind == "interactive":
        reply = (
            (item.get("interactive") or {}).get("button_reply")
            or (item.get("interactive") or {}).get("list_reply")
            or {}
        )
        return str(reply.get("title") or ""), "", ""
    # location, contacts, reaction, unsupported, or a type that does not exist yet: kept, never fatal.
    return "", kind, ""


def whatsapp_ingest(payload) -> dict:
    """Store what one webhook delivery holds. Never raises on a malformed or unknown payload: the
    Cloud API retries and then blocks a webhook that fails, and one odd item must not stop the rest."""
    summary = {"stored": 0, "duplicates": 0, "statuses": 0, "errors": 0, "ignored": 0}
    if not isinstance(payload, dict):
        summary["ignored"] += 1
        return summary
    for entry in payload.get("entry") or []:
        for change in (entry or {}).get("changes") or [] if isinstance(entry, dict) else []:
            value = (change or {}).get("value") if isinstance(change, dict) else None
            if not isinstance(value, dict):
                summary["ignored"] += 1
                continue
            try:
                _whatsapp_value(value, summary)
            except Exception:  # one broken change is logged, the others are still stored
                logger.exception("WhatsApp change could not be stored")
                summary["ignored"] += 1
    return summary


def _whatsapp_value(value: dict, summary: dict) -> None:
    phone_number_id = str((value.get("metadata") or {}).get("phone_number_id") or "")
    helpline = selectors.helpline_by_whatsapp_number(phone_number_id) if phone_number_id else None
    if helpline is None:
        summary["ignored"] += 1
        return
    names = {
        str(c.get("wa_id")): str((c.get("profile") or {}).get("name") or "")
        for c in value.get("contacts") or []
        if isinstance(c, dict)
    }
    for error in value.get("errors") or []:
        logger.warning("WhatsApp reported an error: %s", error)
        summary["errors"] += 1
    for item in value.get("messages") or []:
        if not isinstance(item, dict) or not item.get("from"):
            summary["ignored"] += 1
            continue
        sender = re.sub(r"\D", "", str(item["from"]))[:20]
        body, media_type, media_reference = _whatsapp_content(item)
        if item.get("errors"):
            summary["errors"] += 1
        with transaction.atomic():
            message = _receive(
                helpline=helpline,
                channel=Channel.WHATSAPP,
                contact="+" + sender,
                contact_name=names.get(sender, ""),
                body=body[:10000],
                external_id=str(item.get("id") or "")[:300],
                media_type=media_type,
                media_reference=media_reference,
                at=_timestamp(item.get("timestamp")),
            )
        summary["stored" if message else "duplicates"] += 1
    for status in value.get("statuses") or []:
        if isinstance(status, dict):
            _whatsapp_status(status)
            summary["statuses"] += 1


_STATUS = {
    "sent": Message.Status.SENT,
    "delivered": Message.Status.DELIVERED,
    "read": Message.Status.READ,
    "failed": Message.Status.FAILED,
}
_STATUS_ORDER = [Message.Status.QUEUED, Message.Status.SENT, Message.Status.DELIVERED, Message.Status.READ]


@transaction.atomic
def _whatsapp_status(status: dict) -> None:
    message = selectors.message_by_external_id(channel=Channel.WHATSAPP, external_id=str(status.get("id") or ""))
    new = _STATUS.get(str(status.get("status")))
    if message is None or new is None:
        return
    if new == Message.Status.FAILED:
        errors = status.get("errors") or [{}]
        first = errors[0] if isinstance(errors[0], dict) else {}
        message.error = f"{first.get('code', '')} {first.get('title') or first.get('message') or ''}".strip()[:300]
    elif message.status in _STATUS_ORDER and _STATUS_ORDER.index(new) <= _STATUS_ORDER.index(message.status):
        return  # statuses may arrive out of order: "read" is never turned back into "delivered"
    message.status = new
    message.save(update_fields=["status", "error", "updated_at"])


def whatsapp_window_open(conversation: Conversation, now: datetime | None = None) -> bool:
    """Free text may be sent only within 24 hours of the person's last message."""
    last = conversation.last_inbound_at
    return bool(last and (now or timezone.now()) - last < WHATSAPP_WINDOW)


def whatsapp_deliver(message_uuid: str) -> Message | None:
    """Send one queued reply through the Graph API (run by the task queue, after the commit)."""
    message = (
        Message.objects.select_related("conversation", "conversation__helpline")
        .filter(uuid=message_uuid, channel=Channel.WHATSAPP, status=Message.Status.QUEUED)
        .first()
    )
    if message is None:
        return None
    conversation, helpline = message.conversation, message.conversation.helpline
    if not (settings.CIVICA_WHATSAPP_TOKEN and helpline.whatsapp_phone_number_id):
        # Not connected to the Cloud API (a demo, a test set-up): said on the message, nothing sent.
        message.status, message.error = Message.Status.FAILED, NOT_CONFIGURED
        message.save(update_fields=["status", "error", "updated_at"])
        return message
    payload = {"messaging_product": "whatsapp", "to": selectors.contact_of(conversation).lstrip("+")}
    if message.used_template:
        payload |= {
            "type": "template",
            "template": {"name": message.used_template, "language": {"code": helpline.whatsapp_template_language}},
        }
    else:
        payload |= {"type": "text", "text": {"body": crypto.reveal(message.body), "preview_url": False}}
    base = f"{settings.CIVICA_WHATSAPP_GRAPH_URL}/{settings.CIVICA_WHATSAPP_API_VERSION}"
    url = f"{base}/{helpline.whatsapp_phone_number_id}/messages"
    try:
        response = httpx.post(
            url,
            json=payload,
            headers={"Authorization": f"Bearer {settings.CIVICA_WHATSAPP_TOKEN}"},
            timeout=settings.CIVICA_WHATSAPP_TIMEOUT_SECONDS,
        )
        data = response.json() if response.content else {}
    except (httpx.HTTPError, ValueError) as error:
        message.status, message.error = Message.Status.FAILED, str(error)[:300]
    else:
        if response.is_success and (data.get("messages") or [{}])[0].get("id"):
            message.status, message.external_id = Message.Status.SENT, str(data["messages"][0]["id"])[:300]
        else:
            error = data.get("error") or {}
            message.status = Message.Status.FAILED
            message.error = f"{error.get('code', response.status_code)} {error.get('message', '')}".strip()[:300]
    message.save(update_fields=["status", "external_id", "error", "updated_at"])
    return message


# --- e-mail -----------------------------------------------------------------------------------------


def email_token(conversation: Conversation) -> str:
    return signing.Signer(salt=EMAIL_TOKEN_SALT, sep=".").sign(conversation.uuid.hex)


def email_reply_address(conversation: Conversation) -> str:
    local, _at, domain = conversation.helpline.email_address.partition("@")
    return f"{local}+{email_token(conversation)}@{domain}"


def _conversation_from_token(token: str) -> Conversation | None:
    try:
        value = signing.Signer(salt=EMAIL_TOKEN_SALT, sep=".").unsign(token)
    except signing.BadSignature:
        return None
    return selectors.conversation_by_uuid(value)


def is_auto_reply(message) -> bool:
    """Out-of-office answers, bounces and bulk mail (RFC 3834 and the usual vendor headers)."""
    auto_submitted = str(message.get("Auto-Submitted", "")).strip().lower()
    if auto_submitted and auto_submitted != "no":
        return True
    if message.get("X-Autoreply") is not None or message.get("X-Autorespond") is not None:
        return True
    if str(message.get("Precedence", "")).strip().lower() in {"bulk", "auto_reply", "junk", "list"}:
        return True
    suppress = {s.strip().lower() for s in str(message.get("X-Auto-Response-Suppress", "")).split(",")}
    return bool(suppress & {"all", "oof", "autoreply"})


def _message_ids(value) -> list[str]:
    return re.findall(r"<[^<>\s]+>", str(value or ""))


def _email_text(message) -> tuple[str, str]:
    """(plain text, sanitised HTML). The HTML goes through nh3; plain text comes from the text part,
    or from the HTML with every tag removed."""
    text_part = message.get_body(preferencelist=("plain",))
    html_part = message.get_body(preferencelist=("html",))
    html = ""
    if html_part is not None:
        try:
            html = nh3.clean(html_part.get_content())
        except (LookupError, UnicodeError):
            html = ""
    if text_part is not None:
        try:
            text = text_part.get_content()
        except (LookupError, UnicodeError):
            text = ""
    else:
        text = unescape(nh3.clean(html, tags=set())) if html else ""
    return text.strip()[:20000], html[:50000]


def email_ingest(raw: bytes, recipients: list[str] | None = None) -> dict:
    """Store one received e-mail (from the SMTP gateway or the IMAP poller). The result says what
    happened: stored, duplicate, auto_reply, no_helpline or invalid."""
    try:
        message = BytesParser(policy=policy.default).parsebytes(raw)
    except Exception:  # a message the parser cannot read is dropped, not the gateway
        logger.exception("Unreadable e-mail")
        return {"result": "invalid"}
    if is_auto_reply(message):
        return {"result": "auto_reply"}
    sender = parseaddr(str(message.get("From", "")))[1].strip().lower()
    if not sender or "@" not in sender:
        return {"result": "invalid"}
    addresses = list(recipients or []) + [
        a for _n, a in getaddresses([str(message.get(h, "")) for h in ("To", "Cc", "Delivered-To")])
    ]
    helpline, token = None, ""
    for address in addresses:
        local, _at, domain = address.strip().lower().partition("@")
        base, _plus, tag = local.partition("+")
        helpline = selectors.helpline_by_email(f"{base}@{domain}")
        if helpline is not None:
            # The token is case-sensitive: take it from the address as written.
            original = address.strip().partition("@")[0]
            token = original.partition("+")[2] if tag else ""
            break
    if helpline is None:
        return {"result": "no_helpline"}
    conversation = _conversation_from_token(token) if token else None
    if conversation is None:
        conversation = selectors.conversation_by_email_ids(
            _message_ids(message.get("In-Reply-To")) + _message_ids(message.get("References"))
        )
    # A token or a thread only counts when it belongs to this helpline and the sender is the person
    # the conversation is with: anyone else starts a conversation of their own.
    if conversation is not None and (
        conversation.helpline_id != helpline.pk
        or conversation.anonymised_at is not None
        or conversation.contact_digest != safety.contact_digest(sender)
    ):
        conversation = None
    message_id = (_message_ids(message.get("Message-ID")) or [""])[0][:300]
    text, html = _email_text(message)
    subject = re.sub(r"^(\s*(re|r|aw|fw|fwd|sv|απ)\s*:\s*)+", "", str(message.get("Subject", "")), flags=re.I)
    with transaction.atomic():
        stored = _receive(
            helpline=helpline,
            channel=Channel.EMAIL,
            contact=sender,
            contact_name=parseaddr(str(message.get("From", "")))[0],
            conversation=conversation,
            subject=subject.strip(),
            body=text,
            html=html,
            external_id=message_id,
        )
    if stored is None:
        return {"result": "duplicate"}
    return {"result": "stored", "conversation": stored.conversation.reference, "threaded": conversation is not None}


def _email_send(conversation: Conversation, message: Message) -> None:
    helpline = conversation.helpline
    domain = helpline.email_address.partition("@")[2] or "civica.localhost"
    message_id = make_msgid(domain=domain)
    thread = selectors.last_email_message_ids(conversation)
    inbound = list(
        conversation.messages.filter(direction=Message.Direction.INBOUND)
        .exclude(external_id="")
        .values_list("external_id", flat=True)
    )
    headers = {"Message-ID": message_id}
    if message.direction == Message.Direction.AUTOMATIC:
        # RFC 3834: other robots must not answer the automatic answer (no out-of-office ping-pong).
        headers["Auto-Submitted"] = "auto-replied"
    if inbound:
        headers["In-Reply-To"] = inbound[-1]
    if thread:
        headers["References"] = " ".join(thread[-20:])
    subject = conversation.subject or helpline.name
    email = EmailMessage(
        subject=f"Re: {subject} [{conversation.reference}]" if inbound else f"{subject} [{conversation.reference}]",
        body=crypto.reveal(message.body),
        from_email=f"{helpline.name} <{helpline.email_address}>",
        to=[selectors.contact_of(conversation)],
        reply_to=[email_reply_address(conversation)],
        headers=headers,
    )
    message.external_id = message_id
    message.status = Message.Status.SENT
    message.save(update_fields=["external_id", "status", "updated_at"])
    transaction.on_commit(email.send)


def _dispatch(conversation: Conversation, message: Message) -> None:
    """Send an answer by the conversation's channel (the web chat just shows it)."""
    if conversation.channel == Channel.WHATSAPP:
        from . import tasks

        transaction.on_commit(lambda: tasks.whatsapp_send.enqueue(str(message.uuid)))
    elif conversation.channel == Channel.EMAIL and conversation.contact_address:
        _email_send(conversation, message)
    else:
        message.status = Message.Status.SENT
        message.save(update_fields=["status", "updated_at"])


# --- the web chat -------------------------------------------------------------------------------------


def web_link_token(conversation: Conversation) -> str:
    return signing.dumps({"c": str(conversation.uuid), "k": conversation.access_key}, salt=WEB_LINK_SALT)


def web_conversation_from_token(token: str) -> Conversation | None:
    try:
        data = signing.loads(token, salt=WEB_LINK_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict):
        return None
    return selectors.conversation_for_person(uuid=data.get("c"), access_key=str(data.get("k") or ""))


@transaction.atomic
def web_start(*, helpline: Helpline, body: str, name: str = "", is_minor: bool = False) -> tuple[Conversation, str]:
    """An anonymous person starts a conversation; the result's token is their private link."""
    if not helpline.web_chat_enabled:
        raise PermissionDenied("helpline.web_chat")
    if not body.strip():
        raise ValidationError({"body": _("Write your message first.")})
    conversation = Conversation.objects.create(
        helpline=helpline,
        reference=_new_reference(),
        channel=Channel.WEB,
        contact_name=name.strip()[:120],
        is_minor=is_minor,
        language=translation.get_language() or helpline.language,
        access_key=secrets.token_urlsafe(32),
    )
    _receive(helpline=helpline, channel=Channel.WEB, contact="", body=body.strip()[:5000], conversation=conversation)
    conversation.refresh_from_db()
    return conversation, web_link_token(conversation)


@transaction.atomic
def web_person_write(*, conversation: Conversation, body: str) -> Message:
    if not body.strip():
        raise ValidationError({"body": _("Write your message first.")})
    return _receive(
        helpline=conversation.helpline,
        channel=Channel.WEB,
        contact="",
        body=body.strip()[:5000],
        conversation=conversation,
    )


# --- the console ----------------------------------------------------------------------------------------


@transaction.atomic
def conversation_reply(*, actor, conversation: Conversation, body: str, use_template: bool = False) -> Message:
    """An operator answers by the conversation's channel. On WhatsApp, more than 24 hours after the
    person's last message only the helpline's approved template can be sent."""
    helpline = conversation.helpline
    _require(actor, "helpline.reply", helpline)
    conversation = Conversation.objects.select_for_update().select_related("helpline").get(pk=conversation.pk)
    if conversation.state == Conversation.State.CLOSED or conversation.anonymised_at:
        raise ValidationError({"body": _("Reopen the conversation before answering.")})
    template = ""
    if conversation.channel == Channel.WHATSAPP and not whatsapp_window_open(conversation):
        if not helpline.whatsapp_template:
            raise ValidationError(
                {
                    "body": _(
                        "More than 24 hours have passed since the person's last message "
                        "and no approved template is set."
                    )
                }
            )
        if not use_template:
            raise ValidationError(
                {
                    "body": _(
                        "More than 24 hours have passed since the person's last message: "
                        "only the approved template can be sent."
                    )
                }
            )
        template = helpline.whatsapp_template
    elif not body.strip():
        raise ValidationError({"body": _("Write the answer first.")})
    before = audit.snapshot(conversation)
    message = Message.objects.create(
        conversation=conversation,
        channel=conversation.channel,
        direction=Message.Direction.OUTBOUND,
        author=actor,
        body="" if template else body.strip()[:4096],
        used_template=template,
        status=Message.Status.QUEUED,
    )
    now = timezone.now()
    conversation.last_outbound_at = now
    conversation.first_response_at = conversation.first_response_at or now
    conversation.state = Conversation.State.WAITING
    if conversation.assigned_to_id is None:
        conversation.assigned_to = actor
    conversation.save()
    _audit(actor, conversation, before, "answered")
    _dispatch(conversation, message)
    return message


@transaction.atomic
def conversation_assign(*, actor, conversation: Conversation, operator_user) -> Conversation:
    """Volunteers take conversations for themselves; counsellors and the coordinator give them to anyone
    answering for the helpline (or to nobody)."""
    helpline = conversation.helpline
    _require(actor, "helpline.operate", helpline)
    if operator_user is not None and operator_user != actor:
        _require(actor, "helpline.assign_others", helpline)
        if selectors.operator_of(operator_user, helpline) is None:
            raise ValidationError({"operator": _("Choose someone who answers for this helpline.")})
    elif operator_user is None and conversation.assigned_to_id not in (None, actor.pk):
        _require(actor, "helpline.assign_others", helpline)
    before = audit.snapshot(conversation)
    conversation.assigned_to = operator_user
    if conversation.state == Conversation.State.NEW and operator_user is not None:
        conversation.state = Conversation.State.OPEN
    conversation.save()
    _audit(actor, conversation, before, "assigned")
    if operator_user is not None and operator_user != actor:
        notify(
            recipients=[operator_user],
            subject=gettext_lazy("Helpline conversation %(reference)s is assigned to you"),
            template="helpline/email/assigned.txt",
            context={"reference": conversation.reference},
            url=reverse("helpline:conversation", kwargs={"uuid": conversation.uuid}),
        )
    return conversation


@transaction.atomic
def conversation_tag(*, actor, conversation: Conversation, tags) -> Conversation:
    _require(actor, "helpline.annotate", conversation.helpline)
    before = audit.snapshot(conversation)
    conversation.tags = normalise_tags(tags)
    conversation.save(update_fields=["tags", "updated_at"])
    _audit(actor, conversation, before, "tagged")
    return conversation


@transaction.atomic
def conversation_flag(*, actor, conversation: Conversation, is_minor: bool, at_risk: bool) -> Conversation:
    _require(actor, "helpline.annotate", conversation.helpline)
    before = audit.snapshot(conversation)
    conversation.is_minor, conversation.at_risk = bool(is_minor), bool(at_risk)
    conversation.save(update_fields=["is_minor", "at_risk", "updated_at"])
    _audit(actor, conversation, before, "flags")
    return conversation


_MOVES = {
    "open": ({Conversation.State.NEW, Conversation.State.WAITING}, Conversation.State.OPEN),
    "wait": ({Conversation.State.NEW, Conversation.State.OPEN}, Conversation.State.WAITING),
    "close": ({Conversation.State.NEW, Conversation.State.OPEN, Conversation.State.WAITING}, Conversation.State.CLOSED),
    "reopen": ({Conversation.State.CLOSED}, Conversation.State.OPEN),
}


@transaction.atomic
def conversation_move(*, actor, conversation: Conversation, action: str) -> Conversation:
    _require(actor, "helpline.operate", conversation.helpline)
    conversation = Conversation.objects.select_for_update().select_related("helpline").get(pk=conversation.pk)
    if action not in _MOVES:
        raise ValidationError(_("This step does not exist."))
    sources, target = _MOVES[action]
    if conversation.state not in sources or conversation.anonymised_at:
        raise ValidationError(_("The conversation cannot take this step from its current state."))
    before = audit.snapshot(conversation)
    conversation.state = target
    conversation.closed_at = timezone.now() if target == Conversation.State.CLOSED else None
    conversation.save()
    _audit(actor, conversation, before, action)
    return conversation


@transaction.atomic
def note_add(*, actor, conversation: Conversation, body: str) -> InternalNote:
    _require(actor, "helpline.annotate", conversation.helpline)
    if not body.strip():
        raise ValidationError({"body": _("Write the note first.")})
    note = InternalNote.objects.create(conversation=conversation, author=actor, body=body.strip()[:5000])
    conversation.save(update_fields=["updated_at"])
    audit.record_change(
        actor=actor,
        instance=note,
        action="create",
        after=audit.snapshot(note),
        organisation_uuid=_org_uuid(conversation.helpline),
    )
    return note


def conversation_viewed(*, actor, conversation: Conversation) -> None:
    """A conversation may concern a minor or a risk: every opening by an operator is in the access log."""
    _require(actor, "helpline.operate", conversation.helpline)
    audit.record_access(
        actor=actor, instance=conversation, organisation_uuid=_org_uuid(conversation.helpline), reason="conversation"
    )


def contact_reveal(*, actor, conversation: Conversation) -> str:
    """The contact in clear, for operators with the need to know; every reveal is in the access log."""
    _require(actor, "helpline.see_contacts", conversation.helpline)
    audit.record_access(
        actor=actor, instance=conversation, organisation_uuid=_org_uuid(conversation.helpline), reason="contact"
    )
    return selectors.contact_of(conversation)


def transcript(conversation: Conversation) -> str:
    """The conversation as text for the case, with the contact masked (anonymity by default)."""
    with translation.override(conversation.helpline.language):
        lines = [
            f"{conversation.reference} · {conversation.get_channel_display()} · "
            f"{selectors.contact_masked(conversation) or _('anonymous')}",
            _("Tags: %(tags)s") % {"tags": ", ".join(conversation.tags) or "—"},
            "",
        ]
        for message in selectors.messages_of(conversation):
            when = timezone.localtime(message.created_at).strftime("%Y-%m-%d %H:%M")
            who = message.get_direction_display()
            text = crypto.reveal(message.body) or (f"[{message.media_type}]" if message.media_type else "")
            if message.used_template:
                text = _("[approved template %(name)s]") % {"name": message.used_template}
            lines.append(f"[{when}] {who}: {text}")
        for note in selectors.notes_of(conversation):
            when = timezone.localtime(note.created_at).strftime("%Y-%m-%d %H:%M")
            lines.append(f"[{when}] {_('Internal note')}: {crypto.reveal(note.body)}")
    return "\n".join(lines)


@transaction.atomic
def conversation_escalate(*, actor, conversation: Conversation, title: str = "") -> str:
    """Open a case in the case core for the conversation, with the transcript as the case's first note;
    the conversation keeps the case's reference."""
    helpline = conversation.helpline
    _require(actor, "helpline.escalate", helpline)
    conversation = (
        Conversation.objects.select_for_update().select_related("helpline__organisation").get(pk=conversation.pk)
    )
    if conversation.case_reference:
        raise ValidationError(
            _("This conversation is already a case: %(reference)s.") % {"reference": conversation.case_reference}
        )
    title = (
        title or ""
    ).strip() or f"{conversation.reference} · {', '.join(conversation.tags) or conversation.get_channel_display()}"
    case = case_services.case_open(
        actor=actor,
        workflow="helpline",
        organisation=helpline.organisation,
        title=title[:250],
        summary=_("Escalated from helpline conversation %(reference)s.") % {"reference": conversation.reference},
        language=conversation.language if conversation.language in dict(settings.LANGUAGES) else helpline.language,
        channel="email" if conversation.channel == Channel.EMAIL else "web",
    )
    case_services.note_add(actor=actor, case=case, body=transcript(conversation))
    before = audit.snapshot(conversation)
    conversation.case_reference = case.reference
    conversation.save(update_fields=["case_reference", "updated_at"])
    _audit(actor, conversation, before, f"escalated to {case.reference}")
    return case.reference


# --- periodic work -------------------------------------------------------------------------------------


@transaction.atomic
def reminders_send(now: datetime) -> int:
    """Remind the assigned operator 23 hours after the person's last WhatsApp message when it has had no
    answer: an hour later only a template can be sent. Once per message."""
    count = 0
    for conversation in selectors.whatsapp_unanswered(now):
        notify(
            recipients=[conversation.assigned_to],
            subject=gettext_lazy("%(reference)s: the WhatsApp window closes in less than an hour"),
            template="helpline/email/reminder.txt",
            context={"reference": conversation.reference},
            url=reverse("helpline:conversation", kwargs={"uuid": conversation.uuid}),
        )
        conversation.reminded_for = conversation.last_inbound_at
        conversation.save(update_fields=["reminded_for"])
        count += 1
    return count


@transaction.atomic
def conversations_anonymise(now: datetime) -> int:
    """Closed conversations past their helpline's retention period lose the person's contact, name and
    every text; what the reports count (channel, dates, tags) stays."""
    count = 0
    for conversation in selectors.due_for_anonymising(now):
        before = audit.snapshot(conversation)
        conversation.contact_address = conversation.contact_name = conversation.access_key = ""
        conversation.contact_digest = ""
        conversation.subject = ""
        conversation.anonymised_at = now
        conversation.save()
        conversation.messages.update(body="", html_sanitised="", media_reference="")
        conversation.messages.filter(channel=Channel.EMAIL).update(external_id="")
        conversation.notes.update(body="")
        _audit(None, conversation, before, "anonymised after the retention period")
        count += 1
    return count
