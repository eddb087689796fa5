"""Reminders to a follow-up's owner: once a few days before the due date, once after it has passed.

Idempotent: each reminder sent is recorded (FollowUpReminder, unique per kind), so a late or repeated
run sends nothing twice and a scheduler that was down simply catches up.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from civica.core.notifications import notify
from civica.core.periodic import periodic

from . import selectors
from .models import FollowUpReminder

DAYS_BEFORE = 3


@periodic("groups.follow_up_reminders", every=timedelta(hours=6))
def send_follow_up_reminders(now) -> int:
    today = timezone.localdate(now)
    sent = 0
    candidates = selectors.follow_ups_to_remind(due_before=today + timedelta(days=DAYS_BEFORE), overdue_since=today)
    for follow_up in candidates:
        done = {reminder.kind for reminder in follow_up.reminders.all()}
        kind = FollowUpReminder.Kind.OVERDUE if follow_up.due_on < today else FollowUpReminder.Kind.BEFORE
        if kind in done:
            continue
        with transaction.atomic():
            FollowUpReminder.objects.create(follow_up=follow_up, kind=kind)
            subject = (
                _("Overdue: a follow-up of %(group)s")
                if kind == FollowUpReminder.Kind.OVERDUE
                else _("Due soon: a follow-up of %(group)s")
            )
            notify(
                recipients=[follow_up.owner],
                subject=subject,
                template="groups/email/reminder.txt",
                context={
                    "group": follow_up.group.name,
                    "description": follow_up.description,
                    "due_on": follow_up.due_on,
                },
                url=f"/groups/{follow_up.group.uuid}/follow-ups/",
            )
        sent += 1
    return sent
