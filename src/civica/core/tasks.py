from django.conf import settings
from django.core.mail import get_connection
from django_tasks import task

from .mail_format import deserialise_message


@task(queue_name="email")
def deliver_email(message: dict) -> int:
    """Send one serialised message with the real delivery backend; a failure raises, so it is retried."""
    connection = get_connection(settings.CIVICA_EMAIL_DELIVERY_BACKEND, fail_silently=False)
    return connection.send_messages([deserialise_message(message, connection=connection)])
