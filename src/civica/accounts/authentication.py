"""How API callers prove who they are: a personal token, or the browser session.

Two rules apply to both ways in: a person who handles sensitive data must have two-factor on when the
instance requires it (the pages redirect to set-up; the API refuses), and a token may only do what its
scopes allow (accounts.scopes), until it expires.
"""

from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from ninja.errors import AuthenticationError
from ninja.security import SessionAuth
from ninja.security.http import HttpAuthBase

from . import scopes
from .selectors import api_token_for


class TwoFactorRequired(Exception):
    """The person handles sensitive data and has not turned two-factor on (config/api.py answers 403)."""


class ScopeRefused(Exception):
    """The token's scopes do not cover this request (config/api.py answers 403)."""


def two_factor_missing(user) -> bool:
    """True when the instance requires two-factor of people handling sensitive data and `user` lacks it."""
    if not settings.CIVICA_REQUIRE_2FA_FOR_SENSITIVE or not getattr(user, "is_authenticated", False):
        return False
    from civica.organisations.selectors import memberships_of

    handles_sensitive = user.is_superuser or memberships_of(user).filter(handles_sensitive_data=True).exists()
    return handles_sensitive and not is_mfa_enabled(user)


class ApiAuth(HttpAuthBase):
    """`Authorization: Bearer <token>`, else the session (with CSRF on writes), else anonymous when allowed.

    A token that is present but wrong is refused outright rather than treated as anonymous, so a client
    with a revoked or expired token learns it at once.
    """

    openapi_scheme = "bearer"

    def __init__(self, *, allow_anonymous: bool = False):
        self.allow_anonymous = allow_anonymous
        self.session = SessionAuth()
        super().__init__()

    def __call__(self, request: HttpRequest):
        header = request.headers.get("Authorization", "")
        if header:
            scheme, _sep, raw = header.partition(" ")
            token = api_token_for(raw.strip()) if scheme.lower() == "bearer" and raw.strip() else None
            if token is None:
                raise AuthenticationError(401, "Invalid, expired or revoked API token.")
            if not scopes.allows(token.scopes, method=request.method, path=request.path):
                raise ScopeRefused()
            return self._checked(request, token.user)
        user = self.session(request)
        if user:
            return self._checked(request, user)
        if self.allow_anonymous:
            if two_factor_missing(request.user):
                raise TwoFactorRequired()
            return AnonymousUser()
        return None

    @staticmethod
    def _checked(request, user):
        if two_factor_missing(user):
            raise TwoFactorRequired()
        request.user = user
        return user


signed_in = ApiAuth()
anyone = ApiAuth(allow_anonymous=True)
