"""The two ways e-mail comes in, both ending in `services.email_ingest`:

- an SMTP server built on aiosmtpd (`civica mail-gateway`): the MX, or a relay, hands messages to it;
- IMAP polling with the standard library's imaplib (`civica mail-poll`), for a mailbox hosted elsewhere.
"""

from __future__ import annotations

import asyncio
import contextlib
import imaplib
import logging

from aiosmtpd.controller import Controller
from django.conf import settings
from django.db import close_old_connections, connections

from . import selectors, services

logger = logging.getLogger(__name__)


def _ingest_in_worker(raw: bytes, recipients: list[str]) -> dict:
    """The SMTP server's executor threads hold database connections of their own: drop stale ones."""
    close_old_connections()
    try:
        return services.email_ingest(raw, recipients)
    finally:
        connections.close_all()  # this thread's own connections; the pool may reuse the thread much later


def _known_recipient(address: str) -> bool:
    close_old_connections()
    try:
        local, _at, domain = address.lower().partition("@")
        return selectors.helpline_by_email(f"{local.partition('+')[0]}@{domain}") is not None
    finally:
        connections.close_all()  # this thread's own connections; the pool may reuse the thread much later


class HelplineHandler:
    """aiosmtpd handler: accepts mail for the helplines' addresses only (it relays nothing) and stores
    each message through the same service as IMAP polling. The database work runs in a thread, away
    from the server's event loop."""

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        loop = asyncio.get_running_loop()
        if not await loop.run_in_executor(None, _known_recipient, address):
            return "550 5.1.1 No such helpline mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content or envelope.content
        if isinstance(raw, str):
            raw = raw.encode("utf-8", "surrogateescape")
        loop = asyncio.get_running_loop()
        try:
            result = await loop.run_in_executor(None, _ingest_in_worker, raw, list(envelope.rcpt_tos))
        except Exception:
            logger.exception("The helpline could not store a message")
            return "451 4.3.0 Try again later"
        logger.info("Mail gateway: %s", result.get("result"))
        return "250 Message accepted for delivery"


def smtp_gateway(host: str | None = None, port: int | None = None) -> Controller:
    """An SMTP server (not yet started) on host:port, handing every message to the helpline."""
    return Controller(
        HelplineHandler(),
        hostname=host or settings.CIVICA_MAIL_GATEWAY_HOST,
        port=port if port is not None else settings.CIVICA_MAIL_GATEWAY_PORT,
        data_size_limit=settings.CIVICA_MAIL_GATEWAY_MAX_BYTES,
    )


def imap_poll(connection: imaplib.IMAP4 | None = None) -> list[dict]:
    """Fetch the unseen messages of the configured mailbox, store each, mark it seen. Returns what
    happened to each message."""
    own = connection is None
    if own:
        factory = imaplib.IMAP4_SSL if settings.CIVICA_IMAP_SSL else imaplib.IMAP4
        connection = factory(settings.CIVICA_IMAP_HOST, settings.CIVICA_IMAP_PORT)
        connection.login(settings.CIVICA_IMAP_USER, settings.CIVICA_IMAP_PASSWORD)
    results = []
    try:
        connection.select(settings.CIVICA_IMAP_FOLDER)
        status, data = connection.search(None, "UNSEEN")
        if status != "OK":
            return results
        for number in (data[0] or b"").split():
            status, parts = connection.fetch(number, "(RFC822)")
            raw = next((p[1] for p in parts or [] if isinstance(p, tuple) and len(p) > 1), None)
            if status != "OK" or raw is None:
                continue
            results.append(services.email_ingest(raw, []))
            connection.store(number, "+FLAGS", "\\Seen")
    finally:
        if own:
            with contextlib.suppress(imaplib.IMAP4.error, OSError):
                connection.logout()
    return results
