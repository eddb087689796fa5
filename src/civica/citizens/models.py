"""A verification says "this person is a resident of territory X" for a period.

It is granted by one of the organisation's verification methods (a census file, a code handed out in
person or by post, OpenID Connect). The person's identity is kept only as a keyed hash
(`core.crypto.blind_index`), so that one person verifies only once per territory without Civica
storing a national identifier.
"""

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
