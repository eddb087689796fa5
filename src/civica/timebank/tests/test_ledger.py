"""The ledger: balanced transfers, limits, reversals, immutability, check and rebuild."""

from datetime import date

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from civica.timebank import ledger, services
from civica.timebank.models import Account, Entry, Transfer

pytestmark = pytest.mark.django_db


def _account(member):
    return Account.objects.get(member=member)


def _pay(world, payer, payee, minutes):
    return ledger.post(
        bank=world["bank"],
        kind=Transfer.Kind.EXCHANGE,
        entered_by=world["admin"],
        legs={_account(payer): -minutes, _account(payee): minutes},
        description="test",
        occurred_on=date(2026, 1, 1),
    )


def test_a_transfer_moves_minutes_and_records_who_entered_it(bank_world):
    anna, bruno, _ = bank_world["members"]
    transfer = _pay(bank_world, anna, bruno, 90)
    assert transfer.entered_by == bank_world["admin"]
    assert sorted(transfer.entries.values_list("minutes", flat=True)) == [-90, 90]
    assert _account(anna).balance == -90
    assert _account(bruno).balance == 90


@pytest.mark.parametrize(
    ("legs", "message"),
    [
        ([-60, 30], "add up to zero"),
        ([60], "at least two"),
        ([0, 0], "moves some time"),
    ],
)
def test_unbalanced_or_empty_transfers_are_refused_and_write_nothing(bank_world, legs, message):
    accounts = [_account(m) for m in bank_world["members"]]
    with pytest.raises(ledger.LedgerError, match=message):
        ledger.post(
            bank=bank_world["bank"],
            kind=Transfer.Kind.EXCHANGE,
            entered_by=bank_world["admin"],
            legs=dict(zip(accounts, legs, strict=False)),
            description="bad",
            occurred_on=date(2026, 1, 1),
        )
    assert not Transfer.objects.exists()


def test_fractional_minutes_and_missing_author_are_refused(bank_world):
    anna, bruno, _ = bank_world["members"]
    with pytest.raises(ledger.LedgerError, match="whole minutes"):
        ledger.post(
            bank=bank_world["bank"],
            kind="exchange",
            entered_by=bank_world["admin"],
            legs={_account(anna): -1.5, _account(bruno): 1.5},
            description="x",
            occurred_on=date(2026, 1, 1),
        )
    with pytest.raises(ledger.LedgerError, match="entered it"):
        ledger.post(
            bank=bank_world["bank"],
            kind="exchange",
            entered_by=None,
            legs={_account(anna): -15, _account(bruno): 15},
            description="x",
            occurred_on=date(2026, 1, 1),
        )


def test_accounts_of_another_bank_cannot_be_mixed_in(bank_world):
    anna = bank_world["members"][0]
    with pytest.raises(ledger.LedgerError, match="same time bank"):
        ledger.post(
            bank=bank_world["bank"],
            kind="exchange",
            entered_by=bank_world["admin"],
            legs={_account(anna): -15, _account(bank_world["outsider"]): 15},
            description="x",
            occurred_on=date(2026, 1, 1),
        )


def test_credit_limit_and_maximum_balance_hold(bank_world):
    anna, bruno, carla = bank_world["members"]
    _pay(bank_world, anna, bruno, 600)  # anna at the limit of 600 minutes of debt
    with pytest.raises(ledger.LimitExceeded, match="owe 615"):
        _pay(bank_world, anna, carla, 15)
    _pay(bank_world, carla, bruno, 600)  # bruno at 1200, the maximum
    with pytest.raises(ledger.LimitExceeded, match="hold 1215"):
        _pay(bank_world, carla, bruno, 15)
    assert [_account(m).balance for m in (anna, bruno, carla)] == [-600, 1200, -600]


def test_a_correction_reverses_every_line_once_and_keeps_the_original(bank_world):
    anna, bruno, _ = bank_world["members"]
    original = _pay(bank_world, anna, bruno, 120)
    reversal = services.correction(actor=bank_world["staff"], transfer=original, reason="typed twice")
    assert reversal.reverses == original
    assert reversal.kind == Transfer.Kind.CORRECTION
    assert _account(anna).balance == 0 and _account(bruno).balance == 0
    assert Transfer.objects.count() == 2
    with pytest.raises(ledger.LedgerError, match="already been reversed"):
        services.correction(actor=bank_world["staff"], transfer=original, reason="again")


def test_entries_and_transfers_cannot_be_changed_or_deleted(bank_world):
    anna, bruno, _ = bank_world["members"]
    transfer = _pay(bank_world, anna, bruno, 30)
    entry = transfer.entries.first()
    entry.minutes = 999
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        Entry.objects.filter(pk=entry.pk).update(minutes=1)
    with pytest.raises(PermissionError):
        Transfer.objects.all().delete()


def test_rounding_unit_is_applied_when_recording(bank_world):
    bank = bank_world["bank"]
    assert ledger.round_minutes(bank, 50) == 45
    assert ledger.round_minutes(bank, 53) == 60
    assert ledger.round_minutes(bank, 5) == 15


def test_check_command_finds_a_wrong_cached_balance_and_rebuild_fixes_it(bank_world, capsys):
    anna, bruno, _ = bank_world["members"]
    _pay(bank_world, anna, bruno, 45)
    call_command("timebank_check")
    Account.objects.filter(member=anna).update(balance=12345)  # a cache gone wrong
    with pytest.raises(CommandError, match="1 wrong balances"):
        call_command("timebank_check")
    call_command("timebank_rebuild")
    assert "1 corrected" in capsys.readouterr().out
    call_command("timebank_check")
    assert _account(anna).balance == -45


def test_check_command_finds_an_unbalanced_transfer(bank_world):
    """On SQLite nothing in the database stops a raw unbalanced insert: the check command does."""
    from django.db import connection

    if connection.vendor == "postgresql":
        pytest.skip("PostgreSQL refuses the insert itself (test_ledger_postgres)")
    anna, bruno, _ = bank_world["members"]
    transfer = _pay(bank_world, anna, bruno, 45)
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO timebank_entry (transfer_id, account_id, minutes) VALUES (%s, %s, %s)",
            [transfer.pk, _account(bank_world["members"][2]).pk, 15],
        )
    with pytest.raises(CommandError, match="1 unbalanced"):
        call_command("timebank_check")
