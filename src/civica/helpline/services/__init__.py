"""Every write of the helpline: one transaction each, an audit line, side effects (WhatsApp replies,
e-mails, notices) after the commit. Received messages from the channels come in through
`whatsapp_ingest`, `email_ingest` and `web_*`, which never trust what they receive.

One module per job: intake per channel (`whatsapp`, `email`, `web`), the operators' `console`, the
coordinators' `administration`, the `delivery` of answers and the periodic `maintenance`."""

from ..channels.whatsapp import NOT_CONFIGURED, whatsapp_deliver
from .administration import (
    availability_set,
    helpline_create,
    helpline_update,
    operator_add,
    operator_remove,
    operator_update,
    quick_reply_save,
)
from .common import WEB_LINK_SALT, WHATSAPP_WINDOW, normalise_tags
from .console import (
    contact_reveal,
    conversation_assign,
    conversation_escalate,
    conversation_flag,
    conversation_move,
    conversation_reply,
    conversation_tag,
    conversation_viewed,
    note_add,
    transcript,
)
from .delivery import EMAIL_TOKEN_SALT, email_reply_address, email_token
from .email import email_ingest, is_auto_reply
from .maintenance import conversations_anonymise, reminders_send
from .web import web_conversation_from_token, web_link_token, web_person_write, web_start
from .whatsapp import whatsapp_ingest, whatsapp_window_open

__all__ = [
    "EMAIL_TOKEN_SALT",
    "NOT_CONFIGURED",
    "WEB_LINK_SALT",
    "WHATSAPP_WINDOW",
    "availability_set",
    "contact_reveal",
    "conversation_assign",
    "conversation_escalate",
    "conversation_flag",
    "conversation_move",
    "conversation_reply",
    "conversation_tag",
    "conversation_viewed",
    "conversations_anonymise",
    "email_ingest",
    "email_reply_address",
    "email_token",
    "helpline_create",
    "helpline_update",
    "is_auto_reply",
    "normalise_tags",
    "note_add",
    "operator_add",
    "operator_remove",
    "operator_update",
    "quick_reply_save",
    "reminders_send",
    "transcript",
    "web_conversation_from_token",
    "web_link_token",
    "web_person_write",
    "web_start",
    "whatsapp_deliver",
    "whatsapp_ingest",
    "whatsapp_window_open",
]
