"""A verification says "this person is a resident of territory X" for a period.

It is granted by one of the organisation's verification methods (a census file, a code handed out in
person or by post, OpenID Connect). The person's identity is kept only as a keyed hash
(`core.crypto.blind_index`), so that one person verifies only once per territory without Civica
storing a national identifier.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from civica.core.models import PublicRecord


class ResidentVerification(PublicRecord):
    class Method(models.TextChoices):
        CENSUS = "census", _("census file")
        CODE = "code", _("verification code")
        OIDC = "oidc", _("OpenID Connect")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="resident_verifications",
    )
    territory = models.ForeignKey(
        "organisations.Territory",
        verbose_name=_("territory"),
        on_delete=models.PROTECT,
        related_name="resident_verifications",
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("verified by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="resident_verifications",
    )
    method = models.CharField(_("method"), max_length=10, choices=Method.choices)
    verified_at = models.DateTimeField(_("verified"))
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    # A keyed hash of the national identifier (or the OpenID subject): never the identifier itself.
    identity_hash = models.CharField(_("identity (keyed hash)"), max_length=64)

    audit_skip_fields = ("uuid", "identity_hash")

    class Meta:
        ordering = ["-verified_at"]
        verbose_name = _("resident verification")
        verbose_name_plural = _("resident verifications")
        indexes = [models.Index(fields=["user", "revoked_at"]), models.Index(fields=["territory", "revoked_at"])]
        constraints = [
            # Expiry depends on the clock, so the database holds "not revoked"; the service revokes an
            # expired verification before the same identity verifies again.
            models.UniqueConstraint(
                fields=["territory", "identity_hash"],
                condition=Q(revoked_at__isnull=True),
                name="one_active_verification_per_identity_and_territory",
            )
        ]

    def __str__(self):
        return f"{self.user} · {self.territory}"


class VerificationSetup(PublicRecord):
    """How one organisation verifies residents (like Decidim's authorisation handlers), and whether
    people may sign up from its public home."""

    organisation = models.OneToOneField(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="verification_setup",
    )
    territory = models.ForeignKey(
        "organisations.Territory",
        verbose_name=_("residents of"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    census_enabled = models.BooleanField(_("verification by census file"), default=False)
    code_enabled = models.BooleanField(_("verification by code"), default=False)
    oidc_enabled = models.BooleanField(_("verification by OpenID Connect"), default=False)
    oidc_provider = models.CharField(
        _("OpenID Connect provider"),
        max_length=60,
        blank=True,
        help_text=_("The provider id configured for django-allauth (SPID/CIE, ROeID, gov.gr)."),
    )
    validity_days = models.PositiveIntegerField(
        _("verification valid for (days)"), default=365, help_text=_("0 means it does not expire.")
    )
    signup_open = models.BooleanField(
        _("people may sign up here"), default=False, help_text=_("Residents may create a personal account.")
    )

    class Meta:
        verbose_name = _("verification setup")
        verbose_name_plural = _("verification setups")

    def __str__(self):
        return str(self.organisation)


class CensusFile(PublicRecord):
    """A census uploaded by a municipality. Only keyed hashes of each identifier and birth date stay."""

    organisation = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="+"
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    row_count = models.PositiveIntegerField(_("people"), default=0)
    is_current = models.BooleanField(_("current"), default=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("census file")
        verbose_name_plural = _("census files")

    def __str__(self):
        return f"{self.organisation} · {self.created_at:%Y-%m-%d}"


class CensusEntry(models.Model):
    census = models.ForeignKey(CensusFile, on_delete=models.CASCADE, related_name="entries")
    identity_hash = models.CharField(max_length=64)
    birth_hash = models.CharField(max_length=64)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["census", "identity_hash"], name="one_entry_per_identity")]

    def __str__(self):
        return self.identity_hash[:8]


class VerificationCode(PublicRecord):
    """A single-use code handed out in person or by post. Only its keyed hash is stored."""

    organisation = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="+"
    )
    code_hash = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField(_("expires"))
    used_at = models.DateTimeField(_("used"), null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("issued by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("verification code")
        verbose_name_plural = _("verification codes")
        indexes = [models.Index(fields=["organisation", "used_at"])]

    def __str__(self):
        return f"{self.organisation} · {self.expires_at:%Y-%m-%d}"


class Consent(models.Model):
    """What a person agreed to, which version, and when (the privacy notice at sign-up)."""

    uuid = models.UUIDField(_("public identifier"), default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.CASCADE, related_name="consents"
    )
    document = models.CharField(_("what was agreed"), max_length=60)
    version = models.CharField(_("version"), max_length=20)
    language = models.CharField(_("language"), max_length=5)
    agreed_at = models.DateTimeField(_("agreed"), auto_now_add=True)

    class Meta:
        ordering = ["-agreed_at"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")

    def __str__(self):
        return f"{self.document} {self.version}"


class NotificationSettings(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="citizen_settings")
    email_updates = models.BooleanField(_("e-mail me when my requests change"), default=True)
    email_consultations = models.BooleanField(_("e-mail me about new consultations where I live"), default=False)

    class Meta:
        verbose_name = _("notification settings")
        verbose_name_plural = _("notification settings")

    def __str__(self):
        return str(self.user)
