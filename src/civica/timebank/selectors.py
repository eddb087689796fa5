"""Every read of the time bank, scoped to what the acting person may see: a member sees their own
bank's offers and their own account; the bank's staff (admins and staff of the organisation that
runs it) see their bank's members and ledger; nobody sees another bank's."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import TruncMonth

from civica.organisations import selectors as organisation_selectors
from civica.organisations.models import Role

from .models import Account, BankMember, Category, Entry, Exchange, Listing, TimeBank, Transfer


def is_bank_staff(user, bank: TimeBank) -> bool:
    return organisation_selectors.role_in(user, bank.organisation) in {Role.ADMIN, Role.STAFF}


def is_bank_admin(user, bank: TimeBank) -> bool:
    return organisation_selectors.role_in(user, bank.organisation) == Role.ADMIN


def is_organisation_admin(user, organisation) -> bool:
    return organisation_selectors.role_in(user, organisation) == Role.ADMIN


def staff_bank_ids(user) -> list[int]:
    organisations = organisation_selectors.organisation_ids_with_role(user)
    return list(TimeBank.objects.filter(organisation_id__in=organisations).values_list("pk", flat=True))


def member_bank_ids(user) -> list[int]:
    if not getattr(user, "is_authenticated", False):
        return []
    return list(BankMember.objects.filter(user=user, status=BankMember.Status.ACTIVE).values_list("bank_id", flat=True))


def membership_of(user, bank: TimeBank) -> BankMember | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return BankMember.objects.filter(user=user, bank=bank).select_related("user", "bank").first()


def memberships(user) -> QuerySet[BankMember]:
    return BankMember.objects.filter(user=user).select_related("bank__organisation", "account").order_by("bank__name")


def banks_visible_to(user) -> QuerySet[TimeBank]:
    """Everyone may see that a bank exists (to ask to join it); members and staff see it in detail."""
    return TimeBank.objects.select_related("organisation").order_by("name", "pk")


def bank_get(*, user, uuid) -> TimeBank:
    return banks_visible_to(user).get(uuid=uuid)


def bank_staff_users(bank: TimeBank):
    return [
        membership.user
        for membership in organisation_selectors.members_of(bank.organisation)
        if membership.role in {Role.ADMIN, Role.STAFF}
    ]


def fund(bank: TimeBank, kind: str) -> Account:
    return Account.objects.get(bank=bank, kind=kind)


def funds(bank: TimeBank) -> dict[str, Account]:
    return {account.kind: account for account in Account.objects.filter(bank=bank).exclude(kind=Account.Kind.MEMBER)}


# --- members --------------------------------------------------------------------------------------


def bank_members(*, user, bank: TimeBank, status: str = "") -> QuerySet[BankMember]:
    if not is_bank_staff(user, bank):
        return BankMember.objects.none()
    queryset = BankMember.objects.filter(bank=bank).select_related("user", "account")
    if status:
        queryset = queryset.filter(status=status)
    return queryset.order_by("status", "card_number", "pk")


def member_get(*, user, bank: TimeBank, uuid) -> BankMember:
    return bank_members(user=user, bank=bank).get(uuid=uuid)


def active_members(bank: TimeBank) -> QuerySet[BankMember]:
    """Fellow members, for choosing the other side of an exchange (names only)."""
    return (
        BankMember.objects.filter(bank=bank, status=BankMember.Status.ACTIVE)
        .select_related("user")
        .order_by("user__first_name", "user__last_name", "pk")
    )


# --- listings -------------------------------------------------------------------------------------


def listings(
    *, user, bank: TimeBank | None = None, kind: str = "", category: str = "", query: str = ""
) -> QuerySet[Listing]:
    """Offers and requests of the banks the person belongs to (or works for)."""
    bank_ids = set(member_bank_ids(user)) | set(staff_bank_ids(user))
    queryset = Listing.objects.filter(bank_id__in=bank_ids, is_active=True)
    if bank is not None:
        queryset = queryset.filter(bank=bank)
    if kind:
        queryset = queryset.filter(kind=kind)
    if category:
        queryset = queryset.filter(category=category)
    if query:
        queryset = queryset.filter(
            Q(title__icontains=query) | Q(description__icontains=query) | Q(place__icontains=query)
        )
    return queryset.select_related("member__user", "bank").order_by("-created_at", "-pk")


def listing_get(*, user, uuid) -> Listing:
    bank_ids = set(member_bank_ids(user)) | set(staff_bank_ids(user))
    return (
        Listing.objects.filter(Q(bank_id__in=bank_ids, is_active=True) | Q(member__user=user))
        .select_related("member__user", "bank__organisation")
        .get(uuid=uuid)
    )


def my_listings(*, user) -> QuerySet[Listing]:
    return Listing.objects.filter(member__user=user).select_related("bank").order_by("-created_at", "-pk")


# --- exchanges and the ledger ---------------------------------------------------------------------


def _exchange_relations(queryset):
    return queryset.select_related("provider__user", "receiver__user", "bank", "recorded_by")


def my_exchanges(*, user) -> QuerySet[Exchange]:
    return _exchange_relations(Exchange.objects.filter(Q(provider__user=user) | Q(receiver__user=user))).order_by(
        "-performed_on", "-pk"
    )


def exchange_get(*, user, uuid) -> Exchange:
    """An exchange is seen by its two members and by its bank's staff."""
    return _exchange_relations(
        Exchange.objects.filter(Q(provider__user=user) | Q(receiver__user=user) | Q(bank_id__in=staff_bank_ids(user)))
    ).get(uuid=uuid)


def awaiting_my_confirmation(*, user) -> QuerySet[Exchange]:
    return my_exchanges(user=user).filter(status=Exchange.Status.PENDING).exclude(recorded_by=user)


def exchanges_due_for_auto_confirmation(now) -> list[Exchange]:
    due = []
    pending = Exchange.objects.filter(status=Exchange.Status.PENDING).select_related("bank")
    for exchange in pending.order_by("created_at", "pk"):
        if exchange.created_at + timedelta(days=exchange.bank.auto_confirm_days) <= now:
            due.append(exchange)
    return due


def statement(*, user, member: BankMember) -> QuerySet[Entry]:
    """A member's statement: seen by the member and by their bank's staff only."""
    if member.user_id != user.pk and not is_bank_staff(user, member.bank):
        return Entry.objects.none()
    return (
        Entry.objects.filter(account__member=member)
        .select_related("transfer__entered_by")
        .order_by("transfer__occurred_on", "transfer__entered_at", "pk")
    )


def statement_lines(entries) -> list[dict]:
    """Entries with the running balance, oldest first."""
    running = 0
    lines = []
    for entry in entries:
        running += entry.minutes
        lines.append({"entry": entry, "transfer": entry.transfer, "minutes": entry.minutes, "balance": running})
    return lines


def bank_transfers(*, user, bank: TimeBank) -> QuerySet[Transfer]:
    if not is_bank_staff(user, bank):
        return Transfer.objects.none()
    return (
        Transfer.objects.filter(bank=bank)
        .select_related("entered_by", "reverses")
        .prefetch_related("entries__account__member__user")
        .annotate(reversal_count=Count("reversed_by"))
        .order_by("-entered_at", "-pk")
    )


def transfer_get(*, user, bank: TimeBank, uuid) -> Transfer:
    return bank_transfers(user=user, bank=bank).get(uuid=uuid)


# --- dormancy -------------------------------------------------------------------------------------


def members_to_warn(now) -> list[BankMember]:
    members = BankMember.objects.filter(
        status=BankMember.Status.ACTIVE, dormancy_warned_at__isnull=True, last_activity_at__isnull=False
    ).select_related("bank", "user")
    return [
        m
        for m in members
        if m.last_activity_at + timedelta(days=m.bank.dormancy_days - m.bank.dormancy_warning_days) <= now
    ]


def members_to_deactivate(now) -> list[BankMember]:
    members = BankMember.objects.filter(
        status=BankMember.Status.ACTIVE, dormancy_warned_at__isnull=False
    ).select_related("bank__organisation", "user")
    return [
        m
        for m in members
        if m.last_activity_at + timedelta(days=m.bank.dormancy_days) <= now
        and m.dormancy_warned_at + timedelta(days=m.bank.dormancy_warning_days) <= now
    ]


# --- dashboard ------------------------------------------------------------------------------------


def dashboard(*, user, bank: TimeBank) -> dict:
    if not is_bank_staff(user, bank):
        return {}
    confirmed = Exchange.objects.filter(bank=bank, status=Exchange.Status.CONFIRMED)
    by_category = [
        {**row, "label": Category(row["category"]).label}
        for row in confirmed.values("category").annotate(minutes=Sum("minutes")).order_by("-minutes", "category")
    ]
    by_month = list(
        confirmed.annotate(month=TruncMonth("performed_on"))
        .values("month")
        .annotate(minutes=Sum("minutes"))
        .order_by("month")
    )
    active = BankMember.objects.filter(bank=bank, status=BankMember.Status.ACTIVE)
    without = active.exclude(
        Q(provided__status=Exchange.Status.CONFIRMED) | Q(received__status=Exchange.Status.CONFIRMED)
    )
    return {
        "active_members": active.count(),
        "requests": BankMember.objects.filter(bank=bank, status=BankMember.Status.REQUESTED).count(),
        "by_category": by_category,
        "by_month": by_month,
        "without_exchanges": list(without.select_related("user").distinct().order_by("card_number")),
        "funds": funds(bank),
    }


def banks_of(organisation) -> QuerySet[TimeBank]:
    """The banks an organisation runs, for system work (the demo); never for a person's page."""
    return TimeBank.objects.filter(organisation=organisation)


def public_board(bank: TimeBank, *, kind: str = "", category: str = "") -> QuerySet[Listing]:
    """The bank's active offers and requests of active members, for anyone: what is offered or asked,
    never who (the member, their name and contact are not read at all)."""
    queryset = Listing.objects.filter(bank=bank, is_active=True, member__status=BankMember.Status.ACTIVE)
    if kind:
        queryset = queryset.filter(kind=kind)
    if category:
        queryset = queryset.filter(category=category)
    return queryset.only(
        "uuid", "kind", "category", "title", "description", "place", "availability", "created_at", "bank_id"
    ).order_by("-created_at", "-pk")
