from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from civica.core.models import PublicRecord
from civica.core.validators import PublicURLValidator

COUNTRIES = [("RO", _("Romania")), ("IT", _("Italy")), ("GR", _("Greece"))]
COUNTRY_LANGUAGE = {"RO": "ro", "IT": "it", "GR": "el"}


class Territory(models.Model):
    """Country, then region or county, then municipality (and Bucharest's sectors), with official codes."""

    class Level(models.TextChoices):
        COUNTRY = "country", _("country")
        REGION = "region", _("region")
        COUNTY = "county", _("county")
        PROVINCE = "province", _("province")
        MUNICIPALITY = "municipality", _("municipality")
        SECTOR = "sector", _("sector")

    code = models.CharField(
        _("code"), max_length=32, unique=True, help_text=_("Country and official code, e.g. RO-127.")
    )
    parent = models.ForeignKey(
        "self", verbose_name=_("part of"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    country = models.CharField(_("country"), max_length=2, choices=COUNTRIES)
    official_code = models.CharField(
        _("official code"), max_length=20, blank=True, help_text=_("SIRUTA (RO), ISTAT (IT) or ELSTAT (GR).")
    )
    nuts_code = models.CharField(_("NUTS code"), max_length=10, blank=True)
    name = models.CharField(_("official name"), max_length=200)
    name_en = models.CharField(_("English name"), max_length=200, blank=True)
    # The name in other interface languages where it differs from the official one: "Atene" and "Atena"
    # for Δήμος Αθηναίων, "Βουκουρέστι" for București. {"ro": ..., "it": ..., "el": ...}
    names = models.JSONField(_("names in other languages"), default=dict, blank=True)

    class Meta:
        ordering = ["country", "name"]
        verbose_name = _("territory")
        verbose_name_plural = _("territories")
        indexes = [models.Index(fields=["country", "level"]), models.Index(fields=["name"])]

    def __str__(self):
        return self.localised_name

    @property
    def localised_name(self) -> str:
        """The name as a reader of the interface language knows it: the official name (with its
        diacritics) in the country's own language; the reader's own name for it where one is kept
        ("Atene", "Bucarest"); the English name in English and for Greek names, whose script readers of
        the other languages cannot read; otherwise the official Latin-script name ("Argeș", "Lecce")."""
        language = (get_language() or "en")[:2]
        if language == COUNTRY_LANGUAGE.get(self.country):
            return self.name
        if (self.names or {}).get(language):
            return self.names[language]
        if language == "en" or self.country == "GR":
            return self.name_en or self.name
        return self.name


class Organisation(PublicRecord):
    """The tenant every owned record belongs to."""

    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("Municipality or city hall")
        COUNTY_COUNCIL = "county_council", _("County or regional council")
        MUNICIPAL_ASSOCIATION = "municipal_association", _("Association of municipalities")
        PUBLIC_AGENCY = "public_agency", _("Public agency")
        CENTRE = "centre", _("Resource, mediation or coordination centre")
        NGO = "ngo", _("Non-governmental organisation")
        INTERNATIONAL = "international", _("International organisation")
        MEDIATION_BODY = "mediation_body", _("Mediation body")
        COMPANY = "company", _("Company")
        COMMUNITY = "community", _("Migrant or refugee community")
        INFORMAL_GROUP = "informal_group", _("Informal group")

    class AgencyType(models.TextChoices):
        NONE = "", _("not a public agency")
        LOCAL_POLICE = "local_police", _("Local police")
        SOCIAL_SERVICES = "social_services", _("Social services")
        ANTI_DRUG = "anti_drug", _("Anti-drug agency")
        HEALTH = "health", _("Health service")
        EDUCATION = "education", _("Education")
        OTHER = "other", _("Other public agency")

    name = models.CharField(_("name"), max_length=250)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    slug = models.SlugField(_("address in Civica"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices, db_index=True)
    agency_type = models.CharField(_("agency type"), max_length=30, choices=AgencyType.choices, blank=True)
    country = models.CharField(_("country"), max_length=2, choices=COUNTRIES, db_index=True)
    territory = models.ForeignKey(
        Territory,
        verbose_name=_("territory"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organisations",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="units",
    )
    fiscal_id = models.CharField(_("fiscal identifier"), max_length=20, blank=True)
    description = models.TextField(_("description"), blank=True)
    language = models.CharField(_("working language"), max_length=5, choices=settings.LANGUAGES, default="en")
    website = models.URLField(_("website"), blank=True, validators=[PublicURLValidator()])
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    office_hours = models.CharField(
        _("office hours"), max_length=200, blank=True, help_text=_("For example: Monday to Friday, 9:00 to 17:00.")
    )
    is_public = models.BooleanField(
        _("public profile"), default=True, help_text=_("Anyone can see the profile in the directory.")
    )
    contacts_confidential = models.BooleanField(
        _("confidential contacts"),
        default=False,
        help_text=_("Address and phone are shown only to members, and every view of them is logged (e.g. a shelter)."),
    )

    audit_skip_fields = ("uuid",)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        indexes = [models.Index(fields=["is_public", "name"])]
        constraints = [
            models.UniqueConstraint(
                fields=["country", "fiscal_id"], condition=~models.Q(fiscal_id=""), name="unique_fiscal_id_per_country"
            )
        ]

    def __str__(self):
        return self.name


class Role(models.TextChoices):
    ADMIN = "admin", _("Organisation administrator")
    STAFF = "staff", _("Staff")
    EXPERT = "expert", _("Expert or mediator")
    MEMBER = "member", _("Member")


class Membership(PublicRecord):
    """A person's role in one organisation. A person may hold several."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    position = models.CharField(_("position"), max_length=150, blank=True)
    handles_sensitive_data = models.BooleanField(
        _("handles sensitive data"),
        default=False,
        help_text=_("Works with records about violence, minors or health."),
    )

    class Meta:
        ordering = ["organisation__name"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [models.UniqueConstraint(fields=["user", "organisation"], name="one_membership_per_organisation")]

    def __str__(self):
        # No role here: the label is frozen into the audit trail, and a role name would freeze its language.
        return f"{self.user} · {self.organisation}"


class Invitation(PublicRecord):
    """An invitation by e-mail to join an organisation with a role. Only the token's hash is stored."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mail address"))
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    expires_at = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self):
        return f"{self.email} → {self.organisation}"
