"""The one URL validator refuses every scheme a browser would run, and accepts plain web links."""

import pytest
from django.core.exceptions import ValidationError

from civica.core.validators import CONTACT_SCHEMES, public_url_or_none, validate_public_url

BAD = [
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "//evil.example/x",
    "ftp://example.org/file",
    "file:///etc/passwd",
    "example.org",
    "http://",
]


@pytest.mark.parametrize("value", BAD)
def test_dangerous_or_malformed_links_are_refused(value):
    """Anything but an absolute http(s) link is refused with the url_scheme code."""
    with pytest.raises(ValidationError) as caught:
        validate_public_url(value)
    assert caught.value.code == "url_scheme"


@pytest.mark.parametrize("value", ["https://example.org", "http://example.org/a?b=1#c", ""])
def test_web_links_and_blank_pass(value):
    """Web links and blank values pass unchanged."""
    assert validate_public_url(value) == value


def test_mailto_and_tel_only_where_the_field_allows_them():
    """mailto:/tel: pass only when the caller lists them; a bad address in them is refused."""
    with pytest.raises(ValidationError):
        validate_public_url("mailto:a@example.org")
    assert validate_public_url("mailto:a@example.org", schemes=CONTACT_SCHEMES)
    assert validate_public_url("tel:+40 21 123 4567", schemes=CONTACT_SCHEMES)
    for bad in ("tel:javascript:1", "mailto:javascript:alert(1)"):
        with pytest.raises(ValidationError):
            validate_public_url(bad, schemes=CONTACT_SCHEMES)


def test_relative_paths_only_when_allowed():
    """In-app links (notices) may be site paths; a protocol-relative //host never is."""
    assert validate_public_url("/cases/x/", allow_relative=True) == "/cases/x/"
    with pytest.raises(ValidationError):
        validate_public_url("/cases/x/")
    with pytest.raises(ValidationError):
        validate_public_url("//evil.example/", allow_relative=True)


def test_importers_can_drop_a_bad_link():
    """public_url_or_none gives '' for a refused link and the link otherwise."""
    assert public_url_or_none("javascript:alert(1)") == ""
    assert public_url_or_none("https://example.org") == "https://example.org"
