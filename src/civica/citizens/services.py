"""Every write about residents: granting and revoking a verification."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from civica.core.audit import record_change, snapshot
from civica.core.permissions import require

from .models import ResidentVerification

AUDIT_FIELDS = ("user", "territory", "organisation", "method", "verified_at", "expires_at", "revoked_at")


def _audit(*, actor, verification, action, before=None):
    organisation = verification.organisation
    record_change(
        actor=actor,
        instance=verification,
        action=action,
        before=before,
        after=snapshot(verification, AUDIT_FIELDS),
        organisation_uuid=organisation.uuid if organisation else None,
    )


@transaction.atomic
def verification_grant(
    *, actor, user, territory, method, identity_hash, expires_at=None, organisation=None
) -> ResidentVerification:
    """Make `user` a verified resident of `territory` until `expires_at` (None: no end).

    One identity verifies only once per territory: when the same identity is already actively verified
    for another person the grant is refused; for the same person it is renewed. An expired verification
    of that identity is revoked first, so the identity may verify again."""
    if organisation is not None:
        require(actor, "citizens.manage_verification", organisation)
    else:
        require(actor, "citizens.manage_verification", None)
    if method not in ResidentVerification.Method.values:
        raise ValidationError(_("Unknown verification method."))
    if not identity_hash:
        raise ValidationError(_("A verification needs the identity it was made with."))
    now = timezone.now()
    if expires_at is not None and expires_at <= now:
        raise ValidationError(_("The verification would already be expired."))
    existing = (
        ResidentVerification.objects.select_for_update()
        .filter(territory=territory, identity_hash=identity_hash, revoked_at__isnull=True)
        .first()
    )
    if existing is not None:
        expired = existing.expires_at is not None and existing.expires_at <= now
        if not expired and existing.user_id != user.pk:
            raise ValidationError(_("This person is already verified as a resident of this territory."))
        before = snapshot(existing, AUDIT_FIELDS)
        existing.revoked_at = now
        existing.save(update_fields=["revoked_at", "updated_at"])
        _audit(actor=actor, verification=existing, action="update", before=before)
    try:
        with transaction.atomic():
            verification = ResidentVerification.objects.create(
                user=user,
                territory=territory,
                organisation=organisation,
                method=method,
                identity_hash=identity_hash,
                verified_at=now,
                expires_at=expires_at,
            )
    except IntegrityError as error:  # a concurrent grant of the same identity won the race
        raise ValidationError(_("This person is already verified as a resident of this territory.")) from error
    _audit(actor=actor, verification=verification, action="create")
    return verification


@transaction.atomic
def verification_revoke(*, actor, verification: ResidentVerification) -> ResidentVerification:
    """End a verification now (the person moved away, or it was granted by mistake)."""
    require(actor, "citizens.manage_verification", verification.organisation)
    if verification.revoked_at is None:
        before = snapshot(verification, AUDIT_FIELDS)
        verification.revoked_at = timezone.now()
        verification.save(update_fields=["revoked_at", "updated_at"])
        _audit(actor=actor, verification=verification, action="update", before=before)
    return verification
