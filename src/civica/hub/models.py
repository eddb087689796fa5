"""Membership of a coordination centre: organisations ask to join, the centre decides; each member
names its representatives and keeps a profile (seed 004: 75 members, over 200 representatives)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from civica.core.models import PublicRecord

SECTORS = [
    ("legal", _("Legal support")),
    ("health_social", _("Health and social services")),
    ("housing", _("Housing")),
    ("education", _("Education")),
    ("labour", _("Labour market integration")),
]


class CentreMembership(PublicRecord):
    class State(models.TextChoices):
        REQUESTED = "requested", _("Asked to join")
        APPROVED = "approved", _("Member")
        REJECTED = "rejected", _("Not admitted")

    centre = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("coordination centre"),
        on_delete=models.CASCADE,
        related_name="centre_memberships",
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("member organisation"),
        on_delete=models.CASCADE,
        related_name="memberships_of_centres",
    )
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.REQUESTED)
    motivation = models.TextField(_("why the organisation wants to join"), blank=True)
    # The member profile the centre's members see.
    profile = models.TextField(_("profile"), blank=True)
    sectors = models.JSONField(_("sectors of work"), default=list, blank=True)
    reason = models.TextField(_("reason for the decision"), blank=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        ordering = ["organisation__name"]
        verbose_name = _("centre membership")
        verbose_name_plural = _("centre memberships")
        constraints = [models.UniqueConstraint(fields=["centre", "organisation"], name="one_membership_per_centre")]
        indexes = [models.Index(fields=["centre", "state"])]

    def __str__(self):
        return f"{self.organisation} · {self.centre}"


class Representative(PublicRecord):
    """A person who speaks for a member organisation in the centre (committees, meetings)."""

    membership = models.ForeignKey(
        CentreMembership, verbose_name=_("membership"), on_delete=models.CASCADE, related_name="representatives"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.CASCADE)
    title = models.CharField(_("title or role"), max_length=150, blank=True)

    class Meta:
        ordering = ["user__last_name", "user__first_name"]
        verbose_name = _("representative")
        verbose_name_plural = _("representatives")
        constraints = [models.UniqueConstraint(fields=["membership", "user"], name="one_representative_per_person")]

    def __str__(self):
        return str(self.user)


# --- Needs and gaps (issue 5 item 5) --------------------------------------------------------------


class Need(PublicRecord):
    """A need or gap a working committee found in one sector and territory (seed 004: the five committees
    set immediate and long-term priorities per sector)."""

    class Priority(models.TextChoices):
        IMMEDIATE = "immediate", _("Immediate")
        LONG_TERM = "long_term", _("Long term")

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed by a member")
        OPEN = "open", _("Open")
        MET = "met", _("Met")
        CLOSED = "closed", _("Closed")

    centre = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("coordination centre"), on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(_("need or gap"), max_length=250)
    description = models.TextField(_("description"), blank=True)
    sector = models.CharField(_("sector"), max_length=20, choices=SECTORS)
    territory = models.ForeignKey(
        "organisations.Territory",
        verbose_name=_("territory or district"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    committee = models.ForeignKey(
        "groups.Group",
        verbose_name=_("identified by the committee"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    priority = models.CharField(_("priority"), max_length=10, choices=Priority.choices, default=Priority.IMMEDIATE)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    services = models.ManyToManyField(
        "directory.Service", verbose_name=_("services that answer it"), blank=True, related_name="+"
    )
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    proposed_for = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("proposed by the member"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["sector", "priority", "title", "pk"]
        verbose_name = _("need")
        verbose_name_plural = _("needs and gaps")
        indexes = [
            models.Index(fields=["centre", "status", "sector"]),
            models.Index(fields=["centre", "priority"]),
        ]

    def __str__(self):
        return self.title


# --- Offers of support (issue 5 item 6) -----------------------------------------------------------


class Offer(PublicRecord):
    """Support offered by a person or a company through the public form, matched by the centre."""

    class OffererKind(models.TextChoices):
        INDIVIDUAL = "individual", _("A person")
        COMPANY = "company", _("A company or organisation")

    class Kind(models.TextChoices):
        GOODS = "goods", _("Goods")
        VOLUNTEERS = "volunteers", _("Volunteers")
        PREMISES = "premises", _("Premises")
        EXPERTISE = "expertise", _("Expertise")
        MONEY = "money", _("Money")

    class State(models.TextChoices):
        OFFERED = "offered", _("Offered")
        MATCHED = "matched", _("Matched")
        ACCEPTED = "accepted", _("Accepted")
        DELIVERED = "delivered", _("Delivered")
        DECLINED = "declined", _("Declined")

    centre = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("coordination centre"), on_delete=models.CASCADE, related_name="+"
    )
    reference = models.CharField(_("reference"), max_length=20, unique=True)
    offerer_kind = models.CharField(_("who offers"), max_length=10, choices=OffererKind.choices)
    kind = models.CharField(_("kind of support"), max_length=12, choices=Kind.choices)
    description = models.TextField(_("what you offer"))
    quantity = models.CharField(_("quantity or value"), max_length=200, blank=True)
    area = models.CharField(_("area where it can be given"), max_length=200, blank=True)
    # Contact details: only the centre's staff, and after matching the matched organisation's staff, see them.
    contact_name = models.CharField(_("name"), max_length=200)
    company_name = models.CharField(_("company or organisation"), max_length=200, blank=True)
    contact_email = models.EmailField(_("e-mail"))
    contact_phone = models.CharField(_("telephone"), max_length=50, blank=True)
    consent_to_contact = models.BooleanField(_("consent to be contacted"), default=False)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES, default="en")
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.OFFERED)
    needs = models.ManyToManyField(Need, verbose_name=_("needs it answers"), blank=True, related_name="offers")
    matched_organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("matched member organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.TextField(_("note on the last decision"), blank=True)
    state_changed_at = models.DateTimeField(_("state changed"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "pk"]
        verbose_name = _("offer of support")
        verbose_name_plural = _("offers of support")
        indexes = [
            models.Index(fields=["centre", "state"]),
            models.Index(fields=["matched_organisation", "state"]),
        ]

    def __str__(self):
        return self.reference


# --- Preparedness plan (issue 5 item 8) -----------------------------------------------------------


class EmergencyPeriod(PublicRecord):
    """A time the centre's emergency mode was on; the mode is active while a period has no end."""

    centre = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("coordination centre"), on_delete=models.CASCADE, related_name="+"
    )
    reason = models.TextField(_("reason for the activation"))
    started_at = models.DateTimeField(_("activated"))
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    ended_at = models.DateTimeField(_("deactivated"), null=True, blank=True)
    end_reason = models.TextField(_("reason for the deactivation"), blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-started_at", "pk"]
        verbose_name = _("emergency period")
        verbose_name_plural = _("emergency periods")
        constraints = [
            models.UniqueConstraint(
                fields=["centre"], condition=models.Q(ended_at__isnull=True), name="one_active_emergency_per_centre"
            )
        ]

    def __str__(self):
        return f"{self.centre} · {self.started_at:%Y-%m-%d}"


class ContactTreeEntry(PublicRecord):
    """Who calls whom when the emergency mode is activated: level 1 is called by the centre, every later
    level by someone of the level above."""

    centre = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("coordination centre"), on_delete=models.CASCADE, related_name="+"
    )
    level = models.PositiveSmallIntegerField(_("level"))
    representative = models.ForeignKey(
        Representative, verbose_name=_("representative"), on_delete=models.CASCADE, related_name="+"
    )
    caller = models.ForeignKey(
        "self", verbose_name=_("called by"), null=True, blank=True, on_delete=models.CASCADE, related_name="calls"
    )

    class Meta:
        ordering = ["level", "pk"]
        verbose_name = _("contact tree entry")
        verbose_name_plural = _("contact tree")
        constraints = [
            models.UniqueConstraint(fields=["centre", "representative"], name="one_place_in_the_contact_tree")
        ]

    def __str__(self):
        return f"{self.level} · {self.representative}"


class CapacityReport(PublicRecord):
    """What a member can make available now; the latest report per member and kind counts."""

    class Kind(models.TextChoices):
        BEDS = "beds", _("Beds")
        STAFF = "staff", _("Staff")
        INTERPRETERS = "interpreters", _("Interpreters")
        OTHER = "other", _("Other")

    membership = models.ForeignKey(
        CentreMembership, verbose_name=_("member"), on_delete=models.CASCADE, related_name="capacity_reports"
    )
    kind = models.CharField(_("capacity"), max_length=12, choices=Kind.choices)
    quantity = models.PositiveIntegerField(_("how many"))
    note = models.CharField(_("note"), max_length=250, blank=True)
    reported_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("capacity report")
        verbose_name_plural = _("capacity reports")
        indexes = [models.Index(fields=["membership", "kind", "-created_at"])]

    def __str__(self):
        return f"{self.membership} · {self.kind} {self.quantity}"


class PreparednessTask(PublicRecord):
    class Status(models.TextChoices):
        TODO = "todo", _("To do")
        DOING = "doing", _("In progress")
        DONE = "done", _("Done")

    centre = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("coordination centre"), on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(_("task"), max_length=250)
    description = models.TextField(_("description"), blank=True)
    membership = models.ForeignKey(
        CentreMembership, verbose_name=_("assigned to the member"), on_delete=models.CASCADE, related_name="tasks"
    )
    due = models.DateField(_("due"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.TODO)

    class Meta:
        ordering = ["status", "due", "pk"]
        verbose_name = _("preparedness task")
        verbose_name_plural = _("preparedness tasks")
        indexes = [models.Index(fields=["centre", "status"])]

    def __str__(self):
        return self.title
