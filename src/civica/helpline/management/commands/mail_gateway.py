import time

from django.conf import settings
from django.core.management.base import BaseCommand

from civica.helpline.gateways import smtp_gateway


class Command(BaseCommand):
    help = "Run the helpline's inbound SMTP server (aiosmtpd): mail for the helplines' addresses is stored."

    def add_arguments(self, parser):
        parser.add_argument("--host", default=settings.CIVICA_MAIL_GATEWAY_HOST)
        parser.add_argument("--port", type=int, default=settings.CIVICA_MAIL_GATEWAY_PORT)

    def handle(self, *args, host, port, **options):
        controller = smtp_gateway(host, port)
        controller.start()
        self.stdout.write(f"Helpline mail gateway listening on {host}:{port}")
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
        finally:
            controller.stop()
