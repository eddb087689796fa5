from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from civica.core.models import PublicRecord


class Mediator(PublicRecord):
    """An authorised mediator, listed by a centre, with or without a Civica account."""

    class Authority(models.TextChoices):
        RO_COUNCIL = "ro_consiliul_de_mediere", _("Consiliul de Mediere (Romania)")
        IT_MINISTRY = "it_registro_organismi", _("Registry of mediation bodies, Ministry of Justice (Italy)")
        GR_MINISTRY = "gr_kentriki_epitropi", _("Central Mediation Committee, Ministry of Justice (Greece)")

    class Availability(models.TextChoices):
        AVAILABLE = "available", _("Available")
        LIMITED = "limited", _("Limited availability")
        UNAVAILABLE = "unavailable", _("Not available")

    organisation = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("listed by"), on_delete=models.CASCADE, related_name="mediators"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="mediator_profiles",
    )
    full_name = models.CharField(_("full name"), max_length=200)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    country = models.CharField(_("country"), max_length=2)
    authority = models.CharField(_("authorising authority"), max_length=40, choices=Authority.choices)
    authorisation_number = models.CharField(_("authorisation number"), max_length=50)
    specialisations = models.JSONField(_("specialisations"), default=list, blank=True)
    languages = models.JSONField(_("languages"), default=list, blank=True)
    territories = models.ManyToManyField("organisations.Territory", verbose_name=_("territories"), blank=True)
    availability = models.CharField(
        _("availability"), max_length=20, choices=Availability.choices, default=Availability.AVAILABLE
    )
    public_bodies = models.BooleanField(_("takes disputes with public bodies"), default=False)
    fee_min = models.DecimalField(_("lowest fee"), max_digits=10, decimal_places=2, null=True, blank=True)
    fee_max = models.DecimalField(_("highest fee"), max_digits=10, decimal_places=2, null=True, blank=True)
    fee_policy = models.TextField(_("fee policy"), blank=True)
    is_public = models.BooleanField(_("listed publicly"), default=True)

    class Meta:
        ordering = ["full_name"]
        verbose_name = _("mediator")
        verbose_name_plural = _("mediators")
        constraints = [
            models.UniqueConstraint(fields=["authority", "authorisation_number"], name="unique_mediator_authorisation"),
            models.CheckConstraint(
                condition=models.Q(fee_min__isnull=True)
                | models.Q(fee_max__isnull=True)
                | models.Q(fee_min__lte=models.F("fee_max")),
                name="mediator_fee_range_ordered",
            ),
        ]
        indexes = [models.Index(fields=["country", "availability"])]

    def __str__(self):
        return self.full_name


class MediationCase(models.Model):
    """What mediation adds to a case of the case core: the dispute and the procedure's conditions."""

    # Legea 192/2006 art. 46: without these clauses the mediation contract is void.
    RO_MANDATORY_CLAUSES = (
        ("parties", _("Identity of the parties")),
        ("object", _("Object of the dispute")),
        ("consent", _("Informed consent to mediation")),
        ("confidentiality", _("Confidentiality")),
        ("fees", _("Fee and how the costs are shared")),
        ("language", _("Language of the mediation")),
        ("copies", _("Number of copies")),
        ("closing_minutes", _("Duty to sign the closing minutes")),
    )

    case = models.OneToOneField("cases.Case", on_delete=models.CASCADE, related_name="mediation")
    country = models.CharField(_("country"), max_length=2)
    matter = models.CharField(_("matter"), max_length=40)
    value = models.DecimalField(_("value of the dispute"), max_digits=14, decimal_places=2, null=True, blank=True)
    mandatory = models.BooleanField(_("mandatory before court"), default=False)
    court_referred = models.BooleanField(_("referred by a court"), default=False)
    public_body_party = models.BooleanField(_("a public body is a party"), default=False)
    contract_clauses = models.JSONField(_("clauses in the mediation contract"), default=list, blank=True)
    # The requester's organisation is the first party; the others are named here, one per line. Kept
    # to what the documents need (a name, and an address where a contract requires it).
    other_parties = models.TextField(_("other parties"), blank=True)

    class Meta:
        verbose_name = _("mediation")
        verbose_name_plural = _("mediations")

    def __str__(self):
        return f"{self.case.reference} ({self.matter})"

    @property
    def parties(self) -> list[str]:
        first = [self.case.requester_organisation.name] if self.case.requester_organisation_id else []
        return first + [line.strip() for line in self.other_parties.splitlines() if line.strip()]


class MediatorSelection(models.Model):
    """A mediator chosen for a mediation: declares independence, and the parties may object."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed, waiting for the declaration")
        DECLARED = "declared", _("Declared no conflict of interest; parties may object")
        CONFIRMED = "confirmed", _("Confirmed")
        OBJECTED = "objected", _("A party objected")
        CONFLICT = "conflict", _("Declared a conflict of interest")
        DECLINED = "declined", _("The mediator declined")

    mediation = models.ForeignKey(MediationCase, on_delete=models.CASCADE, related_name="selections")
    mediator = models.ForeignKey(Mediator, on_delete=models.PROTECT, related_name="selections")
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PROPOSED)
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    proposed_at = models.DateTimeField(auto_now_add=True)
    declaration = models.TextField(_("declaration"), blank=True)
    declared_at = models.DateTimeField(_("declared"), null=True, blank=True)
    objection_deadline = models.DateTimeField(_("objections until"), null=True, blank=True)
    objection_reason = models.TextField(_("reason for the objection"), blank=True)
    objected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The requesting party may accept the mediator at once rather than let the objection period run.
    accepted_at = models.DateTimeField(_("accepted by the requesting party"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-proposed_at"]
        verbose_name = _("mediator selection")
        verbose_name_plural = _("mediator selections")

    def __str__(self):
        return f"{self.mediation} → {self.mediator}"
