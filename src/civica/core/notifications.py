"""Telling people what concerns them: an in-app notice and an e-mail, each in the person's language.

Call `notify` inside the service's transaction; the e-mails leave after the commit (through the task
queue), so a rolled-back change tells nobody anything.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from .models import Notice


def notify(*, recipients, subject, template: str, context: dict, url: str = "", exclude=None) -> int:
    """`subject` is a lazy translatable string, formatted with `context`; `template` renders the e-mail body."""
    people = {person.pk: person for person in recipients if person is not None and person.is_active}
    if exclude is not None:
        people.pop(exclude.pk, None)
    messages = []
    for person in people.values():
        with translation.override(person.preferred_language or settings.LANGUAGE_CODE):
            text = str(subject) % context
            body = render_to_string(template, {**context, "person": person, "url": settings.SITE_URL + url})
        Notice.objects.create(user=person, subject=text[:300], url=url)
        messages.append(EmailMessage(text, body, None, [person.email]))

    def send():
        for message in messages:
            message.send()

    if messages:
        transaction.on_commit(send)
    return len(messages)


def unread_notices(user, limit: int = 10):
    return Notice.objects.filter(user=user, read_at__isnull=True)[:limit]


def mark_all_read(user) -> int:
    from django.utils import timezone

    return Notice.objects.filter(user=user, read_at__isnull=True).update(read_at=timezone.now())
