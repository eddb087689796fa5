"""The knowledge library: information materials, methodology, FAQs and model forms, versioned."""

from django.conf import settings
from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from civica.core.models import PublicRecord
from civica.core.validators import PublicURLValidator


class KnowledgeItem(PublicRecord):
    class Kind(models.TextChoices):
        INFORMATION = "information", _("Information material")
        METHODOLOGY = "methodology", _("Methodology")
        FAQ = "faq", _("Frequently asked question")
        MODEL_FORM = "model_form", _("Model form")
        GOOD_PRACTICE = "good_practice", _("Good practice")

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Everyone")
        MEMBERS = "members", _("Members of the organisation only")

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("published by"),
        on_delete=models.CASCADE,
        related_name="knowledge_items",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    visibility = models.CharField(
        _("who can read it"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    topics = models.JSONField(_("topics"), default=list, blank=True)
    current_version = models.ForeignKey(
        "KnowledgeVersion", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("knowledge item")
        verbose_name_plural = _("knowledge items")
        indexes = [models.Index(fields=["visibility", "kind"])]

    def __str__(self):
        return self.current_version.title if self.current_version else str(self.uuid)


class KnowledgeVersion(models.Model):
    """One version of an item, never changed afterwards: a revision is a new version."""

    item = models.ForeignKey(KnowledgeItem, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    language = models.CharField(_("original language"), max_length=5, choices=settings.LANGUAGES)
    title = models.CharField(_("title"), max_length=250)
    body = models.TextField(_("text"))
    # Other languages, field by field: {"ro": {"title": "...", "body": "..."}, ...}
    translations = models.JSONField(_("translations"), default=dict, blank=True)
    attachment = models.FileField(
        _("document"),
        upload_to="knowledge/%Y/",
        blank=True,
        validators=[FileExtensionValidator(["pdf", "docx", "odt", "doc", "rtf"])],
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    change_note = models.CharField(_("what changed"), max_length=300, blank=True)

    class Meta:
        ordering = ["-number"]
        constraints = [models.UniqueConstraint(fields=["item", "number"], name="one_number_per_version")]

    def __str__(self):
        return f"{self.title} (v{self.number})"

    def in_language(self, language: str) -> tuple[str, str, str]:
        """(title, body, language actually shown): the translation when there is one, else the original."""
        translated = self.translations.get(language) or {}
        if translated.get("title") and translated.get("body"):
            return translated["title"], translated["body"], language
        return self.title, self.body, self.language


class Practice(PublicRecord):
    """A good practice, shaped like an entry of the Greek catalogue of seed 004: who carries it out, its
    thematic unit, goal, audience, duration, description, social impact, partners, staff involved,
    benefits for the organisation and the SDG targets it serves. Public once published."""

    TEXT_FIELDS = (
        "title",
        "promoter",
        "thematic_unit",
        "goal",
        "audience",
        "duration",
        "description",
        "social_impact",
        "partners",
        "staff_involved",
        "benefits",
        "place",
    )

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("recorded by"),
        on_delete=models.CASCADE,
        related_name="practices",
    )
    language = models.CharField(_("original language"), max_length=5, choices=settings.LANGUAGES)
    title = models.CharField(_("title"), max_length=250)
    promoter = models.CharField(_("organisation carrying it out"), max_length=250)
    thematic_unit = models.CharField(_("thematic unit"), max_length=200, blank=True)
    goal = models.TextField(_("goal"), blank=True)
    audience = models.TextField(_("audience"), blank=True)
    duration = models.CharField(_("duration"), max_length=200, blank=True)
    description = models.TextField(_("description"))
    social_impact = models.TextField(_("social impact"), blank=True)
    partners = models.TextField(_("partners"), blank=True)
    staff_involved = models.CharField(_("staff involved"), max_length=200, blank=True)
    benefits = models.TextField(_("benefits for the organisation"), blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    website = models.URLField(_("website"), blank=True, validators=[PublicURLValidator()])
    # Other languages, field by field: {"en": {"title": "...", "goal": "..."}, ...}
    translations = models.JSONField(_("translations"), default=dict, blank=True)
    sdg_targets = models.ManyToManyField("sdg.Target", verbose_name=_("SDG targets"), blank=True, related_name="+")
    is_published = models.BooleanField(_("published in the catalogue"), default=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["title", "pk"]
        verbose_name = _("good practice")
        verbose_name_plural = _("good practices")
        indexes = [models.Index(fields=["is_published", "organisation"])]

    def __str__(self):
        return self.title

    def in_language(self, language: str) -> dict:
        """Every text field in `language` where translated, else in the original; `shown` says which."""
        translated = self.translations.get(language) or {}
        values = {name: translated.get(name) or getattr(self, name) for name in self.TEXT_FIELDS}
        values["shown"] = language if translated.get("title") else self.language
        return values


class PracticePresentation(models.Model):
    """A practice presented in a group's meeting: the meeting links to it, it shows where it was presented."""

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="presentations")
    meeting = models.ForeignKey("groups.Meeting", on_delete=models.CASCADE, related_name="+")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["practice", "meeting"], name="one_presentation_per_meeting")]

    def __str__(self):
        return f"{self.practice} @ {self.meeting_id}"


class PracticeFeedback(models.Model):
    """What a reader says about a practice, without an account; shown once the organisation approves it."""

    class State(models.TextChoices):
        PENDING = "pending", _("Waiting for moderation")
        PUBLISHED = "published", _("Published")
        REJECTED = "rejected", _("Rejected")

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="feedback")
    useful = models.BooleanField(_("useful"))
    comment = models.TextField(_("comment"), blank=True)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.PENDING)
    sender = models.CharField(max_length=64)  # fingerprint of the sender's address, for the rate limit only
    created_at = models.DateTimeField(auto_now_add=True)
    moderated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-created_at", "pk"]
        indexes = [models.Index(fields=["sender", "created_at"]), models.Index(fields=["practice", "state"])]

    def __str__(self):
        return self.comment[:80] or str(self.useful)
