"""Sending an answer by the conversation's channel, after the commit."""

from __future__ import annotations

from email.utils import make_msgid

from django.core import signing
from django.core.mail import EmailMessage
from django.db import transaction

from civica.core import crypto

from .. import selectors
from ..models import Channel, Conversation, Message

EMAIL_TOKEN_SALT = "civica.helpline.email-reply"  # noqa: S105 - a signing salt, not a secret


def email_token(conversation: Conversation) -> str:
    return signing.Signer(salt=EMAIL_TOKEN_SALT, sep=".").sign(conversation.uuid.hex)


def email_reply_address(conversation: Conversation) -> str:
    local, _at, domain = conversation.helpline.email_address.partition("@")
    return f"{local}+{email_token(conversation)}@{domain}"


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
        from .. import tasks

        transaction.on_commit(lambda: tasks.whatsapp_send.enqueue(str(message.uuid)))
    elif conversation.channel == Channel.EMAIL and conversation.contact_address:
        _email_send(conversation, message)
    else:
        message.status = Message.Status.SENT
        message.save(update_fields=["status", "updated_at"])
