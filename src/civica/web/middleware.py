"""Two-factor for people who handle sensitive data, when the instance requires it."""

from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from civica.organisations.selectors import memberships_of

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
        if any(fragment in request.path for fragment in _ALLOWED_FRAGMENTS) or request.path.startswith("/api/"):
            return False
        handles_sensitive = (
            request.user.is_superuser or memberships_of(request.user).filter(handles_sensitive_data=True).exists()
        )
        return handles_sensitive and not is_mfa_enabled(request.user)
