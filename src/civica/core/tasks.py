"""Tasks of the core: sending one e-mail. A task's arguments are stored in clear by the queue (and
kept until the purge job removes finished rows), so they carry ids only: the task reads and
decrypts what it needs."""

from django.conf import settings
from django.core.mail import get_connection
from django_tasks import task

from .crypto import reveal
from .mail_format import deserialise_message


@task(queue_name="email")
def deliver_email(email_id) -> int:
    """Send one stored message with the real delivery backend and delete it; a failure raises (the
    message stays stored), so it is retried. A message already sent or purged is skipped."""
    from .models import OutgoingEmail

    if isinstance(email_id, dict):  # queued before messages were stored apart (one release only)
        connection = get_connection(settings.CIVICA_EMAIL_DELIVERY_BACKEND, fail_silently=False)
        return connection.send_messages([deserialise_message(email_id, connection=connection)])
    stored = OutgoingEmail.objects.filter(uuid=email_id).first()
    if stored is None:
        return 0
    connection = get_connection(settings.CIVICA_EMAIL_DELIVERY_BACKEND, fail_silently=False)
    sent = connection.send_messages([deserialise_message(reveal(stored.message, is_json=True), connection=connection)])
    stored.delete()
    return sent
