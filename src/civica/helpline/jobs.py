"""Periodic jobs of the helpline; both act on state, so a late or repeated run does no harm."""

from datetime import timedelta

from civica.core.periodic import periodic

from . import services


@periodic("helpline.whatsapp_reminders", every=timedelta(minutes=10))
def whatsapp_reminders(now):
    return services.reminders_send(now)


@periodic("helpline.retention", every=timedelta(days=1))
def retention(now):
    return services.conversations_anonymise(now)
