"""Background work of the helpline: sending WhatsApp replies through the Graph API."""

from django_tasks import task

from . import services


@task()
def whatsapp_send(message_uuid: str) -> str:
    message = services.whatsapp_deliver(message_uuid)
    return message.status if message else "skipped"
