"""The ledger engine: the one place that writes transfers, entries and cached balances.

`post` moves minutes between accounts of one bank in one transaction:

1. the affected accounts are locked with SELECT ... FOR UPDATE, always in the order of their ids, so
   two transfers touching the same accounts queue instead of deadlocking;
2. the limits (a member's credit limit and maximum balance) are checked against the balances read
   *under* those locks, so two concurrent transfers can never both pass a check that only one fits;
3. the transfer and its entries are inserted and each cached balance moves by its delta with
   `balance = balance + delta` in SQL, so no update is ever lost;
4. on PostgreSQL a deferred constraint trigger checks at COMMIT that the transfer sums to zero; on
   SQLite, which has no deferred triggers, the transfer's sum is read back before the commit.

A deadlock or serialization failure reported by PostgreSQL is retried a few times (each attempt
is a fresh transaction), then reported to the caller as `LedgerBusy`.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Mapping
from datetime import date

from django.core.exceptions import ValidationError
from django.db import OperationalError, connection, transaction
from django.db.models import F, Sum
from django.utils.translation import gettext as _

from .models import Account, Entry, TimeBank, Transfer

logger = logging.getLogger(__name__)

RETRIES = 5
# PostgreSQL's SQLSTATEs for the failures a retry resolves: serialization_failure, deadlock_detected.
_RETRYABLE = {"40001", "40P01"}


class LedgerError(ValidationError):
    """A transfer refused by the rules of the ledger; nothing was written."""


class LimitExceeded(LedgerError):
    pass


class LedgerBusy(Exception):
    """The database kept reporting conflicts after every retry; nothing was written."""


def round_minutes(bank: TimeBank, minutes: int) -> int:
    """Round to the bank's unit (halves up), never below one unit for a positive amount."""
    unit = bank.rounding_minutes or 1
    rounded = ((int(minutes) + unit // 2) // unit) * unit
    return max(rounded, unit) if minutes > 0 else rounded


def _is_retryable(error: OperationalError) -> bool:
    cause = error.__cause__
    return getattr(cause, "sqlstate", None) in _RETRYABLE or getattr(cause, "pgcode", None) in _RETRYABLE


def _limit_breaches(bank: TimeBank, accounts: dict[int, Account], legs: Mapping[int, int]) -> list[str]:
    """Limits apply to members' accounts, and only to moves that take a balance further out of
    bounds: a correction that brings an over-limit balance back is always allowed."""
    problems = []
    for account_id, delta in legs.items():
        account = accounts[account_id]
        if account.kind != Account.Kind.MEMBER:
            continue
        after = account.balance + delta
        if delta < 0 and after < -bank.credit_limit_minutes:
            problems.append(
                _("%(account)s would owe %(debt)s minutes; the bank allows at most %(limit)s.")
                % {"account": account, "debt": -after, "limit": bank.credit_limit_minutes}
            )
        if delta > 0 and after > bank.max_balance_minutes:
            problems.append(
                _("%(account)s would hold %(balance)s minutes; the bank allows at most %(limit)s.")
                % {"account": account, "balance": after, "limit": bank.max_balance_minutes}
            )
    return problems


def _validate(bank: TimeBank, legs: Mapping[Account, int]) -> dict[int, int]:
    if len(legs) < 2:
        raise LedgerError(_("A transfer moves time between at least two accounts."))
    by_id: dict[int, int] = {}
    for account, minutes in legs.items():
        if not isinstance(minutes, int) or isinstance(minutes, bool):
            raise LedgerError(_("Amounts are whole minutes."))
        if minutes == 0:
            raise LedgerError(_("Every line of a transfer moves some time."))
        if account.bank_id != bank.pk:
            raise LedgerError(_("Every account of a transfer belongs to the same time bank."))
        by_id[account.pk] = minutes
    if sum(by_id.values()) != 0:
        raise LedgerError(_("The lines of a transfer must add up to zero."))
    return by_id


def _post_once(*, bank, kind, entered_by, legs, description, occurred_on, reference, reverses, check_limits):
    with transaction.atomic():
        locked = {
            account.pk: account
            for account in Account.objects.select_for_update().filter(pk__in=sorted(legs)).order_by("pk")
        }
        if check_limits:
            problems = _limit_breaches(bank, locked, legs)
            if problems:
                raise LimitExceeded(problems)
        transfer = Transfer.objects.create(
            uuid=uuid.uuid4(),
            bank=bank,
            kind=kind,
            entered_by=entered_by,
            occurred_on=occurred_on,
            description=description[:300],
            reference=reference,
            reverses=reverses,
        )
        Entry.objects.bulk_create(
            [Entry(transfer=transfer, account_id=account_id, minutes=minutes) for account_id, minutes in legs.items()]
        )
        for account_id in sorted(legs):
            Account.objects.filter(pk=account_id).update(balance=F("balance") + legs[account_id])
        if connection.vendor != "postgresql":
            # SQLite cannot defer a trigger to COMMIT: read the sum back before committing instead.
            total = transfer.entries.aggregate(total=Sum("minutes"))["total"]
            if total != 0:
                raise LedgerError(_("The lines of a transfer must add up to zero."))
        return transfer


def post(
    *,
    bank: TimeBank,
    kind: str,
    entered_by,
    legs: Mapping[Account, int],
    description: str,
    occurred_on: date,
    reference: str = "",
    reverses: Transfer | None = None,
    check_limits: bool = True,
) -> Transfer:
    """Record one transfer. `legs` maps each account to its signed minutes (credit +, debit -)."""
    if entered_by is None or not getattr(entered_by, "pk", None):
        raise LedgerError(_("Every transfer records the person who entered it."))
    by_id = _validate(bank, legs)
    arguments = {
        "bank": bank,
        "kind": kind,
        "entered_by": entered_by,
        "legs": by_id,
        "description": description,
        "occurred_on": occurred_on,
        "reference": reference,
        "reverses": reverses,
        "check_limits": check_limits,
    }
    if connection.in_atomic_block:
        # Inside a caller's transaction a retry would have to replay the caller's work too: the
        # caller (a service wrapped in `retrying`) handles it.
        return _post_once(**arguments)
    return retrying(lambda: _post_once(**arguments))


def retrying(work, attempts: int = RETRIES):
    """Run `work` (which opens its own transaction) again after a deadlock or serialization failure."""
    for attempt in range(1, attempts + 1):
        try:
            return work()
        except OperationalError as error:
            if not _is_retryable(error) or connection.in_atomic_block:
                raise
            logger.warning("Time bank ledger conflict (attempt %s of %s): %s", attempt, attempts, error)
            if attempt == attempts:
                raise LedgerBusy(_("The time bank is busy; nothing was recorded. Please try again.")) from error
            time.sleep(0.01 * 2**attempt)
    raise AssertionError("unreachable")


def reverse(*, transfer: Transfer, entered_by, description: str, occurred_on: date) -> Transfer:
    """A correction: a new transfer with every line of `transfer` negated. Limits are not checked
    (undoing a mistake must always be possible); a transfer is reversed at most once."""
    if transfer.kind == Transfer.Kind.CORRECTION and transfer.reverses_id:
        raise LedgerError(_("A correction cannot itself be reversed; record a new transfer instead."))
    if Transfer.objects.filter(reverses=transfer).exists():
        raise LedgerError(_("This transfer has already been reversed."))
    legs = {entry.account: -entry.minutes for entry in transfer.entries.select_related("account")}
    return post(
        bank=transfer.bank,
        kind=Transfer.Kind.CORRECTION,
        entered_by=entered_by,
        legs=legs,
        description=description,
        occurred_on=occurred_on,
        reverses=transfer,
        check_limits=False,
    )


# --- checking and rebuilding the cache ------------------------------------------------------------


def unbalanced_transfers(bank: TimeBank | None = None) -> list[tuple[int, int]]:
    """(transfer id, sum) of every transfer whose entries do not sum to zero, or that has fewer than two."""
    transfers = Transfer.objects.all() if bank is None else Transfer.objects.filter(bank=bank)
    from django.db.models import Count

    rows = transfers.annotate(total=Sum("entries__minutes"), lines=Count("entries")).values_list("pk", "total", "lines")
    return [(pk, total or 0) for pk, total, lines in rows if (total or 0) != 0 or lines < 2]


def balance_mismatches(bank: TimeBank | None = None) -> list[tuple[int, int, int]]:
    """(account id, cached balance, sum of entries) for every account whose cache is wrong."""
    accounts = Account.objects.all() if bank is None else Account.objects.filter(bank=bank)
    rows = accounts.annotate(total=Sum("entries__minutes")).values_list("pk", "balance", "total")
    return [(pk, balance, total or 0) for pk, balance, total in rows if balance != (total or 0)]


def rebuild_balances(bank: TimeBank | None = None) -> int:
    """Set every cached balance to the sum of its entries, under lock; the number of accounts fixed."""
    fixed = 0
    with transaction.atomic():
        accounts = Account.objects.all() if bank is None else Account.objects.filter(bank=bank)
        ids = list(accounts.select_for_update().order_by("pk").values_list("pk", flat=True))
        totals = dict(
            Entry.objects.filter(account_id__in=ids)
            .values("account_id")
            .annotate(total=Sum("minutes"))
            .values_list("account_id", "total")
        )
        for pk, balance in Account.objects.filter(pk__in=ids).values_list("pk", "balance"):
            right = totals.get(pk, 0)
            if balance != right:
                Account.objects.filter(pk=pk).update(balance=right)
                fixed += 1
    return fixed
