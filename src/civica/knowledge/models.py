"""The knowledge library: information materials, methodology, FAQs and model forms, versioned."""

from django.conf import settings
from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from civica.core.models import PublicRecord


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
