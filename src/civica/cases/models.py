"""The case core: anything that comes in and must be followed to an end."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from civica.core import topics
from civica.core.crypto import EncryptedTextField
from civica.core.models import PublicRecord
from civica.core.validators import PublicURLValidator


class Team(PublicRecord):
    """A group of people inside one organisation who share an inbox (e.g. the legal desk)."""

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="teams")
    name = models.CharField(_("name"), max_length=150)
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="case_teams", blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        constraints = [models.UniqueConstraint(fields=["organisation", "name"], name="unique_team_name")]

    def __str__(self):
        return self.name


class ReferenceCounter(models.Model):
    """The last number given per prefix and year; rows are locked while a number is taken."""

    prefix = models.CharField(max_length=10)
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["prefix", "year"], name="unique_reference_counter")]

    def __str__(self):
        return f"{self.prefix}-{self.year}: {self.last}"


class Case(PublicRecord):
    class Channel(models.TextChoices):
        WEB = "web", _("Web")
        PHONE = "phone", _("Phone call")
        VISIT = "visit", _("Visit")
        EMAIL = "email", _("E-mail")
        API = "api", _("API")

    reference = models.CharField(_("reference"), max_length=30, unique=True)
    workflow = models.CharField(_("kind"), max_length=40)
    organisation = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("handled by"), on_delete=models.PROTECT, related_name="cases"
    )
    requester_organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("requested by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="requested_cases",
    )
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requester"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="requested_cases",
    )
    title = models.CharField(_("title"), max_length=250)
    summary = models.TextField(_("summary"), blank=True)
    topic = models.CharField(_("topic"), max_length=30, choices=topics.choices(), blank=True)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES, default="en")
    channel = models.CharField(_("came in by"), max_length=10, choices=Channel.choices, default=Channel.WEB)
    state = models.CharField(_("state"), max_length=40)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("accountable owner"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="owned_cases",
    )
    team = models.ForeignKey(
        Team, verbose_name=_("team"), null=True, blank=True, on_delete=models.SET_NULL, related_name="cases"
    )
    state_entered_at = models.DateTimeField(_("in this state since"))
    due_at = models.DateTimeField(_("due"), null=True, blank=True)
    # The deadline a reminder was last sent for, before it and once it had passed: a new deadline
    # (the next state's) gets reminders of its own; the same one never twice.
    reminded_before = models.DateTimeField(null=True, blank=True, editable=False)
    reminded_overdue = models.DateTimeField(null=True, blank=True, editable=False)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    outcome = models.TextField(_("outcome"), blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        indexes = [
            models.Index(fields=["organisation", "state"]),
            models.Index(fields=["requester_organisation", "state"]),
            models.Index(fields=["owner", "state"]),
            models.Index(fields=["team", "state"]),
            models.Index(fields=["due_at"]),
        ]

    def __str__(self):
        return f"{self.reference} {self.title}"


class CaseAssignment(models.Model):
    """Someone working on a case besides its accountable owner."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="assignments")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="case_assignments")
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["case", "user"], name="one_assignment_per_person")]

    def __str__(self):
        return f"{self.case.reference} → {self.user}"


class CaseTask(PublicRecord):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="tasks")
    title = models.CharField(_("task"), max_length=250)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="case_tasks",
    )
    due_on = models.DateField(_("due on"), null=True, blank=True)
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["done_at", "due_on", "created_at"]
        verbose_name = _("task")
        verbose_name_plural = _("tasks")

    def __str__(self):
        return self.title


class CaseNote(PublicRecord):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    # Notes carry what a case is about (an escalated helpline conversation's transcript, a family's
    # situation): encrypted at rest like every sensitive field, read through selectors.notes.
    body = EncryptedTextField(_("note"))
    shared_with_requester = models.BooleanField(_("shared with the requester"), default=False)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("note")
        verbose_name_plural = _("notes")

    def __str__(self):
        return f"{self.case.reference}: {_('note')} {self.created_at:%Y-%m-%d %H:%M}"


class CaseEvent(models.Model):
    """One line of a case's timeline. Written by the services, never edited."""

    class Kind(models.TextChoices):
        OPENED = "opened", _("opened")
        TRANSITION = "transition", _("state changed")
        OWNER = "owner", _("owner changed")
        ASSIGNED = "assigned", _("assigned")
        TASK = "task", _("task")
        NOTE = "note", _("note")
        MEDIATOR_PROPOSED = "mediator_proposed", _("mediator proposed")
        MEDIATOR_DECLARED = "mediator_declared", _("mediator's declaration recorded")
        MEDIATOR_OBJECTED = "mediator_objected", _("a party objected to the mediator")
        MEDIATOR_ACCEPTED = "mediator_accepted", _("a party accepted the mediator")
        MEDIATOR_CONFIRMED = "mediator_confirmed", _("mediator confirmed")
        CONSULTATION = "consultation", _("consultation")
        DOCUMENT = "document", _("document")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(auto_now_add=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    data = models.JSONField(default=dict, blank=True)
    # Internal lines (notes not shared, assignments) are never shown to the requester.
    visible_to_requester = models.BooleanField(default=False)

    class Meta:
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["case", "at"])]

    def __str__(self):
        return f"{self.case.reference} {self.kind}"


class Consultation(PublicRecord):
    """A phone, face-to-face or video consultation about a case, with notes afterwards."""

    class Kind(models.TextChoices):
        PHONE = "phone", _("Phone")
        IN_PERSON = "in_person", _("Face to face")
        VIDEO = "video", _("Video")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="consultations")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    starts_at = models.DateTimeField(_("starts"))
    duration_minutes = models.PositiveSmallIntegerField(_("duration in minutes"), default=60)
    location = models.CharField(_("place or phone number"), max_length=250, blank=True)
    video_url = models.URLField(_("video room"), blank=True, validators=[PublicURLValidator()])
    participants = models.JSONField(_("participants' e-mail addresses"), default=list, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    sequence = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")

    def __str__(self):
        return f"{self.case.reference} {self.get_kind_display()} {self.starts_at:%Y-%m-%d %H:%M}"


class DocumentTemplate(PublicRecord):
    """A centre's own version of a document kind's template in one language. Uploads are never
    overwritten: the newest is used and the older ones stay as its history."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="document_templates"
    )
    kind = models.CharField(_("document"), max_length=40)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    file = models.FileField(_("template"), upload_to="document-templates/%Y/")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    # A reverted template stays in the history but is no longer used.
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("document template")
        verbose_name_plural = _("document templates")
        indexes = [models.Index(fields=["organisation", "kind", "language"])]

    def __str__(self):
        return f"{self.organisation} {self.kind} {self.language}"


class CaseDocument(PublicRecord):
    """A document of a case: uploaded, or made from a template (then with its PDF copy)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=250)
    # The document kind it was made from; empty for an upload.
    kind = models.CharField(_("document"), max_length=40, blank=True)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES, blank=True)
    file = models.FileField(_("file"), upload_to="case-documents/%Y/")
    content_type = models.CharField(max_length=120)
    size = models.PositiveIntegerField()
    pdf = models.FileField(_("PDF copy"), upload_to="case-documents/%Y/", blank=True)
    shared_with_requester = models.BooleanField(_("shared with the requester"), default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self):
        return f"{self.case.reference}: {self.title}"

    @property
    def filename(self) -> str:
        return self.file.name.rsplit("/", 1)[-1]
