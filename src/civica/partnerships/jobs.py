"""Renewal reminders: the staff of the organisation that keeps a memorandum hear, by e-mail and notice,
once per expiry date, when it expires within 60 days.

Idempotent: the expiry date reminded for is recorded on the memorandum (`reminded_for`), so a late or
repeated run sends nothing twice, and a new expiry date (after an amendment) gets its own reminder.
"""

from datetime import timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from civica.core.notifications import notify
from civica.core.periodic import periodic
from civica.organisations import selectors as organisation_selectors

from . import selectors
from .models import Memorandum


@periodic("partnerships.memorandum_renewal_reminders", every=timedelta(hours=12))
def send_renewal_reminders(now) -> int:
    today = timezone.localdate(now)
    sent = 0
    for memorandum in selectors.memoranda_to_remind(today):
        with transaction.atomic():
            # Re-read under a lock: two schedulers never remind twice for the same date.
            locked = Memorandum.objects.select_for_update().get(pk=memorandum.pk)
            if locked.reminded_for == locked.expires_on:
                continue
            locked.reminded_for = locked.expires_on
            locked.save(update_fields=["reminded_for"])
            staff = [
                m.user for m in organisation_selectors.members_of(memorandum.organisation) if m.role in selectors.STAFF
            ]
            notify(
                recipients=staff,
                subject=_("A memorandum expires soon: %(title)s"),
                template="partnerships/email/renewal.txt",
                context={"title": memorandum.title, "expires_on": memorandum.expires_on},
                url=reverse("partnerships:memorandum", kwargs={"uuid": memorandum.uuid}),
            )
        sent += 1
    return sent
