from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings


class CivicaAccountAdapter(DefaultAccountAdapter):
    """Sign-up is by invitation unless an instance opens it (CIVICA_OPEN_SIGNUP)."""

    def is_open_for_signup(self, request):
        return settings.CIVICA_OPEN_SIGNUP
