"""Periodic work: reminders before the WhatsApp window closes, anonymising after retention."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy

from civica.core import audit
from civica.core.notifications import notify
from civica.core.permissions import SYSTEM

from .. import selectors
from ..models import Channel
from .common import _audit


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
        _audit(SYSTEM, conversation, before, "anonymised after the retention period")
        count += 1
    return count
