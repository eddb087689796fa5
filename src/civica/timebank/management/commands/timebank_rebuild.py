"""`civica timebank-rebuild`: recompute every cached balance from the entries (under row locks)."""

from django.core.management.base import BaseCommand

from civica.timebank import ledger


class Command(BaseCommand):
    help = "Recompute the time bank's cached balances from the ledger entries."

    def handle(self, *args, **options):
        fixed = ledger.rebuild_balances()
        self.stdout.write(f"time bank balances rebuilt: {fixed} corrected")
