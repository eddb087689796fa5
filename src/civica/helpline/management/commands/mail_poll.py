import time

from django.core.management.base import BaseCommand

from civica.helpline.gateways import imap_poll


class Command(BaseCommand):
    help = "Poll the helpline's IMAP mailbox (CIVICA_IMAP_*) and store the unseen messages."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="poll once and exit (for cron)")
        parser.add_argument("--every", type=int, default=60, help="seconds between polls")

    def handle(self, *args, once, every, **options):
        while True:
            results = imap_poll()
            self.stdout.write(f"{len(results)} message(s): " + ", ".join(r["result"] for r in results))
            if once:
                return
            time.sleep(every)
