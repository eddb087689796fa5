"""SDG 16 as reference data (targets and global indicators), and the local indicators a place measures.

The UN framework is loaded from data/sdg16.json (reference.py); local indicators belong to an
organisation, may point at a global indicator, and hold a baseline, a target and measured values.
"""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from civica.core.models import PublicRecord


class TranslatedTitle(models.Model):
    """A code and an English title, with the other languages in `translations` ({"ro": "...", ...})."""

    code = models.CharField(_("code"), max_length=12, unique=True)
    title = models.TextField(_("title"))
    translations = models.JSONField(_("translations"), default=dict, blank=True)

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.code} {self.title_in()}"

    def title_in(self, language: str | None = None) -> str:
        language = (language or get_language() or "en")[:2]
        return self.translations.get(language) or self.title

    @property
    def sort_key(self) -> tuple:
        # "16.10" after "16.9", letters ("16.a") after numbers: as the UN lists them.
        return tuple((0, int(part)) if part.isdigit() else (1, part) for part in self.code.split("."))


class Target(TranslatedTitle):
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position"]
        verbose_name = _("SDG target")
        verbose_name_plural = _("SDG targets")


class Indicator(TranslatedTitle):
    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="indicators")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position"]
        verbose_name = _("SDG indicator")
        verbose_name_plural = _("SDG indicators")


class LocalIndicator(PublicRecord):
    """What a place measures for itself, e.g. "reported domestic-violence cases in Sector 1"."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="local_indicators"
    )
    indicator = models.ForeignKey(
        Indicator, verbose_name=_("SDG indicator"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    name = models.CharField(_("name"), max_length=250)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    baseline = models.DecimalField(_("baseline"), max_digits=14, decimal_places=2)
    baseline_year = models.PositiveSmallIntegerField(_("baseline year"))
    target_value = models.DecimalField(_("target value"), max_digits=14, decimal_places=2)
    target_year = models.PositiveSmallIntegerField(_("target year"))
    is_public = models.BooleanField(_("public"), default=True)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("local indicator")
        verbose_name_plural = _("local indicators")

    def __str__(self):
        return self.name


class Measurement(models.Model):
    local_indicator = models.ForeignKey(LocalIndicator, on_delete=models.CASCADE, related_name="measurements")
    measured_on = models.DateField(_("date"))
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["measured_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["local_indicator", "measured_on"], name="one_measurement_per_day")
        ]

    def __str__(self):
        return f"{self.local_indicator}: {self.value} ({self.measured_on})"
