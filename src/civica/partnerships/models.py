"""Pilot actions and memoranda of understanding of a coordination centre (seed 004: 67 pilot actions
designed by the members; memoranda with organisations and with seven Greek municipalities)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from civica.core.models import PublicRecord

CURRENCIES = [("EUR", "EUR"), ("RON", "RON")]


class PilotAction(PublicRecord):
    class State(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        RUNNING = "running", _("Running")
        EVALUATED = "evaluated", _("Evaluated")

    centre = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("coordination centre"),
        on_delete=models.CASCADE,
        related_name="pilot_actions",
    )
    lead = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("lead organisation"),
        on_delete=models.PROTECT,
        related_name="led_pilot_actions",
    )
    partners = models.ManyToManyField(
        "organisations.Organisation", verbose_name=_("partner organisations"), blank=True, related_name="+"
    )
    territory = models.ForeignKey(
        "organisations.Territory", verbose_name=_("territory"), null=True, blank=True, on_delete=models.PROTECT
    )
    title = models.CharField(_("title"), max_length=250)
    description = models.TextField(_("description"), blank=True)
    budget = models.DecimalField(_("budget"), max_digits=14, decimal_places=2, null=True, blank=True)
    currency = models.CharField(_("currency"), max_length=3, choices=CURRENCIES, default="EUR")
    starts_on = models.DateField(_("starts"), null=True, blank=True)
    ends_on = models.DateField(_("ends"), null=True, blank=True)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.PROPOSED)
    decision_reason = models.TextField(_("reason for the decision"), blank=True)
    evaluation = models.TextField(_("evaluation"), blank=True)
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-created_at", "pk"]
        verbose_name = _("pilot action")
        verbose_name_plural = _("pilot actions")
        indexes = [models.Index(fields=["centre", "state"])]

    def __str__(self):
        return self.title


class ActionIndicator(PublicRecord):
    """What a pilot action measures: a baseline, a target and what was achieved, optionally an SDG 16 indicator."""

    action = models.ForeignKey(PilotAction, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("indicator"), max_length=250)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    baseline = models.DecimalField(_("baseline"), max_digits=14, decimal_places=2)
    target = models.DecimalField(_("target"), max_digits=14, decimal_places=2)
    achieved = models.DecimalField(_("achieved"), max_digits=14, decimal_places=2, null=True, blank=True)
    sdg_indicator = models.ForeignKey(
        "sdg.Indicator",
        verbose_name=_("SDG indicator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("indicator of a pilot action")
        verbose_name_plural = _("indicators of pilot actions")

    def __str__(self):
        return self.name


def memorandum_upload_to(instance, filename):
    return f"memoranda/{instance.uuid}/{filename.rsplit('/', 1)[-1]}"


class Memorandum(PublicRecord):
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("kept by"),
        on_delete=models.CASCADE,
        related_name="memoranda",
    )
    parties = models.ManyToManyField(
        "organisations.Organisation", verbose_name=_("other parties"), related_name="memoranda_as_party"
    )
    title = models.CharField(_("title"), max_length=250)
    scope = models.TextField(_("scope"))
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    document = models.FileField(_("signed document"), upload_to=memorandum_upload_to, blank=True)
    renews = models.OneToOneField(
        "self",
        verbose_name=_("renews"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="renewal",
    )
    is_public = models.BooleanField(_("public"), default=True, help_text=_("Shown on the public pages once signed."))
    # The expiry date for which the renewal reminder went out: a later date (after an amendment) gets its own.
    reminded_for = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-signed_on", "-created_at", "pk"]
        verbose_name = _("memorandum of understanding")
        verbose_name_plural = _("memoranda of understanding")
        indexes = [models.Index(fields=["organisation", "expires_on"]), models.Index(fields=["expires_on"])]

    def __str__(self):
        return self.title
