"""Inter-agency protection cases: what they add to a case of the case core.

The case core's case carries the workflow, the lead organisation (`case.organisation`) and the
accountable case manager (`case.owner`); its title is the case's code, never a name. People appear
by code (S1-DV-2026-0007). Everything about the violence, injuries, addresses and children is
encrypted at rest (civica.core.crypto) and read only through the selectors, which log every read.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from civica.core.crypto import EncryptedJSONField, EncryptedTextField
from civica.core.models import PublicRecord

# The parts of a case a referral can share, in the order of the integrated view.
SECTIONS = (
    ("person", _("Person and addresses")),
    ("narrative", _("Narrative and injuries")),
    ("risk", _("Risk assessment")),
    ("safety_plan", _("Safety plan")),
    ("orders", _("Protection orders")),
    ("services", _("Services provided")),
    ("follow_ups", _("Follow-up schedule")),
)
SECTION_KEYS = tuple(key for key, _label in SECTIONS)


class ProtectedPerson(PublicRecord):
    """The person a case protects, known in lists and reports only by code."""

    class Sex(models.TextChoices):
        FEMALE = "f", _("Female")
        MALE = "m", _("Male")
        OTHER = "x", _("Other or not stated")

    code = models.CharField(_("code"), max_length=40, unique=True)
    organisation = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("registered by"), on_delete=models.PROTECT, related_name="+"
    )
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices, default=Sex.OTHER)
    birth_year = models.PositiveSmallIntegerField(_("year of birth"), null=True, blank=True)
    full_name = EncryptedTextField(_("full name"), blank=True)
    address = EncryptedTextField(_("address"), blank=True)
    contact = EncryptedTextField(_("safe contact"), blank=True)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)
    erased_at = models.DateTimeField(_("erased on request"), null=True, blank=True)

    audit_sensitive_fields = ("full_name", "address", "contact")

    class Meta:
        ordering = ["code"]
        verbose_name = _("protected person")
        verbose_name_plural = _("protected people")

    def __str__(self):
        return self.code


class ProtectionCase(models.Model):
    class Kind(models.TextChoices):
        # The first two are the mediation rule's own keys (civica.mediation.eligibility).
        DOMESTIC_VIOLENCE = "domestic_violence", _("Domestic violence")
        VIOLENCE_AGAINST_WOMEN = "violence_against_women", _("Violence against women")
        CHILD_ABUSE = "child_abuse", _("Abuse or neglect of a child")
        ELDER_ABUSE = "elder_abuse", _("Abuse of an older person")

    case = models.OneToOneField("cases.Case", on_delete=models.CASCADE, related_name="protection")
    person = models.ForeignKey(ProtectedPerson, on_delete=models.PROTECT, related_name="cases")
    kind = models.CharField(_("kind of violence"), max_length=30, choices=Kind.choices)
    territory = models.ForeignKey(
        "organisations.Territory", verbose_name=_("territory"), on_delete=models.PROTECT, related_name="+"
    )
    narrative = EncryptedTextField(_("what happened"), blank=True)
    injuries = EncryptedTextField(_("injuries"), blank=True)
    incident_address = EncryptedTextField(_("address of the incidents"), blank=True)
    children = EncryptedJSONField(_("children"), null=True, blank=True)
    safety_plan = EncryptedTextField(_("safety plan"), blank=True)
    safety_plan_updated_at = models.DateTimeField(null=True, blank=True)
    legal_hold = models.BooleanField(_("legal hold"), default=False)
    legal_hold_reason = models.CharField(_("reason for the legal hold"), max_length=300, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)

    audit_sensitive_fields = ("narrative", "injuries", "incident_address", "children", "safety_plan")

    class Meta:
        verbose_name = _("protection case")
        verbose_name_plural = _("protection cases")
        indexes = [models.Index(fields=["kind"]), models.Index(fields=["anonymised_at"])]

    def __str__(self):
        return self.case.reference


class TeamMember(PublicRecord):
    """A member of the mixed intervention team: someone of any agency, with a role on this case."""

    class Role(models.TextChoices):
        MANAGER = "manager", _("Case manager")
        SOCIAL_WORKER = "social_worker", _("Social worker")
        PSYCHOLOGIST = "psychologist", _("Psychologist")
        POLICE = "police", _("Police officer")
        NGO = "ngo", _("NGO counsellor")
        HEALTH = "health", _("Health professional")
        LAWYER = "lawyer", _("Legal adviser")

    case = models.ForeignKey(ProtectionCase, on_delete=models.CASCADE, related_name="team")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="protection_teams")
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, related_name="+")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [models.UniqueConstraint(fields=["case", "user"], name="one_team_place_per_person")]

    def __str__(self):
        return f"{self.case} {self.role}"


class Referral(PublicRecord):
    class State(models.TextChoices):
        SENT = "sent", _("Sent")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        COMPLETED = "completed", _("Completed")
        EXPIRED = "expired", _("Expired")
        REVOKED = "revoked", _("Revoked")

    class Basis(models.TextChoices):
        CONSENT = "consent", _("The person's consent")
        LEGAL_OBLIGATION = "legal_obligation", _("A legal obligation (GDPR art. 6(1)(c), 9(2)(b))")
        VITAL_INTERESTS = "vital_interests", _("Vital interests (GDPR art. 6(1)(d), 9(2)(c))")
        PUBLIC_TASK = "public_task", _("A task in the public interest (GDPR art. 6(1)(e), 9(2)(g))")

    case = models.ForeignKey(ProtectionCase, on_delete=models.CASCADE, related_name="referrals")
    from_organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, related_name="+")
    to_organisation = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("to"), on_delete=models.PROTECT, related_name="+"
    )
    sections = models.JSONField(_("sections shared"), default=list)
    purpose = models.CharField(_("what is asked"), max_length=500)
    basis = models.CharField(_("lawful basis"), max_length=20, choices=Basis.choices)
    basis_detail = models.CharField(_("consent or legal reference"), max_length=300)
    deadline = models.DateField(_("deadline"))
    transfer_ownership = models.BooleanField(_("hand the case over"), default=False)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.SENT)
    outcome = models.TextField(_("outcome"), blank=True)
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    answered_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["to_organisation", "state", "deadline"]), models.Index(fields=["state"])]

    def __str__(self):
        return f"{self.case} → {self.to_organisation_id}"


class RiskAssessment(PublicRecord):
    case = models.ForeignKey(ProtectionCase, on_delete=models.CASCADE, related_name="risk_assessments")
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, related_name="+")
    assessed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    answers = EncryptedJSONField(_("answers"), null=True)
    notes = EncryptedTextField(_("notes"), blank=True)
    score = models.PositiveSmallIntegerField(_("score"))
    level = models.CharField(_("level"), max_length=10)

    audit_sensitive_fields = ("answers", "notes")

    class Meta:
        ordering = ["-created_at", "-id"]


class ProtectionOrder(PublicRecord):
    class Kind(models.TextChoices):
        PROVISIONAL = "provisional", _("Provisional order")
        FINAL = "final", _("Protection order")

    case = models.ForeignKey(ProtectionCase, on_delete=models.CASCADE, related_name="orders")
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    authority = models.CharField(_("issued by"), max_length=200)
    number = models.CharField(_("number"), max_length=60, blank=True)
    issued_on = models.DateField(_("issued on"))
    expires_on = models.DateField(_("valid until"))
    measures = EncryptedTextField(_("measures"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    audit_sensitive_fields = ("measures",)

    class Meta:
        ordering = ["-issued_on", "-id"]


class ServiceProvided(PublicRecord):
    class Kind(models.TextChoices):
        COUNSELLING = "counselling", _("Counselling")
        PSYCHOLOGICAL = "psychological", _("Psychological support")
        SHELTER = "shelter", _("Shelter")
        LEGAL = "legal", _("Legal aid")
        MEDICAL = "medical", _("Medical care")
        FINANCIAL = "financial", _("Financial support")
        POLICE = "police", _("Police intervention")

    case = models.ForeignKey(ProtectionCase, on_delete=models.CASCADE, related_name="services")
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("service"), max_length=20, choices=Kind.choices)
    provided_on = models.DateField(_("provided on"))
    notes = EncryptedTextField(_("notes"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    audit_sensitive_fields = ("notes",)

    class Meta:
        ordering = ["-provided_on", "-id"]


class FollowUp(PublicRecord):
    case = models.ForeignKey(ProtectionCase, on_delete=models.CASCADE, related_name="follow_ups")
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("what is to be done"), max_length=200)
    due_on = models.DateField(_("due on"))
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by whom"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    # The due date a reminder was sent for, before it and once passed: never twice for the same date.
    reminded_before = models.DateField(null=True, blank=True, editable=False)
    reminded_overdue = models.DateField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["done_at", "due_on", "id"]
        indexes = [models.Index(fields=["done_at", "due_on"])]


class Contribution(PublicRecord):
    """A note an agency adds to one section of a case, shown in the case manager's integrated view."""

    case = models.ForeignKey(ProtectionCase, on_delete=models.CASCADE, related_name="contributions")
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    section = models.CharField(_("section"), max_length=20, choices=SECTIONS)
    body = EncryptedTextField(_("note"))

    audit_sensitive_fields = ("body",)

    class Meta:
        ordering = ["created_at", "id"]


class EmergencyAccess(PublicRecord):
    """ "Break the glass": someone of the lead organisation outside the team reads the case, for a stated reason."""

    case = models.ForeignKey(ProtectionCase, on_delete=models.CASCADE, related_name="emergency_accesses")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(_("reason"), max_length=300)
    expires_at = models.DateTimeField()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["case", "user", "expires_at"])]
