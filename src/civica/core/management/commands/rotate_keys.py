"""`civica rotate-keys`: re-encrypt every encrypted field with the current (first) key."""

from django.core.management.base import BaseCommand

from civica.core import crypto


class Command(BaseCommand):
    help = "Re-encrypt every encrypted field with the first key of CIVICA_ENCRYPTION_KEYS (batched, idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=500, help="Rows per transaction (default 500).")
        parser.add_argument("--new-key", action="store_true", help="Print a fresh Fernet key and stop.")

    def handle(self, *args, **options):
        if options["new_key"]:
            self.stdout.write(crypto.generate_key())
            return
        for label, count in crypto.rotate_all(batch_size=options["batch_size"]).items():
            self.stdout.write(f"{label}: {count} value(s) re-encrypted")
