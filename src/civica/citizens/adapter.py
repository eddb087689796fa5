"""Sign-up opens per instance (CIVICA_OPEN_SIGNUP) or per organisation: a person who arrives from the
public home of an organisation whose verification setup opens sign-up may create an account."""

from civica.accounts.adapter import CivicaAccountAdapter

from . import selectors

SESSION_KEY = "civica_signup_organisation"


class CitizenAccountAdapter(CivicaAccountAdapter):
    def is_open_for_signup(self, request):
        if super().is_open_for_signup(request):
            return True
        slug = request.session.get(SESSION_KEY) if request is not None and hasattr(request, "session") else None
        return bool(slug) and selectors.signup_open_for_slug(slug)
