"""Deployment checks of our own (`civica check --deploy`), beside Django's and crypto's key checks."""

from django.conf import settings
from django.core import checks

# The value settings.py falls back to without CIVICA_SECRET_KEY: it is in the public repository.
PUBLIC_DEVELOPMENT_KEY = "civica-insecure-development-key-change-me-0123456789"


@checks.register(checks.Tags.security, deploy=True)
def check_secret_key_is_not_public(app_configs=None, **kwargs):
    if settings.SECRET_KEY != PUBLIC_DEVELOPMENT_KEY:
        return []
    return [
        checks.Warning(
            "SECRET_KEY is the public development key: sessions, password resets and signed tokens can be forged.",
            hint="Set CIVICA_SECRET_KEY to a long random value (secrets.token_urlsafe(50)).",
            id="civica.W003",
        )
    ]
