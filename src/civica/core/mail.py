"""E-mail through the task queue.

Django and allauth send mail through EMAIL_BACKEND; this backend turns each message into JSON,
seals it in an `OutgoingEmail` row (encrypted like every other sensitive field) and enqueues a task
that carries the row's id only, so a slow or unreachable mail server never holds up a web request
and no body, address or subject sits in clear in the task queue. The task delivers it with
CIVICA_EMAIL_DELIVERY_BACKEND (SMTP in production, `RedactedConsoleEmailBackend` by default, which
says that a message left without printing what it says).
"""

import sys
import threading

from django.core.mail.backends.base import BaseEmailBackend

from .mail_format import deserialise_message, serialise_message

__all__ = ["TaskQueueEmailBackend", "deserialise_message", "serialise_message"]


class TaskQueueEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        from .models import OutgoingEmail
        from .tasks import deliver_email

        count = 0
        for message in email_messages:
            if not message.recipients():
                continue
            stored = OutgoingEmail.objects.create(message=serialise_message(message))
            deliver_email.enqueue(str(stored.uuid))
            count += 1
        return count


class RedactedConsoleEmailBackend(BaseEmailBackend):
    """The console backend for development and demos without its leak: stdout ends up in the logs,
    and the helpline's answers to minors must not, so only the fact of a message is printed (how many
    recipients, how long), never its body, subject or addresses."""

    _lock = threading.RLock()

    def __init__(self, *args, stream=None, **kwargs):
        self.stream = stream or sys.stdout
        super().__init__(*args, **kwargs)

    def send_messages(self, email_messages):
        count = 0
        with self._lock:
            for message in email_messages:
                recipients = len(message.recipients())
                if not recipients:
                    continue
                self.stream.write(
                    f"[e-mail] one message to {recipients} recipient(s), {len(str(message.body))} characters "
                    "(content not shown)\n"
                )
                self.stream.flush()
                count += 1
        return count
