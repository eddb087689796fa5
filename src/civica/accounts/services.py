import datetime
import secrets
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from civica.core import audit

from .models import ApiToken, User
from .scopes import ALL_SCOPES
from .selectors import hash_token

DEFAULT_TOKEN_DAYS = 90
TOKEN_PREFIX = "cvk_"  # noqa: S105 - a public marker that makes leaked tokens easy to scan for, not a secret


@dataclass(frozen=True)
class IssuedToken:
    token: ApiToken
    raw: str


@transaction.atomic
def api_token_create(*, actor: User, name: str, expires_at=None, scopes=None) -> IssuedToken:
    """Make a personal token. The raw value is returned once and never stored.

    Without `expires_at` the token lives DEFAULT_TOKEN_DAYS; without `scopes` it may read and write
    every area (the tokens page always asks for the scopes)."""
    if expires_at is None:
        expires_at = timezone.now() + datetime.timedelta(days=DEFAULT_TOKEN_DAYS)
    scopes = sorted(set(ALL_SCOPES if scopes is None else scopes))
    unknown = set(scopes) - set(ALL_SCOPES)
    if unknown:
        raise ValidationError({"scopes": _("Unknown scope: %(scope)s") % {"scope": ", ".join(sorted(unknown))}})
    secret = secrets.token_urlsafe(32)
    raw = f"{TOKEN_PREFIX}{secret}"
    token = ApiToken.objects.create(
        user=actor,
        name=name.strip(),
        prefix=raw[: len(TOKEN_PREFIX) + 6],
        token_hash=hash_token(raw),
        expires_at=expires_at,
        scopes=scopes,
    )
    audit.record_change(
        actor=actor, instance=token, action="create", after={"name": token.name, "scopes": ", ".join(scopes)}
    )
    return IssuedToken(token=token, raw=raw)


@transaction.atomic
def api_token_revoke(*, actor: User, token: ApiToken) -> None:
    if not actor.has_perm("accounts.revoke_api_token", token):
        raise PermissionDenied("accounts.revoke_api_token")
    if token.revoked_at:
        return
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    audit.record_change(actor=actor, instance=token, action="update", summary="revoked")


@transaction.atomic
def profile_update(*, actor: User, user: User, data: dict) -> User:
    if not actor.has_perm("accounts.change_profile", user):
        raise PermissionDenied("accounts.change_profile")
    fields = ["first_name", "last_name", "phone", "job_title", "preferred_language"]
    before = audit.snapshot(user, fields)
    for field in fields:
        if field in data:
            setattr(user, field, data[field])
    user.full_clean(exclude=["password"])
    user.save(update_fields=fields)
    audit.record_change(actor=actor, instance=user, action="update", before=before, after=audit.snapshot(user, fields))
    return user
