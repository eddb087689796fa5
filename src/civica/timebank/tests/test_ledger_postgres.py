"""The ledger on real PostgreSQL: the database refuses unbalanced transfers at COMMIT and any rewrite
of history, and concurrent writers on their own connections never break the invariants."""

import random
import threading
from datetime import date

import pytest
from django.db import DatabaseError, IntegrityError, connection, connections, transaction

from civica.timebank import ledger
from civica.timebank.models import Account, Transfer

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL)")


def _accounts(world):
    return [Account.objects.get(member=m) for m in world["members"]]


def _raw_transfer(cursor, bank, user) -> int:
    cursor.execute(
        "INSERT INTO timebank_transfer (uuid, bank_id, kind, entered_by_id, entered_at, occurred_on, description,"
        " reference) VALUES (gen_random_uuid(), %s, 'exchange', %s, now(), '2026-01-01', 'raw', '') RETURNING id",
        [bank.pk, user.pk],
    )
    return cursor.fetchone()[0]


def test_a_raw_unbalanced_insert_fails_at_commit(bank_world):
    anna, bruno, _ = _accounts(bank_world)
    inserted = []
    with pytest.raises(IntegrityError, match="does not balance"), transaction.atomic(), connection.cursor() as cursor:
        transfer_id = _raw_transfer(cursor, bank_world["bank"], bank_world["admin"])
        cursor.execute(
            "INSERT INTO timebank_entry (transfer_id, account_id, minutes) VALUES (%s, %s, -60), (%s, %s, 30)",
            [transfer_id, anna.pk, transfer_id, bruno.pk],
        )
        # The statement itself succeeds: the check is deferred to the COMMIT that ends this block.
        inserted.append(cursor.rowcount)
    assert inserted == [2]
    assert not Transfer.objects.exists()


def test_a_transfer_without_entries_fails_at_commit(bank_world):
    with pytest.raises(IntegrityError, match="does not balance"), transaction.atomic(), connection.cursor() as cursor:
        _raw_transfer(cursor, bank_world["bank"], bank_world["admin"])
    assert not Transfer.objects.exists()


def test_a_raw_balanced_insert_commits(bank_world):
    anna, bruno, _ = _accounts(bank_world)
    with transaction.atomic(), connection.cursor() as cursor:
        transfer_id = _raw_transfer(cursor, bank_world["bank"], bank_world["admin"])
        cursor.execute(
            "INSERT INTO timebank_entry (transfer_id, account_id, minutes) VALUES (%s, %s, -60), (%s, %s, 60)",
            [transfer_id, anna.pk, transfer_id, bruno.pk],
        )
    assert Transfer.objects.count() == 1


def test_raw_update_or_delete_of_the_ledger_is_refused(bank_world):
    anna, bruno, _ = _accounts(bank_world)
    ledger.post(
        bank=bank_world["bank"],
        kind="exchange",
        entered_by=bank_world["admin"],
        legs={anna: -30, bruno: 30},
        description="x",
        occurred_on=date(2026, 1, 1),
    )
    for statement in (
        "UPDATE timebank_entry SET minutes = minutes * 2",
        "DELETE FROM timebank_entry",
        "UPDATE timebank_transfer SET description = 'rewritten'",
        "DELETE FROM timebank_transfer",
    ):
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(statement)


THREADS = 8
TRANSFERS_EACH = 25


def test_concurrent_transfers_near_the_limits_keep_every_invariant(bank_world, make_user):
    """8 threads, each on its own connection, post 25 random transfers among 5 accounts that start
    near their limits. Afterwards: sums are zero, no limit is broken, cached balances equal the
    entries, every accepted transfer is there (no lost update), and no deadlock escaped."""
    from civica.timebank import services

    bank = bank_world["bank"]
    members = list(bank_world["members"])
    for name in ("dario", "elena"):
        user = make_user(email=f"{name}@people.example")
        request = services.membership_request(actor=user, bank=bank, data={})
        members.append(services.membership_decide(actor=bank_world["admin"], member=request, approve=True))
    accounts = [Account.objects.get(member=m) for m in members]
    # Start near the limits: -600 is the most debt, +1200 the most credit.
    ledger.post(
        bank=bank,
        kind="exchange",
        entered_by=bank_world["admin"],
        description="start",
        legs={accounts[0]: -540, accounts[1]: -540, accounts[2]: 1080},
        occurred_on=date(2026, 1, 1),
    )
    ids = [a.pk for a in accounts]
    accepted, refused, failures = [], [], []
    lock = threading.Lock()
    barrier = threading.Barrier(THREADS)

    def writer(seed):
        rng = random.Random(seed)
        try:
            barrier.wait()
            for _ in range(TRANSFERS_EACH):
                payer, payee = rng.sample(ids, 2)
                minutes = rng.choice([15, 30, 45, 60, 90])
                legs = {Account.objects.get(pk=payer): -minutes, Account.objects.get(pk=payee): minutes}
                try:
                    transfer = ledger.post(
                        bank=bank,
                        kind="exchange",
                        entered_by=bank_world["admin"],
                        legs=legs,
                        description=f"thread {seed}",
                        occurred_on=date(2026, 1, 2),
                    )
                    with lock:
                        accepted.append((transfer.pk, payer, payee, minutes))
                except ledger.LimitExceeded:
                    with lock:
                        refused.append((payer, payee, minutes))
        except Exception as error:  # reported below: any escaped error fails the test
            with lock:
                failures.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=writer, args=(seed,)) for seed in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert failures == []
    assert len(accepted) + len(refused) == THREADS * TRANSFERS_EACH
    assert refused, "the accounts start near their limits, so some transfers must be refused"
    assert ledger.unbalanced_transfers() == []
    assert ledger.balance_mismatches() == []
    assert Transfer.objects.filter(description__startswith="thread").count() == len(accepted)
    expected = dict.fromkeys(ids, 0)
    expected[ids[0]] -= 540
    expected[ids[1]] -= 540
    expected[ids[2]] += 1080
    for _, payer, payee, minutes in accepted:
        expected[payer] -= minutes
        expected[payee] += minutes
    balances = dict(Account.objects.filter(pk__in=ids).values_list("pk", "balance"))
    assert balances == expected  # no lost update
    assert all(-600 <= b <= 1200 for b in balances.values())


def test_a_deadlock_is_retried_then_reported(bank_world, monkeypatch):
    """A deadlock from PostgreSQL is retried; if it keeps happening the caller gets LedgerBusy and
    nothing is written."""
    from django.db import OperationalError

    anna, bruno, _ = _accounts(bank_world)
    calls = []

    class Deadlock(Exception):
        sqlstate = "40P01"

    def always_deadlocks(**kwargs):
        calls.append(1)
        error = OperationalError("deadlock detected")
        error.__cause__ = Deadlock()
        raise error

    monkeypatch.setattr(ledger, "_post_once", always_deadlocks)
    monkeypatch.setattr(ledger.time, "sleep", lambda seconds: None)
    with pytest.raises(ledger.LedgerBusy):
        ledger.post(
            bank=bank_world["bank"],
            kind="exchange",
            entered_by=bank_world["admin"],
            legs={anna: -30, bruno: 30},
            description="x",
            occurred_on=date(2026, 1, 1),
        )
    assert len(calls) == ledger.RETRIES
    assert not Transfer.objects.exists()
