from django.db.models import Q, QuerySet
from django.utils import timezone

from civica.core.tokens import fingerprint

from .models import ApiToken, User

# Kept under its own name for this app's callers; the fingerprint itself is core's.
hash_token = fingerprint


def api_tokens_for_user(*, user: User) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user, revoked_at__isnull=True)


def user_for_api_token(raw_token: str) -> User | None:
    """The active user behind a live token, or None."""
    token = api_token_for(raw_token)
    return token.user if token else None


def api_token_for(raw_token: str) -> ApiToken | None:
    """The live token (not revoked, not expired, active owner), or None. Tokens are high-entropy, so a
    plain hash is enough."""
    now = timezone.now()
    token = (
        ApiToken.objects.select_related("user")
        .filter(token_hash=hash_token(raw_token), revoked_at__isnull=True, user__is_active=True)
        .filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now))
        .first()
    )
    if token is None:
        return None
    # Recording use at most once a minute keeps a busy client from writing on every call.
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token
