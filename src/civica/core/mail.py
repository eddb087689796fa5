"""E-mail through the task queue.

Django and allauth send mail through EMAIL_BACKEND; this backend turns each message into plain
JSON and enqueues it, so a slow or unreachable mail server never holds up a web request. The task
delivers it with CIVICA_EMAIL_DELIVERY_BACKEND (SMTP in production, the console by default).
"""

from django.core.mail.backends.base import BaseEmailBackend

from .mail_format import deserialise_message, serialise_message

__all__ = ["TaskQueueEmailBackend", "deserialise_message", "serialise_message"]


class TaskQueueEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        from .tasks import deliver_email

        count = 0
        for message in email_messages:
            if not message.recipients():
                continue
            deliver_email.enqueue(serialise_message(message))
            count += 1
        return count
