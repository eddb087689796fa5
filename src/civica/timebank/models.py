"""The social time bank: banks, their members, offers and requests, exchanges, and the hour ledger.

The ledger is double entry in whole minutes. A Transfer is one movement of time; its Entries (one per
account touched, signed minutes) always sum to zero. Transfers and entries are never changed or
deleted: a correction is a new transfer that reverses an old one. Account.balance is a cache of the
sum of the account's entries, kept in step by the ledger service under row locks and rebuildable
from the entries (`civica timebank-rebuild`). The database itself refuses unbalanced transfers and
any UPDATE or DELETE of the ledger on PostgreSQL (migration 0002).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from civica.core.models import AppendOnlyModel, PublicRecord


class TimeBank(PublicRecord):
    organisation = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("run by"), on_delete=models.PROTECT, related_name="time_banks"
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    credit_limit_minutes = models.PositiveIntegerField(
        _("credit limit (minutes)"), default=600, help_text=_("The largest debt a member may have, in minutes.")
    )
    max_balance_minutes = models.PositiveIntegerField(
        _("maximum balance (minutes)"), default=3000, help_text=_("The most time a member may hold, in minutes.")
    )
    rounding_minutes = models.PositiveIntegerField(
        _("rounding unit (minutes)"), default=15, help_text=_("Amounts are rounded to this many minutes.")
    )
    auto_confirm_days = models.PositiveIntegerField(_("automatic confirmation after (days)"), default=14)
    dormancy_days = models.PositiveIntegerField(_("dormant after (days without exchanges)"), default=730)
    dormancy_warning_days = models.PositiveIntegerField(_("warning before deactivation (days)"), default=30)
    cheque_deadline_days = models.PositiveIntegerField(_("paper cheques accepted within (days)"), default=30)
    insurance_required = models.BooleanField(_("providers must be insured"), default=False)
    is_open = models.BooleanField(_("accepting membership requests"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("time bank")
        verbose_name_plural = _("time banks")
        constraints = [
            models.CheckConstraint(condition=Q(rounding_minutes__gte=1), name="timebank_rounding_positive"),
        ]

    def __str__(self):
        return self.name


class BankMember(PublicRecord):
    """A person's membership of one time bank (distinct from organisation membership)."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("requested")
        ACTIVE = "active", _("active")
        DORMANT = "dormant", _("dormant")
        REFUSED = "refused", _("refused")
        LEFT = "left", _("left")

    bank = models.ForeignKey(TimeBank, on_delete=models.PROTECT, related_name="members")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="time_bank_memberships")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.REQUESTED)
    card_number = models.CharField(_("member card"), max_length=20, blank=True)
    skills = models.TextField(_("what I can offer"), blank=True)
    is_minor = models.BooleanField(_("under 18"), default=False)
    guardian_name = models.CharField(_("guardian's name"), max_length=200, blank=True)
    guardian_contact = models.CharField(_("guardian's phone or e-mail"), max_length=200, blank=True)
    insured = models.BooleanField(_("insured for the services I provide"), default=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    last_activity_at = models.DateTimeField(_("last exchange"), null=True, blank=True)
    dormancy_warned_at = models.DateTimeField(null=True, blank=True)
    left_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["bank", "card_number", "pk"]
        verbose_name = _("time bank member")
        verbose_name_plural = _("time bank members")
        constraints = [
            models.UniqueConstraint(fields=["bank", "user"], name="timebank_one_membership_per_bank"),
            models.UniqueConstraint(
                fields=["bank", "card_number"], condition=~Q(card_number=""), name="timebank_unique_card"
            ),
            # A minor joins only with a named guardian.
            models.CheckConstraint(
                condition=Q(is_minor=False) | ~Q(guardian_name=""), name="timebank_minor_has_guardian"
            ),
        ]
        indexes = [models.Index(fields=["bank", "status"])]

    def __str__(self):
        name = self.user.get_full_name() if hasattr(self.user, "get_full_name") else ""
        return f"{name or self.user.email} ({self.card_number or self.get_status_display()})"


class Account(models.Model):
    class Kind(models.TextChoices):
        MEMBER = "member", _("member")
        BANK_FUND = "bank_fund", _("bank fund")
        COMMUNITY_FUND = "community_fund", _("community fund")

    bank = models.ForeignKey(TimeBank, on_delete=models.PROTECT, related_name="accounts")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    member = models.OneToOneField(BankMember, null=True, blank=True, on_delete=models.PROTECT, related_name="account")
    # A cache of SUM(entries.minutes), written only by the ledger service under a row lock.
    balance = models.IntegerField(_("balance (minutes)"), default=0)

    class Meta:
        verbose_name = _("account")
        verbose_name_plural = _("accounts")
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind="member") & Q(member__isnull=False)) | (~Q(kind="member") & Q(member__isnull=True)),
                name="timebank_account_owner_matches_kind",
            ),
            models.UniqueConstraint(
                fields=["bank", "kind"], condition=~Q(kind="member"), name="timebank_one_fund_of_each_kind"
            ),
        ]

    def __str__(self):
        if self.kind == self.Kind.MEMBER and self.member_id:
            return str(self.member)
        return f"{self.bank} – {self.get_kind_display()}"


class Transfer(AppendOnlyModel):
    class Kind(models.TextChoices):
        EXCHANGE = "exchange", _("exchange")
        FUND_PAYMENT = "fund_payment", _("payment from the bank fund")
        DONATION = "donation", _("donation to the community fund")
        CORRECTION = "correction", _("correction")
        CHEQUE = "cheque", _("paper cheque")
        SETTLEMENT = "settlement", _("settlement")

    uuid = models.UUIDField(_("public identifier"), unique=True, editable=False)
    bank = models.ForeignKey(TimeBank, on_delete=models.PROTECT, related_name="transfers")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    # Who typed it in: always a person, also for automatic confirmations (the one who recorded it).
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("entered by"), on_delete=models.PROTECT, related_name="+"
    )
    entered_at = models.DateTimeField(_("entered"), auto_now_add=True, db_index=True)
    occurred_on = models.DateField(_("date"))
    description = models.CharField(_("description"), max_length=300)
    reference = models.CharField(_("reference"), max_length=40, blank=True)
    reverses = models.OneToOneField("self", null=True, blank=True, on_delete=models.PROTECT, related_name="reversed_by")

    class Meta:
        ordering = ["-entered_at", "-id"]
        verbose_name = _("transfer")
        verbose_name_plural = _("transfers")
        constraints = [
            # A paper cheque is entered once.
            models.UniqueConstraint(
                fields=["bank", "reference"], condition=Q(kind="cheque"), name="timebank_cheque_entered_once"
            ),
            models.CheckConstraint(
                condition=Q(reverses__isnull=True) | Q(kind="correction"), name="timebank_only_corrections_reverse"
            ),
        ]

    def __str__(self):
        return f"{self.occurred_on} {self.get_kind_display()}: {self.description}"


class Entry(AppendOnlyModel):
    transfer = models.ForeignKey(Transfer, on_delete=models.PROTECT, related_name="entries")
    account = models.ForeignKey(Account, on_delete=models.PROTECT, related_name="entries")
    minutes = models.IntegerField(_("minutes"))

    class Meta:
        ordering = ["id"]
        verbose_name = _("entry")
        verbose_name_plural = _("entries")
        constraints = [
            models.CheckConstraint(condition=~Q(minutes=0), name="timebank_entry_not_zero"),
            models.UniqueConstraint(fields=["transfer", "account"], name="timebank_one_entry_per_account"),
        ]
        indexes = [models.Index(fields=["account", "transfer"])]

    def __str__(self):
        return f"{self.account}: {self.minutes:+d}"


class Category(models.TextChoices):
    COOKING = "cooking", _("Cooking lessons")
    BABYSITTING = "babysitting", _("Babysitting")
    GARDENING = "gardening", _("Gardening")
    YOGA = "yoga", _("Yoga")
    TUTORING = "tutoring", _("Tutoring")
    HAIRDRESSING = "hairdressing", _("Hairdressing")
    REPAIRS = "repairs", _("Small repairs")
    COMPANY = "company", _("Company and errands")
    LANGUAGES = "languages", _("Languages")
    COMPUTERS = "computers", _("Computer help")
    EVENTS = "events", _("Organising events")
    OTHER = "other", _("Other")


class Listing(PublicRecord):
    """An offer of a service, or a request for one."""

    class Kind(models.TextChoices):
        OFFER = "offer", _("offer")
        REQUEST = "request", _("request")

    bank = models.ForeignKey(TimeBank, on_delete=models.CASCADE, related_name="listings")
    member = models.ForeignKey(BankMember, on_delete=models.CASCADE, related_name="listings")
    kind = models.CharField(_("offer or request"), max_length=10, choices=Kind.choices)
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    availability = models.CharField(_("availability"), max_length=200, blank=True)
    is_active = models.BooleanField(_("shown to members"), default=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("offer or request")
        verbose_name_plural = _("offers and requests")
        indexes = [models.Index(fields=["bank", "is_active", "kind", "category"])]

    def __str__(self):
        return self.title


class Exchange(PublicRecord):
    """A service given by one member to another, recorded by one of them and confirmed by the other."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for confirmation")
        CONFIRMED = "confirmed", _("confirmed")
        REJECTED = "rejected", _("rejected")

    bank = models.ForeignKey(TimeBank, on_delete=models.PROTECT, related_name="exchanges")
    provider = models.ForeignKey(BankMember, on_delete=models.PROTECT, related_name="provided")
    receiver = models.ForeignKey(BankMember, on_delete=models.PROTECT, related_name="received")
    listing = models.ForeignKey(Listing, null=True, blank=True, on_delete=models.SET_NULL, related_name="exchanges")
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    description = models.CharField(_("what was done"), max_length=300)
    minutes = models.PositiveIntegerField(_("minutes"))
    performed_on = models.DateField(_("date"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    decided_at = models.DateTimeField(null=True, blank=True)
    confirmed_automatically = models.BooleanField(default=False)
    rejection_reason = models.CharField(_("reason"), max_length=300, blank=True)
    transfer = models.OneToOneField(Transfer, null=True, blank=True, on_delete=models.PROTECT, related_name="exchange")

    class Meta:
        ordering = ["-performed_on", "-id"]
        verbose_name = _("exchange")
        verbose_name_plural = _("exchanges")
        constraints = [
            models.CheckConstraint(condition=~Q(provider=models.F("receiver")), name="timebank_exchange_two_people"),
            models.CheckConstraint(condition=Q(minutes__gt=0), name="timebank_exchange_positive"),
        ]
        indexes = [models.Index(fields=["bank", "status", "created_at"])]

    def __str__(self):
        return f"{self.performed_on} {self.description}"


class Feedback(models.Model):
    exchange = models.ForeignKey(Exchange, on_delete=models.CASCADE, related_name="feedback")
    author = models.ForeignKey(BankMember, on_delete=models.CASCADE, related_name="+")
    rating = models.PositiveSmallIntegerField(_("rating"), choices=[(n, str(n)) for n in range(1, 6)])
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["exchange", "author"], name="timebank_one_feedback_each")]

    def __str__(self):
        return f"{self.exchange}: {self.rating}"
