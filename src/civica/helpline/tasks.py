"""Background work of the helpline: sending WhatsApp replies through the Graph API. The task gets the
message's id only and reads (and decrypts) the message itself."""

from django_tasks import task

from .channels.whatsapp import whatsapp_deliver


@task()
def whatsapp_send(message_uuid: str) -> str:
    message = whatsapp_deliver(message_uuid)
    return message.status if message else "skipped"
