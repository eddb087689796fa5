"""Two-factor for people who handle sensitive data, when the instance requires it."""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from civica.accounts.authentication import two_factor_missing

# Paths a person still needs while setting up two-factor: signing out, the two-factor pages, assets.
_ALLOWED_FRAGMENTS = ("/accounts/", "/static/", "/healthz", "/i18n/")


class RequireTwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._must_set_up_two_factor(request):
            messages.warning(
                request, _("Your work involves sensitive data: turn on two-factor authentication to go on.")
            )
            return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)

    def _must_set_up_two_factor(self, request) -> bool:
        if not settings.CIVICA_REQUIRE_2FA_FOR_SENSITIVE or not request.user.is_authenticated:
            return False
        # The API is not redirected: it refuses such a person itself, session and token alike
        # (accounts.authentication.two_factor_missing, the same rule).
        if any(fragment in request.path for fragment in _ALLOWED_FRAGMENTS) or request.path.startswith("/api/"):
            return False
        return two_factor_missing(request.user)
