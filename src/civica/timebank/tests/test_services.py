"""Members, exchanges, the bank's own transfers, cheques, dormancy and leaving."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from civica.timebank import ledger, services
from civica.timebank.models import Account, BankMember, Exchange, Transfer

pytestmark = pytest.mark.django_db


def balance(member):
    return Account.objects.get(member=member).balance


def _exchange(world, recorder, counterpart, minutes=60, i_provided=True):
    return services.exchange_record(
        actor=recorder.user,
        bank=world["bank"],
        counterpart=counterpart,
        i_provided=i_provided,
        data={"minutes": minutes, "performed_on": date(2026, 3, 1), "category": "yoga", "description": "Yoga lesson"},
    )


def test_membership_is_requested_then_approved_with_a_card_and_an_account(bank_world, make_user):
    person = make_user(email="new@people.example")
    request = services.membership_request(actor=person, bank=bank_world["bank"], data={"skills": "cooking"})
    assert request.status == BankMember.Status.REQUESTED
    assert not Account.objects.filter(member=request).exists()
    with pytest.raises(PermissionDenied):
        services.membership_decide(actor=bank_world["members"][0].user, member=request, approve=True)
    with pytest.raises(PermissionDenied):
        services.membership_decide(actor=bank_world["other_admin"], member=request, approve=True)
    member = services.membership_decide(actor=bank_world["staff"], member=request, approve=True)
    assert member.status == BankMember.Status.ACTIVE
    assert member.card_number == "0004"
    assert Account.objects.get(member=member).balance == 0


def test_a_minor_joins_only_with_a_named_guardian(bank_world, make_user):
    child = make_user(email="child@people.example")
    with pytest.raises(ValidationError) as error:
        services.membership_request(actor=child, bank=bank_world["bank"], data={"is_minor": True})
    assert "guardian_name" in error.value.message_dict
    member = services.membership_request(
        actor=child, bank=bank_world["bank"], data={"is_minor": True, "guardian_name": "Maria Rossi"}
    )
    assert member.guardian_name == "Maria Rossi"


def test_an_exchange_moves_time_from_receiver_to_provider_when_the_other_confirms(bank_world):
    anna, bruno, _ = bank_world["members"]
    exchange = _exchange(bank_world, anna, bruno, minutes=50)  # anna taught bruno
    assert exchange.minutes == 45  # rounded to the bank's 15 minutes
    assert balance(anna) == 0
    with pytest.raises(PermissionDenied):  # the recorder cannot confirm their own record
        services.exchange_decide(actor=anna.user, exchange=exchange, confirm=True)
    confirmed = services.exchange_decide(actor=bruno.user, exchange=exchange, confirm=True)
    assert confirmed.status == Exchange.Status.CONFIRMED
    assert confirmed.transfer.entered_by == anna.user
    assert balance(anna) == 45 and balance(bruno) == -45
    with pytest.raises(ValidationError, match="already been decided"):
        services.exchange_decide(actor=bruno.user, exchange=exchange, confirm=False)


def test_a_rejected_exchange_moves_nothing(bank_world):
    anna, bruno, _ = bank_world["members"]
    exchange = _exchange(bank_world, anna, bruno, i_provided=False)
    services.exchange_decide(actor=bruno.user, exchange=exchange, confirm=False, reason="never happened")
    assert balance(anna) == 0 and balance(bruno) == 0
    assert not Transfer.objects.exists()


def test_confirming_an_exchange_beyond_the_credit_limit_is_refused(bank_world):
    anna, bruno, _ = bank_world["members"]
    exchange = _exchange(bank_world, anna, bruno, minutes=615)
    with pytest.raises(ledger.LimitExceeded):
        services.exchange_decide(actor=bruno.user, exchange=exchange, confirm=True)
    exchange.refresh_from_db()
    assert exchange.status == Exchange.Status.PENDING


def test_pending_exchanges_confirm_themselves_after_the_banks_period_once(bank_world):
    anna, bruno, _ = bank_world["members"]
    exchange = _exchange(bank_world, anna, bruno)
    assert services.exchanges_confirm_due(timezone.now()) == 0
    later = timezone.now() + timedelta(days=bank_world["bank"].auto_confirm_days, minutes=1)
    assert services.exchanges_confirm_due(later) == 1
    assert services.exchanges_confirm_due(later) == 0  # idempotent
    exchange.refresh_from_db()
    assert exchange.confirmed_automatically and exchange.transfer.entered_by == anna.user
    assert balance(anna) == 60


def test_feedback_is_given_once_by_each_side_of_a_confirmed_exchange(bank_world):
    anna, bruno, carla = bank_world["members"]
    exchange = _exchange(bank_world, anna, bruno)
    with pytest.raises(ValidationError):
        services.feedback_give(actor=bruno.user, exchange=exchange, rating=5)
    services.exchange_decide(actor=bruno.user, exchange=exchange, confirm=True)
    services.feedback_give(actor=bruno.user, exchange=exchange, rating=5, comment="Brava")
    with pytest.raises(ValidationError):
        services.feedback_give(actor=bruno.user, exchange=exchange, rating=4)
    with pytest.raises(PermissionDenied):
        services.feedback_give(actor=carla.user, exchange=exchange, rating=1)


def test_the_bank_fund_pays_an_attendance_list_in_one_transfer(bank_world):
    anna, bruno, carla = bank_world["members"]
    transfer = services.fund_payment(
        actor=bank_world["staff"],
        bank=bank_world["bank"],
        payments={anna: 120, bruno: 120, carla: 60},
        description="Festa di primavera",
        occurred_on=date(2026, 4, 1),
    )
    assert transfer.entries.count() == 4
    assert [balance(m) for m in (anna, bruno, carla)] == [120, 120, 60]
    assert Account.objects.get(bank=bank_world["bank"], kind="bank_fund").balance == -300
    with pytest.raises(PermissionDenied):
        services.fund_payment(
            actor=anna.user, bank=bank_world["bank"], payments={anna: 60}, description="x", occurred_on=date(2026, 4, 1)
        )
    with pytest.raises(ValidationError):
        services.fund_payment(
            actor=bank_world["staff"],
            bank=bank_world["bank"],
            payments={bank_world["outsider"]: 60},
            description="x",
            occurred_on=date(2026, 4, 1),
        )


def test_a_member_donates_hours_to_the_community_fund(bank_world):
    anna = bank_world["members"][0]
    services.donate(actor=anna.user, bank=bank_world["bank"], minutes=60)
    assert balance(anna) == -60
    assert Account.objects.get(bank=bank_world["bank"], kind="community_fund").balance == 60


def test_a_paper_cheque_is_entered_once_within_the_deadline(bank_world):
    anna, bruno, _ = bank_world["members"]
    today = timezone.localdate()
    data = {"payer": anna, "payee": bruno, "minutes": 90, "description": "Giardinaggio"}
    transfer = services.cheque_enter(
        actor=bank_world["staff"], bank=bank_world["bank"], number="A-17", written_on=today, **data
    )
    assert transfer.kind == "cheque" and transfer.entered_by == bank_world["staff"]
    assert balance(bruno) == 90
    with pytest.raises(ValidationError, match="already been entered"):
        services.cheque_enter(
            actor=bank_world["staff"], bank=bank_world["bank"], number="A-17", written_on=today, **data
        )
    with pytest.raises(ValidationError, match="within 30 days"):
        services.cheque_enter(
            actor=bank_world["staff"],
            bank=bank_world["bank"],
            number="A-18",
            written_on=today - timedelta(days=31),
            **data,
        )


def test_a_member_leaves_only_after_settling_their_balance(bank_world):
    anna, bruno, _ = bank_world["members"]
    exchange = _exchange(bank_world, anna, bruno)
    services.exchange_decide(actor=bruno.user, exchange=exchange, confirm=True)
    with pytest.raises(ValidationError, match="must be settled"):
        services.member_leave(actor=anna.user, member=anna)
    services.member_settle(actor=bank_world["staff"], member=anna)
    assert balance(anna) == 0
    assert Account.objects.get(bank=bank_world["bank"], kind="community_fund").balance == 60
    left = services.member_leave(actor=anna.user, member=anna)
    assert left.status == BankMember.Status.LEFT


def test_inactive_members_are_warned_then_made_dormant(bank_world):
    bank = bank_world["bank"]
    anna = bank_world["members"][0]
    long_ago = timezone.now() - timedelta(days=bank.dormancy_days - 10)
    BankMember.objects.filter(pk=anna.pk).update(last_activity_at=long_ago)
    now = timezone.now()
    assert services.dormancy_sweep(now) == (1, 0)
    assert services.dormancy_sweep(now) == (0, 0)  # warned once
    later = now + timedelta(days=bank.dormancy_warning_days + 1)
    assert services.dormancy_sweep(later) == (0, 1)
    anna.refresh_from_db()
    assert anna.status == BankMember.Status.DORMANT
    with pytest.raises(PermissionDenied):
        _exchange(bank_world, anna, bank_world["members"][1])
    services.member_reactivate(actor=bank_world["staff"], member=anna)


def test_contacting_a_listing_author_does_not_reveal_addresses(bank_world, django_capture_on_commit_callbacks):
    anna, bruno, _ = bank_world["members"]
    listing = services.listing_save(
        actor=anna.user, bank=bank_world["bank"], data={"kind": "offer", "category": "cooking", "title": "Pasta fresca"}
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.listing_contact(actor=bruno.user, listing=listing, message="Sabato mattina?")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [anna.user.email]
    assert bruno.user.email not in message.body and "Sabato mattina?" in message.body
    assert not message.reply_to
    assert f"/timebank/{bank_world['bank'].uuid}/write/{bruno.uuid}/" in message.body  # answer through Civica


def test_the_periodic_jobs_are_registered_and_confirm_through_the_scheduler(bank_world):
    from civica.core.periodic import registered, run_due

    assert {"timebank.confirm_exchanges", "timebank.dormancy"} <= {job.name for job in registered()}
    anna, bruno, _ = bank_world["members"]
    _exchange(bank_world, anna, bruno)
    later = timezone.now() + timedelta(days=bank_world["bank"].auto_confirm_days + 1)
    assert "timebank.confirm_exchanges" in run_due(later, only="timebank.confirm_exchanges")
    assert balance(anna) == 60


# --- the audit line commits with the transfer (issue 14) ----------------------------------------------


def _failing_audit(*args, **kwargs):
    raise RuntimeError("crash between the transfer and its audit line")


@pytest.mark.parametrize("service", ["fund_payment", "donate", "correction", "cheque_enter"])
def test_a_failure_after_the_transfer_leaves_no_transfer(bank_world, monkeypatch, service):
    """The audit line is written inside the ledger's transaction: when writing it fails, the transfer
    is rolled back with it, so the ledger never holds a transfer without its audit line."""
    anna, bruno, _ = bank_world["members"]
    staff, bank = bank_world["staff"], bank_world["bank"]
    original = services.cheque_enter(
        actor=staff,
        bank=bank,
        number="C-1",
        payer=anna,
        payee=bruno,
        minutes=30,
        written_on=timezone.localdate(),
        description="x",
    )
    calls = {
        "fund_payment": lambda: services.fund_payment(
            actor=staff, bank=bank, payments={anna: 60}, description="Festa", occurred_on=date(2026, 4, 1)
        ),
        "donate": lambda: services.donate(actor=anna.user, bank=bank, minutes=60),
        "correction": lambda: services.correction(actor=staff, transfer=original, reason="typed twice"),
        "cheque_enter": lambda: services.cheque_enter(
            actor=staff,
            bank=bank,
            number="C-2",
            payer=anna,
            payee=bruno,
            minutes=30,
            written_on=timezone.localdate(),
            description="y",
        ),
    }
    before = (Transfer.objects.count(), [balance(m) for m in (anna, bruno)])
    monkeypatch.setattr(services.audit, "record_change", _failing_audit)
    with pytest.raises(RuntimeError):
        calls[service]()
    assert (Transfer.objects.count(), [balance(m) for m in (anna, bruno)]) == before
