"""CIVICA_SITE_URL follows CIVICA_BIND when it is unset, so links in e-mails, calendar files and the
HSDS root name the port Civica really listens on."""

import os
import subprocess
import sys

import pytest

from civica.config.settings import site_url_from_bind


@pytest.mark.parametrize(
    ("bind", "expected"),
    [
        ("127.0.0.1:8000", "http://127.0.0.1:8000"),
        ("127.0.0.1:9123", "http://127.0.0.1:9123"),
        ("0.0.0.0:8080", "http://127.0.0.1:8080"),
        ("[::]:8080", "http://[::1]:8080"),
        ("localhost:7000", "http://localhost:7000"),
        ("9000", "http://127.0.0.1:9000"),
        ("unix:/run/civica.sock", "http://127.0.0.1:8000"),
    ],
)
def test_site_url_is_derived_from_the_bind_address(bind, expected):
    assert site_url_from_bind(bind) == expected


def _site_url_in_a_fresh_process(**env):
    environment = {k: v for k, v in os.environ.items() if k not in {"CIVICA_SITE_URL", "CIVICA_BIND"}} | env
    code = "from django.conf import settings; import django; django.setup(); print(settings.SITE_URL)"
    environment["DJANGO_SETTINGS_MODULE"] = "civica.config.settings"
    result = subprocess.run([sys.executable, "-c", code], env=environment, capture_output=True, text=True, check=True)
    return result.stdout.strip().splitlines()[-1]


def test_settings_follow_the_bind_unless_the_site_url_is_set():
    """A server started on another port sends links to that port; an explicit CIVICA_SITE_URL wins."""
    assert _site_url_in_a_fresh_process(CIVICA_BIND="127.0.0.1:8765") == "http://127.0.0.1:8765"
    assert (
        _site_url_in_a_fresh_process(CIVICA_BIND="127.0.0.1:8765", CIVICA_SITE_URL="https://civica.example.org/")
        == "https://civica.example.org"
    )
