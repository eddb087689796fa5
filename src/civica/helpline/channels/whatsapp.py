"""WhatsApp outbound: one queued reply sent through the Graph API (run by the task queue)."""

from __future__ import annotations

import httpx
from django.conf import settings

from civica.core import crypto

from .. import selectors
from ..models import Channel, Message

# Stored on a reply that could not leave because the Cloud API is not set up (shown translated).
NOT_CONFIGURED = "not-configured"


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
