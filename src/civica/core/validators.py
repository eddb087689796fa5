"""One validator for every link a person or an import can give: only schemes a browser opens safely.

Django's URLValidator already refuses `javascript:`, but a TextField or CharField named `url` (the HSDS
directory, imports, the API) has no validator at all, and forms with `assume_scheme` only add one.
Every URL field, form field, API schema and importer calls `validate_public_url` (or uses
`PublicURLValidator` as a field validator), so the rule lives here once.
"""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

WEB_SCHEMES = ("http", "https")
CONTACT_SCHEMES = ("http", "https", "mailto", "tel")

_TEL_CHARS = set("0123456789+-.() ")
_url = URLValidator(schemes=list(WEB_SCHEMES))
_email = EmailValidator()


def _refuse(value):
    raise ValidationError(
        _("Enter a web address starting with http:// or https://."),
        code="url_scheme",
        params={"value": value},
    )


def validate_public_url(value, *, schemes=WEB_SCHEMES, allow_relative=False):
    """Accept `value` only if it is an absolute http(s) URL (or `mailto:`/`tel:` when `schemes` has them).

    Empty values pass (blank fields). Control characters and whitespace inside the scheme (`java\\tscript:`),
    protocol-relative `//host` and any other scheme are refused. With `allow_relative`, a site path
    beginning with a single `/` is accepted (in-app links such as notices).
    Raises ValidationError(code="url_scheme"); returns the stripped value.
    """
    if value is None:
        return value
    text = str(value).strip()
    if not text:
        return text
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in text):
        _refuse(value)
    if allow_relative and text.startswith("/") and not text.startswith("//") and "\\" not in text:
        return text
    scheme = urlsplit(text).scheme.lower()
    if not scheme or scheme not in schemes:
        _refuse(value)
    if scheme == "mailto":
        address = text[len("mailto:") :].split("?", 1)[0]
        try:
            _email(address)
        except ValidationError:
            _refuse(value)
        return text
    if scheme == "tel":
        number = text[len("tel:") :]
        if not number or not set(number) <= _TEL_CHARS:
            _refuse(value)
        return text
    try:
        _url(text)
    except ValidationError:
        _refuse(value)
    return text


@deconstructible
class PublicURLValidator:
    """Field validator form of `validate_public_url` (model fields, form fields)."""

    def __init__(self, schemes=WEB_SCHEMES, allow_relative=False):
        self.schemes = tuple(schemes)
        self.allow_relative = allow_relative

    def __call__(self, value):
        validate_public_url(value, schemes=self.schemes, allow_relative=self.allow_relative)

    def __eq__(self, other):
        return (
            isinstance(other, PublicURLValidator)
            and self.schemes == other.schemes
            and self.allow_relative == other.allow_relative
        )


def public_url_or_none(value, *, schemes=WEB_SCHEMES):
    """For importers that drop a bad link rather than refuse the record: the value if safe, else ''."""
    try:
        return validate_public_url(value, schemes=schemes)
    except ValidationError:
        return ""
