"""The anonymous web chat: a person starts and continues a conversation by a private link."""

from __future__ import annotations

import secrets

from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from .. import selectors
from ..models import Channel, Conversation, Helpline, Message
from .common import WEB_LINK_SALT, _new_reference, _receive


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
