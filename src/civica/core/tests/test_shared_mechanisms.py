"""The shared mechanisms every app uses: `require` with the explicit system actor, `run_service`,
the upload check by content, the cross-process rate limiter and the 404 for forbidden objects."""

import io
import zipfile

import pytest
from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404
from django.test import RequestFactory

from civica.core import ratelimit
from civica.core.forms import run_service
from civica.core.middleware import ForbiddenAsNotFoundMiddleware
from civica.core.permissions import SYSTEM, require
from civica.core.uploads import check_upload, safe_name


class _Person:
    def __init__(self, allowed):
        self.allowed = allowed

    def has_perm(self, perm, obj=None):
        return perm in self.allowed


def test_require_refuses_none_and_missing_permission_and_lets_system_through():
    """None is never an actor; a person needs the permission; the system actor is explicit."""
    with pytest.raises(PermissionDenied):
        require(None, "app.do")
    with pytest.raises(PermissionDenied):
        require(_Person(set()), "app.do", object())
    require(_Person({"app.do"}), "app.do", object())
    require(SYSTEM, "app.do", object())
    assert str(SYSTEM) == "system" and not SYSTEM.is_authenticated


class _NameForm(forms.Form):
    name = forms.CharField(max_length=10)


def test_run_service_returns_result_or_puts_the_refusal_on_the_form():
    """A valid form calls the service; a service refusal lands on the field and keeps what was typed."""
    ok, result = run_service(_NameForm({"name": "Ana"}), lambda data: data["name"].upper())
    assert (ok, result) == (True, "ANA")

    def refuse(data):
        raise ValidationError({"name": "Taken."})

    form = _NameForm({"name": "Ana"})
    assert run_service(form, refuse) == (False, None)
    assert form.errors["name"] == ["Taken."] and form["name"].value() == "Ana"
    invalid = _NameForm({"name": "x" * 11})
    assert run_service(invalid, lambda data: pytest.fail("must not be called")) == (False, None)


def _docx_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "kinds", "expected"),
    [
        ("a.pdf", b"%PDF-1.7 ...", {"pdf"}, "application/pdf"),
        ("a.docx", _docx_bytes(), {"docx"}, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("p.png", b"\x89PNG\r\n\x1a\n....", {"image"}, "image/png"),
        ("n.txt", "Bună ziua".encode(), {"text"}, "text/plain"),
    ],
)
def test_check_upload_accepts_a_file_whose_content_matches_its_name(name, content, kinds, expected):
    assert check_upload(SimpleUploadedFile(name, content), kinds=kinds) == expected


@pytest.mark.parametrize(
    ("name", "content", "kinds", "code"),
    [
        ("a.pdf", b"", {"pdf"}, "empty"),
        ("a.exe", b"MZ...", {"pdf", "image"}, "kind"),
        ("a.pdf", b"<html><script>", {"pdf"}, "content"),
        ("a.docx", b"PK\x03\x04 not a zip", {"docx"}, "content"),
        ("a.pdf", b"%PDF-" + b"x" * 2000, {"pdf"}, "too_large"),
    ],
)
def test_check_upload_refuses_empty_wrong_kind_disguised_and_too_large(name, content, kinds, code):
    with pytest.raises(ValidationError) as refused:
        check_upload(SimpleUploadedFile(name, content), kinds=kinds, max_bytes=1000)
    assert refused.value.code == code


def test_safe_name_drops_paths_and_odd_characters():
    assert safe_name("../../etc/passwd") == "passwd"
    assert safe_name("C:\\x\\raport final.pdf") == "raport_final.pdf"
    assert safe_name("") == "file"


def test_rate_limit_counts_per_scope_and_key_in_the_shared_cache():
    """The limit is counted in the cache (shared by every process), separately per scope and key."""
    for _attempt in range(3):
        assert ratelimit.allow("t-scope", "1.2.3.4", limit=3, window=60)
    assert not ratelimit.allow("t-scope", "1.2.3.4", limit=3, window=60)
    assert ratelimit.allow("t-scope", "5.6.7.8", limit=3, window=60)
    assert ratelimit.allow("other", "1.2.3.4", limit=3, window=60)
    ratelimit.reset("t-scope", "1.2.3.4")
    assert ratelimit.allow("t-scope", "1.2.3.4", limit=3, window=60)


def test_forbidden_becomes_not_found():
    """A PermissionDenied raised by any view is answered as 404, in one place."""
    middleware = ForbiddenAsNotFoundMiddleware(lambda request: None)
    request = RequestFactory().get("/")
    with pytest.raises(Http404):
        middleware.process_exception(request, PermissionDenied("x"))
    assert middleware.process_exception(request, ValueError("x")) is None
