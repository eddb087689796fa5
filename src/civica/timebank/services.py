"""Every write of the time bank, each in one transaction with its audit line. Time moves only
through `ledger.post`; these functions decide who may move what, and why."""

from __future__ import annotations

from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from civica.core import audit
from civica.core.notifications import notify

from . import ledger, selectors
from .models import Account, BankMember, Exchange, Feedback, Listing, TimeBank, Transfer

_BANK_FIELDS = [
    "name",
    "description",
    "place",
    "credit_limit_minutes",
    "max_balance_minutes",
    "rounding_minutes",
    "auto_confirm_days",
    "dormancy_days",
    "dormancy_warning_days",
    "cheque_deadline_days",
    "insurance_required",
    "is_open",
]


def _org(bank: TimeBank):
    return bank.organisation.uuid


def _require_staff(actor, bank: TimeBank) -> None:
    if not selectors.is_bank_staff(actor, bank):
        raise PermissionDenied


def _active_member(actor, bank: TimeBank) -> BankMember:
    member = selectors.membership_of(actor, bank)
    if member is None or member.status != BankMember.Status.ACTIVE:
        raise PermissionDenied
    return member


# --- banks and their members ----------------------------------------------------------------------


@transaction.atomic
def bank_create(*, actor, organisation, data: dict) -> TimeBank:
    """A bank with its two fund accounts. `actor` None is system work (the demo)."""
    if actor is not None and not selectors.is_organisation_admin(actor, organisation):
        raise PermissionDenied
    bank = TimeBank.objects.create(organisation=organisation, **{k: v for k, v in data.items() if k in _BANK_FIELDS})
    Account.objects.create(bank=bank, kind=Account.Kind.BANK_FUND)
    Account.objects.create(bank=bank, kind=Account.Kind.COMMUNITY_FUND)
    audit.record_change(
        actor=actor,
        instance=bank,
        action="create",
        after=audit.snapshot(bank),
        organisation_uuid=bank.organisation.uuid,
    )
    return bank


@transaction.atomic
def bank_update(*, actor, bank: TimeBank, data: dict) -> TimeBank:
    """The bank's rules, changed by its organisation's administrators. Limits apply to transfers
    posted from now on; balances already beyond a new limit may only move back towards it."""
    if not selectors.is_bank_admin(actor, bank):
        raise PermissionDenied
    before = audit.snapshot(bank)
    for field in _BANK_FIELDS:
        if field in data:
            setattr(bank, field, data[field])
    bank.save()
    audit.record_change(
        actor=actor,
        instance=bank,
        action="update",
        before=before,
        after=audit.snapshot(bank),
        organisation_uuid=_org(bank),
    )
    return bank


@transaction.atomic
def membership_request(*, actor, bank: TimeBank, data: dict) -> BankMember:
    if not bank.is_open:
        raise ValidationError(_("This time bank is not accepting new members at the moment."))
    if BankMember.objects.filter(bank=bank, user=actor).exists():
        raise ValidationError(_("You have already asked to join this time bank."))
    if data.get("is_minor") and not (data.get("guardian_name") or "").strip():
        raise ValidationError({"guardian_name": _("A member under 18 joins with a named parent or guardian.")})
    member = BankMember.objects.create(
        bank=bank,
        user=actor,
        skills=data.get("skills", ""),
        is_minor=bool(data.get("is_minor")),
        guardian_name=(data.get("guardian_name") or "").strip(),
        guardian_contact=data.get("guardian_contact", ""),
        insured=bool(data.get("insured")),
    )
    audit.record_change(
        actor=actor, instance=member, action="create", after=audit.snapshot(member), organisation_uuid=_org(bank)
    )
    notify(
        recipients=selectors.bank_staff_users(bank),
        subject=gettext_lazy("New request to join %(bank)s"),
        template="timebank/email/membership_requested.txt",
        context={"bank": bank.name, "person": str(actor)},
        url=f"/timebank/{bank.uuid}/members/",
    )
    return member


def _next_card_number(bank: TimeBank) -> str:
    numbers = [
        int(n) for n in bank.members.exclude(card_number="").values_list("card_number", flat=True) if n.isdigit()
    ]
    return f"{(max(numbers) + 1) if numbers else 1:04d}"


@transaction.atomic
def membership_decide(*, actor, member: BankMember, approve: bool) -> BankMember:
    bank = member.bank
    _require_staff(actor, bank)
    member = BankMember.objects.select_for_update().get(pk=member.pk)
    if member.status != BankMember.Status.REQUESTED:
        raise ValidationError(_("This request has already been decided."))
    before = audit.snapshot(member)
    member.decided_by = actor
    member.decided_at = timezone.now()
    if approve:
        member.status = BankMember.Status.ACTIVE
        member.card_number = _next_card_number(bank)
        member.last_activity_at = timezone.now()
        Account.objects.get_or_create(bank=bank, kind=Account.Kind.MEMBER, member=member)
    else:
        member.status = BankMember.Status.REFUSED
    member.save()
    audit.record_change(
        actor=actor,
        instance=member,
        action="update",
        before=before,
        after=audit.snapshot(member),
        organisation_uuid=_org(bank),
    )
    notify(
        recipients=[member.user],
        subject=gettext_lazy("Your request to join %(bank)s was approved")
        if approve
        else gettext_lazy("Your request to join %(bank)s was not accepted"),
        template="timebank/email/membership_decided.txt",
        context={"bank": bank.name, "approved": approve},
        url="/timebank/",
    )
    return member


@transaction.atomic
def member_reactivate(*, actor, member: BankMember) -> BankMember:
    _require_staff(actor, member.bank)
    if member.status != BankMember.Status.DORMANT:
        raise ValidationError(_("Only a dormant member can be reactivated."))
    before = audit.snapshot(member)
    member.status = BankMember.Status.ACTIVE
    member.last_activity_at = timezone.now()
    member.dormancy_warned_at = None
    member.save()
    audit.record_change(
        actor=actor,
        instance=member,
        action="update",
        before=before,
        after=audit.snapshot(member),
        organisation_uuid=_org(member.bank),
    )
    return member


def member_settle(*, actor, member: BankMember, occurred_on: date | None = None) -> Transfer | None:
    """Bring a leaving member's balance to zero against the community fund: their credit is given to
    it, or their debt is covered by it (a staff decision, recorded as a settlement)."""
    _require_staff(actor, member.bank)
    account = Account.objects.get(member=member)
    if account.balance == 0:
        return None
    community = selectors.fund(member.bank, Account.Kind.COMMUNITY_FUND)
    transfer = ledger.post(
        bank=member.bank,
        kind=Transfer.Kind.SETTLEMENT,
        entered_by=actor,
        legs={account: -account.balance, community: account.balance},
        description=_("Settlement of %(member)s's balance") % {"member": member},
        occurred_on=occurred_on or timezone.localdate(),
        check_limits=False,
    )
    audit.record_change(
        actor=actor,
        instance=member,
        action="event",
        summary=f"settled {account.balance} minutes",
        organisation_uuid=_org(member.bank),
    )
    return transfer


@transaction.atomic
def member_leave(*, actor, member: BankMember) -> BankMember:
    """A member leaves (by their own wish, or recorded by staff) only with a balance of zero."""
    if actor != member.user:
        _require_staff(actor, member.bank)
    account = Account.objects.select_for_update().filter(member=member).first()
    if account is not None and account.balance != 0:
        raise ValidationError(
            _("The balance is %(minutes)s minutes: it must be settled before leaving the time bank.")
            % {"minutes": account.balance}
        )
    before = audit.snapshot(member)
    member.status = BankMember.Status.LEFT
    member.left_at = timezone.now()
    member.save()
    Listing.objects.filter(member=member).update(is_active=False)
    audit.record_change(
        actor=actor,
        instance=member,
        action="update",
        before=before,
        after=audit.snapshot(member),
        organisation_uuid=_org(member.bank),
    )
    return member


# --- offers and requests --------------------------------------------------------------------------

_LISTING_FIELDS = ["kind", "category", "title", "description", "place", "availability", "is_active"]


@transaction.atomic
def listing_save(*, actor, bank: TimeBank, data: dict, listing: Listing | None = None) -> Listing:
    member = _active_member(actor, bank)
    if listing is not None and listing.member_id != member.pk:
        raise PermissionDenied
    before = audit.snapshot(listing) if listing else {}
    if listing is None:
        listing = Listing(bank=bank, member=member)
    for field in _LISTING_FIELDS:
        if field in data:
            setattr(listing, field, data[field])
    listing.full_clean(exclude=["bank", "member"])
    listing.save()
    audit.record_change(
        actor=actor,
        instance=listing,
        action="update" if before else "create",
        before=before,
        after=audit.snapshot(listing),
        organisation_uuid=_org(bank),
    )
    return listing


@transaction.atomic
def member_contact(*, actor, recipient: BankMember, message: str, about: Listing | None = None) -> None:
    """A message from one member to another, by e-mail and notice, without showing either person's
    address: the e-mail carries a link to answer through the platform."""
    bank = recipient.bank
    sender = _active_member(actor, bank)
    if recipient.status != BankMember.Status.ACTIVE:
        raise PermissionDenied
    if sender.pk == recipient.pk:
        raise ValidationError(_("This is your own offer or request."))
    message = (message or "").strip()
    if not message:
        raise ValidationError({"message": _("Write a message.")})
    notify(
        recipients=[recipient.user],
        subject=gettext_lazy("A message about “%(title)s”") if about else gettext_lazy("A message from %(sender)s"),
        template="timebank/email/contact.txt",
        context={
            "title": about.title if about else "",
            "sender": str(sender.user.get_full_name() or sender.card_number),
            "message": message[:2000],
        },
        url=f"/timebank/{bank.uuid}/write/{sender.uuid}/",
    )
    audit.record_change(
        actor=actor, instance=recipient, action="event", summary="member wrote to member", organisation_uuid=_org(bank)
    )


def listing_contact(*, actor, listing: Listing, message: str) -> None:
    member_contact(actor=actor, recipient=listing.member, message=message, about=listing)


# --- exchanges ------------------------------------------------------------------------------------


@transaction.atomic
def exchange_record(*, actor, bank: TimeBank, counterpart: BankMember, i_provided: bool, data: dict) -> Exchange:
    """The provider or the receiver records an exchange; the other member confirms or rejects it."""
    me = _active_member(actor, bank)
    if counterpart.bank_id != bank.pk or counterpart.status != BankMember.Status.ACTIVE:
        raise ValidationError({"counterpart": _("Choose an active member of this time bank.")})
    if counterpart.pk == me.pk:
        raise ValidationError({"counterpart": _("An exchange is between two different members.")})
    provider, receiver = (me, counterpart) if i_provided else (counterpart, me)
    if bank.insurance_required and not provider.insured:
        raise ValidationError(_("This time bank requires the member who provides a service to be insured."))
    minutes = ledger.round_minutes(bank, int(data["minutes"]))
    if minutes <= 0:
        raise ValidationError({"minutes": _("Enter a positive number of minutes.")})
    if data["performed_on"] > timezone.localdate():
        raise ValidationError({"performed_on": _("An exchange is recorded after it has taken place.")})
    exchange = Exchange.objects.create(
        bank=bank,
        provider=provider,
        receiver=receiver,
        listing=data.get("listing"),
        category=data["category"],
        description=data["description"],
        minutes=minutes,
        performed_on=data["performed_on"],
        recorded_by=actor,
    )
    audit.record_change(
        actor=actor, instance=exchange, action="create", after=audit.snapshot(exchange), organisation_uuid=_org(bank)
    )
    notify(
        recipients=[counterpart.user],
        subject=gettext_lazy("Please confirm an exchange: %(description)s"),
        template="timebank/email/exchange_recorded.txt",
        context={"description": exchange.description, "minutes": minutes, "days": bank.auto_confirm_days},
        url=f"/timebank/exchanges/{exchange.uuid}/",
    )
    return exchange


def _confirm_locked(exchange: Exchange, *, automatically: bool) -> tuple[Exchange, dict]:
    bank = exchange.bank
    receiver_account = Account.objects.get(member_id=exchange.receiver_id)
    provider_account = Account.objects.get(member_id=exchange.provider_id)
    transfer = ledger.post(
        bank=bank,
        kind=Transfer.Kind.EXCHANGE,
        # Who entered the exchange is who entered the transfer, also when it confirms itself.
        entered_by=exchange.recorded_by,
        legs={receiver_account: -exchange.minutes, provider_account: exchange.minutes},
        description=exchange.description,
        occurred_on=exchange.performed_on,
    )
    before = audit.snapshot(exchange)
    exchange.status = Exchange.Status.CONFIRMED
    exchange.decided_at = timezone.now()
    exchange.confirmed_automatically = automatically
    exchange.transfer = transfer
    exchange.save()
    BankMember.objects.filter(pk__in=[exchange.provider_id, exchange.receiver_id]).update(
        last_activity_at=timezone.now(), dormancy_warned_at=None
    )
    return exchange, before


def exchange_decide(*, actor, exchange: Exchange, confirm: bool, reason: str = "") -> Exchange:
    """The member who did not record the exchange confirms it (time moves) or rejects it."""

    def work():
        with transaction.atomic():
            locked = Exchange.objects.select_for_update().select_related("bank__organisation").get(pk=exchange.pk)
            me = _active_member(actor, locked.bank)
            if me.pk not in (locked.provider_id, locked.receiver_id) or locked.recorded_by_id == actor.pk:
                raise PermissionDenied
            if locked.status != Exchange.Status.PENDING:
                raise ValidationError(_("This exchange has already been decided."))
            if confirm:
                locked, before = _confirm_locked(locked, automatically=False)
            else:
                before = audit.snapshot(locked)
                locked.status = Exchange.Status.REJECTED
                locked.decided_at = timezone.now()
                locked.rejection_reason = reason[:300]
                locked.save()
            audit.record_change(
                actor=actor,
                instance=locked,
                action="update",
                before=before,
                after=audit.snapshot(locked),
                organisation_uuid=_org(locked.bank),
            )
            notify(
                recipients=[locked.recorded_by],
                subject=gettext_lazy("Exchange confirmed: %(description)s")
                if confirm
                else gettext_lazy("Exchange rejected: %(description)s"),
                template="timebank/email/exchange_decided.txt",
                context={"description": locked.description, "confirmed": confirm, "reason": reason},
                url=f"/timebank/exchanges/{locked.uuid}/",
            )
            return locked

    return ledger.retrying(work)


def exchanges_confirm_due(now) -> int:
    """Confirm the exchanges whose bank's confirmation period has passed (the periodic job). An
    exchange that would break a limit stays pending for the members and staff to sort out."""
    confirmed = 0
    for exchange in selectors.exchanges_due_for_auto_confirmation(now):

        def work(exchange=exchange):
            with transaction.atomic():
                locked = Exchange.objects.select_for_update().select_related("bank__organisation").get(pk=exchange.pk)
                if locked.status != Exchange.Status.PENDING:
                    return False
                locked, before = _confirm_locked(locked, automatically=True)
                audit.record_change(
                    actor=None,
                    instance=locked,
                    action="update",
                    summary="confirmed automatically",
                    before=before,
                    after=audit.snapshot(locked),
                    organisation_uuid=_org(locked.bank),
                )
                return True

        try:
            confirmed += bool(ledger.retrying(work))
        except ledger.LimitExceeded:
            continue
    return confirmed


@transaction.atomic
def feedback_give(*, actor, exchange: Exchange, rating: int, comment: str = "") -> Feedback:
    exchange = Exchange.objects.select_related("bank__organisation").get(pk=exchange.pk)
    me = _active_member(actor, exchange.bank)
    if me.pk not in (exchange.provider_id, exchange.receiver_id):
        raise PermissionDenied
    if exchange.status != Exchange.Status.CONFIRMED:
        raise ValidationError(_("Feedback is given on a confirmed exchange."))
    if Feedback.objects.filter(exchange=exchange, author=me).exists():
        raise ValidationError(_("You have already given feedback on this exchange."))
    if not 1 <= int(rating) <= 5:
        raise ValidationError({"rating": _("Choose a rating from 1 to 5.")})
    feedback = Feedback.objects.create(exchange=exchange, author=me, rating=rating, comment=comment)
    audit.record_change(
        actor=actor,
        instance=exchange,
        action="event",
        summary=f"feedback {rating}",
        organisation_uuid=_org(exchange.bank),
    )
    return feedback


# --- the bank's own transfers ---------------------------------------------------------------------


def fund_payment(
    *, actor, bank: TimeBank, payments: dict[BankMember, int], description: str, occurred_on: date
) -> Transfer:
    """The bank fund pays the members who organised an event or ran the bank: one transfer, one line
    per person on the attendance list, in one step."""
    _require_staff(actor, bank)
    legs: dict[Account, int] = {}
    accounts = {a.member_id: a for a in Account.objects.filter(bank=bank, member__in=list(payments))}
    for member, minutes in payments.items():
        if member.bank_id != bank.pk or member.pk not in accounts:
            raise ValidationError(_("Every person paid must be an active member of this time bank."))
        rounded = ledger.round_minutes(bank, int(minutes))
        if rounded <= 0:
            raise ValidationError(_("Every payment is a positive number of minutes."))
        legs[accounts[member.pk]] = rounded
    if not legs:
        raise ValidationError(_("Choose at least one member to pay."))
    fund_account = selectors.fund(bank, Account.Kind.BANK_FUND)
    legs[fund_account] = -sum(legs.values())

    def work():
        # The transfer and its audit line commit together or not at all.
        with transaction.atomic():
            transfer = ledger.post(
                bank=bank,
                kind=Transfer.Kind.FUND_PAYMENT,
                entered_by=actor,
                legs=legs,
                description=description,
                occurred_on=occurred_on,
            )
            audit.record_change(
                actor=actor,
                instance=transfer,
                action="create",
                summary=f"fund payment to {len(payments)} members",
                organisation_uuid=_org(bank),
            )
            return transfer

    return ledger.retrying(work)


def donate(*, actor, bank: TimeBank, minutes: int, description: str = "") -> Transfer:
    """A member gives some of their hours to the community fund."""
    member = _active_member(actor, bank)
    minutes = ledger.round_minutes(bank, int(minutes))
    if minutes <= 0:
        raise ValidationError({"minutes": _("Enter a positive number of minutes.")})

    def work():
        with transaction.atomic():
            transfer = ledger.post(
                bank=bank,
                kind=Transfer.Kind.DONATION,
                entered_by=actor,
                legs={
                    Account.objects.get(member=member): -minutes,
                    selectors.fund(bank, Account.Kind.COMMUNITY_FUND): minutes,
                },
                description=description or _("Donation to the community fund"),
                occurred_on=timezone.localdate(),
            )
            audit.record_change(
                actor=actor, instance=transfer, action="create", summary="donation", organisation_uuid=_org(bank)
            )
            return transfer

    return ledger.retrying(work)


def correction(*, actor, transfer: Transfer, reason: str) -> Transfer:
    """Undo a transfer by reversing it; the original stays in the ledger for everyone to see."""
    _require_staff(actor, transfer.bank)
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the transfer is being corrected.")})

    def work():
        with transaction.atomic():
            reversal = ledger.reverse(
                transfer=transfer,
                entered_by=actor,
                description=_("Correction of “%(description)s”: %(reason)s")
                % {"description": transfer.description, "reason": reason},
                occurred_on=timezone.localdate(),
            )
            audit.record_change(
                actor=actor,
                instance=reversal,
                action="create",
                summary=f"reverses {transfer.uuid}",
                organisation_uuid=_org(transfer.bank),
            )
            return reversal

    return ledger.retrying(work)


def cheque_enter(
    *,
    actor,
    bank: TimeBank,
    number: str,
    payer: BankMember,
    payee: BankMember,
    minutes: int,
    written_on: date,
    description: str,
) -> Transfer:
    """An operator enters a paper cheque (the receiver of a service pays the provider) within the
    bank's deadline; a cheque number is entered once."""
    _require_staff(actor, bank)
    today = timezone.localdate()
    if written_on > today:
        raise ValidationError({"written_on": _("The cheque's date cannot be in the future.")})
    if written_on < today - timedelta(days=bank.cheque_deadline_days):
        raise ValidationError(
            {
                "written_on": _("Cheques are accepted within %(days)s days of their date.")
                % {"days": bank.cheque_deadline_days}
            }
        )
    if payer.pk == payee.pk or {payer.bank_id, payee.bank_id} != {bank.pk}:
        raise ValidationError(_("A cheque is between two different members of this time bank."))
    minutes = ledger.round_minutes(bank, int(minutes))

    def work():
        with transaction.atomic():
            transfer = ledger.post(
                bank=bank,
                kind=Transfer.Kind.CHEQUE,
                entered_by=actor,
                legs={Account.objects.get(member=payer): -minutes, Account.objects.get(member=payee): minutes},
                description=description,
                occurred_on=written_on,
                reference=number,
            )
            BankMember.objects.filter(pk__in=[payer.pk, payee.pk]).update(
                last_activity_at=timezone.now(), dormancy_warned_at=None
            )
            audit.record_change(
                actor=actor,
                instance=transfer,
                action="create",
                summary=f"cheque {number}",
                organisation_uuid=_org(bank),
            )
            return transfer

    try:
        return ledger.retrying(work)
    except IntegrityError:
        # The database's constraint, not a check before the insert, decides: two operators entering
        # the same cheque at once both pass any check, and one of them must get this answer, not a 500.
        if Transfer.objects.filter(bank=bank, kind=Transfer.Kind.CHEQUE, reference=number).exists():
            raise ValidationError({"number": _("This cheque has already been entered.")}) from None
        raise


# --- dormancy -------------------------------------------------------------------------------------


def dormancy_sweep(now) -> tuple[int, int]:
    """Warn members near the bank's dormancy period, and make dormant those warned long enough ago.
    Idempotent: a warning is sent once (dormancy_warned_at) and cleared by any new activity."""
    warned = deactivated = 0
    for member in selectors.members_to_warn(now):
        with transaction.atomic():
            member.dormancy_warned_at = now
            member.save(update_fields=["dormancy_warned_at"])
            notify(
                recipients=[member.user],
                subject=gettext_lazy("Your time bank membership will become dormant"),
                template="timebank/email/dormancy_warning.txt",
                context={"bank": member.bank.name, "days": member.bank.dormancy_warning_days},
                url="/timebank/",
            )
            warned += 1
    for member in selectors.members_to_deactivate(now):
        with transaction.atomic():
            member.status = BankMember.Status.DORMANT
            member.save(update_fields=["status"])
            Listing.objects.filter(member=member).update(is_active=False)
            audit.record_change(
                actor=None,
                instance=member,
                action="update",
                summary="dormant",
                organisation_uuid=member.bank.organisation.uuid,
            )
            deactivated += 1
    return warned, deactivated
