"""Benchmark: time bank transfers per second on PostgreSQL with 1, 4 and 16 concurrent writers.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/civica_bench .venv/bin/python bench/timebank_transfers.py

It creates (and drops afterwards) the database test_<name>. Each writer is a thread with its own
connection posting random transfers among 20 members who start near their limits, through the real
ledger service (row locks in id order, limits checked under the locks, deferred balance trigger).
After each run the invariants are checked: every transfer sums to zero, every cached balance equals
its entries, no limit is broken. Refusals for limits are counted, not errors.
"""

import os
import random
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "civica.config.settings")
os.environ.setdefault("CIVICA_TASK_BACKEND", "immediate")
os.environ.setdefault("CIVICA_FAST_PASSWORD_HASHING", "1")
if "DATABASE_URL" not in os.environ:
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"

import django  # noqa: E402

django.setup()

from django.db import connection, connections  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

MEMBERS = 20
SECONDS = 5.0


def world():
    from django.contrib.auth import get_user_model

    from civica.organisations.services import membership_add, organisation_create
    from civica.timebank import services
    from civica.timebank.models import Account

    admin = get_user_model().objects.create_user(email="bench@bench.example", password="bench-password-1")
    home = organisation_create(actor=None, data={"name": "Bench bank", "slug": "bench", "kind": "ngo", "country": "IT"})
    membership_add(actor=None, organisation=home, user=admin, role="admin")
    bank = services.bank_create(
        actor=admin,
        organisation=home,
        data={"name": "Bench", "credit_limit_minutes": 300, "max_balance_minutes": 600, "rounding_minutes": 15},
    )
    accounts = []
    for n in range(MEMBERS):
        user = get_user_model().objects.create_user(email=f"m{n}@bench.example", password="bench-password-1")
        member = services.membership_request(actor=user, bank=bank, data={})
        accounts.append(
            Account.objects.get(member=services.membership_decide(actor=admin, member=member, approve=True))
        )
    return bank, admin, accounts


def run(bank, admin, accounts, writers: int) -> tuple[int, int, int, float]:
    from civica.timebank import ledger

    ids = [a.pk for a in accounts]
    accepted, refused, failed = [0], [0], []
    lock = threading.Lock()
    stop = time.perf_counter() + SECONDS
    barrier = threading.Barrier(writers)

    def writer(seed):
        from civica.timebank.models import Account

        rng = random.Random(seed)
        try:
            barrier.wait()
            while time.perf_counter() < stop:
                payer, payee = rng.sample(ids, 2)
                minutes = rng.choice([15, 30, 60, 90])
                legs = {Account(pk=payer, bank_id=bank.pk): -minutes, Account(pk=payee, bank_id=bank.pk): minutes}
                try:
                    ledger.post(
                        bank=bank,
                        kind="exchange",
                        entered_by=admin,
                        legs=legs,
                        description="bench",
                        occurred_on=date(2026, 1, 1),
                    )
                    with lock:
                        accepted[0] += 1
                except ledger.LimitExceeded:
                    with lock:
                        refused[0] += 1
        except Exception as error:
            with lock:
                failed.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(writers)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    if failed:
        raise SystemExit(f"{len(failed)} writer errors: {failed[:3]}")
    return accepted[0], refused[0], len(failed), elapsed


def check(bank) -> str:
    from civica.timebank import ledger
    from civica.timebank.models import Account

    unbalanced, mismatched = ledger.unbalanced_transfers(bank), ledger.balance_mismatches(bank)
    outside = Account.objects.filter(bank=bank, kind="member").exclude(
        balance__gte=-bank.credit_limit_minutes, balance__lte=bank.max_balance_minutes
    )
    if unbalanced or mismatched or outside.exists():
        raise SystemExit(f"INVARIANT BROKEN: {unbalanced[:3]} {mismatched[:3]} {list(outside)[:3]}")
    return "invariants hold"


def main() -> None:
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        bank, admin, accounts = world()
        print(f"database: {connection.vendor}, {MEMBERS} members, {SECONDS:.0f} s per run")
        for writers in (1, 4, 16):
            accepted, refused, _failed, elapsed = run(bank, admin, accounts, writers)
            print(
                f"{writers:>2} writers  {accepted / elapsed:7.1f} transfers/s  "
                f"({accepted} posted, {refused} refused by limits)  {check(bank)}"
            )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
