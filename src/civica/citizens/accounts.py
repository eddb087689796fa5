"""Writes about a person's own account: consent at sign-up, profile, and the GDPR rights (export, erasure)."""

from __future__ import annotations

import uuid

from allauth.account.models import EmailAddress
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from civica.core.audit import record_change
from civica.core.personal_data import export_personal_data
from civica.organisations import selectors as organisations

from . import selectors
from .models import Consent, NotificationSettings

PRIVACY_NOTICE = "privacy-notice"


@transaction.atomic
def citizen_signed_up(*, user, language: str, notice_version: str) -> Consent:
    """Store what the person agreed to at sign-up, and their language."""
    user.preferred_language = language
    user.save(update_fields=["preferred_language"])
    consent = Consent.objects.create(user=user, document=PRIVACY_NOTICE, version=notice_version, language=language)
    record_change(
        actor=user, instance=consent, action="create", after={"document": PRIVACY_NOTICE, "version": notice_version}
    )
    return consent


def _own(actor, user):
    if actor is None or not getattr(actor, "is_authenticated", False) or actor.pk != user.pk:
        raise PermissionDenied("citizens.own_account")


@transaction.atomic
def profile_update(*, actor, user, data: dict) -> None:
    _own(actor, user)
    user.preferred_language = data["preferred_language"]
    user.save(update_fields=["preferred_language"])
    settings_row = selectors.notification_settings_of(user)
    settings_row.email_updates = data["email_updates"]
    settings_row.email_consultations = data["email_consultations"]
    settings_row.save()


def personal_data_export(*, actor, user) -> dict:
    """Everything Civica holds about `user`, as JSON-ready data (GDPR art. 15 and 20)."""
    _own(actor, user)
    return {"exported_at": timezone.now().isoformat(), **export_personal_data(user)}


@transaction.atomic
def account_erase(*, actor, user) -> None:
    """Erase the person's account: name, e-mail, phone, password, settings and verifications go.

    Kept, as the law requires: the audit trail (it names no erased person, only an anonymous account),
    the consent records (proof of what was agreed, GDPR art. 7(1)), and the requests and cases the
    person started, which the organisation handling them must keep for its retention period."""
    _own(actor, user)
    if organisations.memberships_of(user).exists():
        raise ValidationError(
            _("You are a member of an organisation. Ask its administrator to remove you first, then erase the account.")
        )
    now = timezone.now()
    user.resident_verifications.filter(revoked_at__isnull=True).update(revoked_at=now, updated_at=now)
    NotificationSettings.objects.filter(user=user).delete()
    EmailAddress.objects.filter(user=user).delete()
    user.api_tokens.all().delete()
    user.email = f"erased-{uuid.uuid4().hex}@erased.invalid"
    user.first_name = user.last_name = user.phone = user.job_title = ""
    user.is_active = False
    user.set_unusable_password()
    user.save()
    record_change(actor=user, instance=user, action="update", summary="account erased at the person's request")


def _account(user) -> dict:
    return {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "phone": user.phone,
        "preferred_language": user.preferred_language,
        "date_joined": user.date_joined.isoformat(),
        "last_login": user.last_login.isoformat() if user.last_login else None,
    }


def _consents(user) -> list:
    return [
        {"document": c.document, "version": c.version, "language": c.language, "agreed_at": c.agreed_at.isoformat()}
        for c in selectors.consents_of(user)
    ]


def _verifications(user) -> list:
    return [
        {
            "territory": v.territory.code,
            "method": v.method,
            "verified_at": v.verified_at.isoformat(),
            "expires_at": v.expires_at.isoformat() if v.expires_at else None,
            "revoked_at": v.revoked_at.isoformat() if v.revoked_at else None,
        }
        for v in selectors.verifications_of(user)
    ]


def _settings(user) -> dict:
    row = selectors.notification_settings_of(user)
    return {"email_updates": row.email_updates, "email_consultations": row.email_consultations}


def _memberships(user) -> list:
    return [{"organisation": m.organisation.name, "role": m.role} for m in organisations.memberships_of(user)]


EXPORTERS = {
    "account": _account,
    "consents": _consents,
    "notification_settings": _settings,
    "resident_verifications": _verifications,
    "memberships": _memberships,
}
