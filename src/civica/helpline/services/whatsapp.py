"""WhatsApp intake: the Cloud API's webhook deliveries (messages and delivery statuses)."""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime

from django.db import transaction
from django.utils import timezone

from .. import selectors
from ..models import Channel, Conversation, Message
from .common import WHATSAPP_WINDOW, _receive

logger = logging.getLogger(__name__)


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
