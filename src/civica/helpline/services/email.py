"""E-mail intake: messages from the SMTP gateway or the IMAP poller, threaded only by proof."""

from __future__ import annotations

import logging
import re
from email import policy
from email.parser import BytesParser
from email.utils import getaddresses, parseaddr
from html import unescape

import nh3
from django.core import signing
from django.db import transaction

from .. import safety, selectors
from ..models import Channel, Conversation
from .common import _receive
from .delivery import EMAIL_TOKEN_SALT

logger = logging.getLogger(__name__)


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


_AUTHENTICATION_FAILURE = re.compile(r"(?:^|[\s;])(?:dmarc|dkim|spf)\s*=\s*fail\b", re.I)


def authentication_failed(message) -> bool:
    """True when an Authentication-Results header (RFC 8601, added by our receiving server) says
    dmarc, dkim or spf=fail."""
    return any(_AUTHENTICATION_FAILURE.search(str(value)) for value in message.get_all("Authentication-Results") or [])


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
    # Only proof threads a mail into an existing conversation: the signed reply token, or an
    # In-Reply-To/References naming one of our own answers. The same From alone proves nothing (it
    # is trivially forged), and a mail whose authentication failed always starts a conversation of
    # its own, marked for the operators.
    unverified = authentication_failed(message)
    conversation = None
    if not unverified:
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
            continue_by_contact=False,
            sender_unverified=unverified,
        )
    if stored is None:
        return {"result": "duplicate"}
    return {"result": "stored", "conversation": stored.conversation.reference, "threaded": conversation is not None}
