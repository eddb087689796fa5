"""`civica timebank-check`: every transfer sums to zero and every cached balance equals its entries.
Exits non-zero on any mismatch, so it can run from cron or CI."""

from django.core.management.base import BaseCommand, CommandError

from civica.timebank import ledger
from civica.timebank.models import Account, Transfer


class Command(BaseCommand):
    help = "Verify the time bank ledger: transfers sum to zero, cached balances equal the sum of entries."

    def handle(self, *args, **options):
        unbalanced = ledger.unbalanced_transfers()
        mismatched = ledger.balance_mismatches()
        for pk, total in unbalanced:
            self.stderr.write(f"transfer {Transfer.objects.get(pk=pk).uuid} sums to {total}, not 0")
        for pk, cached, total in mismatched:
            self.stderr.write(f"account {pk} ({Account.objects.get(pk=pk)}): cached {cached}, entries {total}")
        if unbalanced or mismatched:
            raise CommandError(
                f"time bank ledger: {len(unbalanced)} unbalanced transfers, {len(mismatched)} wrong balances"
            )
        self.stdout.write(
            f"time bank ledger OK: {Transfer.objects.count()} transfers, {Account.objects.count()} accounts"
        )
