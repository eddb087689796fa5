"""`civica check --deploy` is clean with the README's production variables, and warns on the public key."""

import os
import subprocess
import sys
from pathlib import Path

from cryptography.fernet import Fernet

CIVICA = str(Path(sys.executable).with_name("civica"))


def _check(extra: dict) -> str:
    # DJANGO_ALLOW_ASYNC_UNSAFE is set by the browser suite's conftest when both run in one process.
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("CIVICA_", "DJANGO_SETTINGS")) and k != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    env.update(extra)
    done = subprocess.run([CIVICA, "check", "--deploy"], env=env, capture_output=True, text=True, timeout=120)
    return done.stdout + done.stderr


def test_production_variables_give_no_warning_and_the_public_key_warns():
    """With the README's variables: no issue at all. Without CIVICA_SECRET_KEY: civica.W003 names the key."""
    production = {
        "CIVICA_SECRET_KEY": "a-long-random-production-secret-0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1",
        "CIVICA_ALLOWED_HOSTS": "civica.example.org",
        "CIVICA_SITE_URL": "https://civica.example.org",
        "CIVICA_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
        "CIVICA_BLIND_INDEX_KEY": "another-long-random-value-for-the-blind-index-0123456789",
        "CIVICA_HTTPS": "on",
    }
    clean = _check(production)
    assert "no issues" in clean, clean
    public = _check({k: v for k, v in production.items() if k != "CIVICA_SECRET_KEY"})
    assert "civica.W003" in public and "public development key" in public
