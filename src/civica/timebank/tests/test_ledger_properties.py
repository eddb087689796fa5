"""Property: whatever sequence of transfers, reversals and fund payments is attempted, the ledger
keeps its invariants: every transfer sums to zero, cached balances equal the entries, members stay
within their limits on every move that is not a correction, and refused operations change nothing."""

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from civica.timebank import ledger, services
from civica.timebank.models import Account, Transfer

pytestmark = pytest.mark.django_db

operations = st.lists(
    st.one_of(
        st.tuples(st.just("pay"), st.integers(0, 2), st.integers(0, 2), st.integers(1, 700)),
        st.tuples(st.just("reverse"), st.integers(0, 50)),
        st.tuples(st.just("fund"), st.integers(0, 2), st.integers(1, 400)),
        st.tuples(st.just("donate"), st.integers(0, 2), st.integers(1, 300)),
    ),
    max_size=25,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=operations)
def test_any_sequence_of_operations_keeps_the_ledger_invariants(bank_world, steps):
    from django.db import transaction

    bank = bank_world["bank"]
    members = bank_world["members"]
    staff = bank_world["staff"]
    # Each example runs in a savepoint rolled back afterwards, so examples do not see each other.
    with transaction.atomic():
        for step in steps:
            before = dict(Account.objects.values_list("pk", "balance"))
            try:
                if step[0] == "pay":
                    _, payer, payee, minutes = step
                    legs = {Account.objects.get(member=members[payer]): -minutes}
                    legs[Account.objects.get(member=members[payee])] = (
                        legs.get(Account.objects.get(member=members[payee]), 0) + minutes
                    )
                    ledger.post(
                        bank=bank,
                        kind="exchange",
                        entered_by=staff,
                        legs=legs,
                        description="p",
                        occurred_on=date(2026, 1, 1),
                    )
                elif step[0] == "reverse":
                    transfers = list(Transfer.objects.filter(bank=bank).order_by("pk"))
                    if transfers:
                        services.correction(actor=staff, transfer=transfers[step[1] % len(transfers)], reason="r")
                elif step[0] == "fund":
                    services.fund_payment(
                        actor=staff,
                        bank=bank,
                        payments={members[step[1]]: step[2]},
                        description="f",
                        occurred_on=date(2026, 1, 1),
                    )
                else:
                    services.donate(actor=members[step[1]].user, bank=bank, minutes=step[2])
            except (ledger.LedgerError, ledger.LimitExceeded):
                # Refused: nothing changed.
                assert dict(Account.objects.values_list("pk", "balance")) == before
            else:
                if step[0] != "reverse":
                    _assert_moves_within_limits(bank, before)
            assert ledger.unbalanced_transfers() == []
            assert ledger.balance_mismatches() == []
        for transfer in Transfer.objects.filter(kind="correction"):
            assert transfer.reverses is not None
        transaction.set_rollback(True)


def _assert_moves_within_limits(bank, before):
    for account in Account.objects.filter(bank=bank, kind="member"):
        delta = account.balance - before[account.pk]
        if delta < 0:
            assert account.balance >= -bank.credit_limit_minutes
        if delta > 0:
            assert account.balance <= bank.max_balance_minutes
