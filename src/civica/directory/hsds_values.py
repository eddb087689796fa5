"""One HSDS value between its written form (a CSV cell, a JSON value) and the stored one."""

import datetime as dt
import uuid
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from .hsds_tables import Field


def is_empty(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def parse(field: Field, value):
    """The stored value, or ValidationError with a sentence for the import report."""
    if is_empty(value):
        if field.required:
            raise ValidationError(_("This field is required."))
        return None if field.type != "string" or field.format == "uuid" else ""
    if isinstance(value, (dict, list)):
        raise ValidationError(_("Expected a single value, not a list or an object."))
    text = str(value).strip() if not isinstance(value, str) else value
    try:
        if field.format == "uuid":
            return uuid.UUID(text.strip())
        if field.type == "number":
            if isinstance(value, bool):
                raise ValueError
            return float(text)
        if field.type == "date":
            return dt.date.fromisoformat(text.strip())
        if field.type == "datetime":
            return dt.datetime.fromisoformat(text.strip())
        if field.type == "time":
            return dt.time.fromisoformat(text.strip())
    except ValueError as error:
        messages = {
            "uuid": _("Enter a UUID, e.g. ac148810-d857-441c-9679-408f346de14b."),
            "number": _("Enter a number."),
            "date": _("Enter a date as YYYY-MM-DD."),
            "datetime": _("Enter a date and time as YYYY-MM-DDTHH:MM:SSZ."),
            "time": _("Enter a time as HH:MM:SS."),
        }
        raise ValidationError(messages["uuid" if field.format == "uuid" else field.type]) from error
    if field.format == "email":
        validate_email(text.strip())
    if field.format == "uri" or field.name in URL_FIELDS:
        _check_url(text.strip())
    return text


# Links shown on public pages, whether or not the datapackage marks them as URIs.
URL_FIELDS = frozenset({"website", "logo", "uri", "url", "schedule_link", "term_uri"})


def _check_url(text: str) -> None:
    """Only http and https links go in: a `javascript:` link would reach the public pages."""
    try:
        from civica.core.validators import validate_public_url  # the shared check, once it is on main
    except ImportError:
        validate_public_url = None
    if validate_public_url is not None:
        validate_public_url(text)
        return
    if urlsplit(text).scheme.lower() not in {"http", "https"} or not urlsplit(text).netloc:
        raise ValidationError(_("Enter a web address starting with http:// or https://."))


def written(value):
    """The JSON value of a stored one (CSV cells are its text)."""
    if value is None or value == "":
        return None
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, float):
        return int(value) if value.is_integer() else value
    if isinstance(value, dt.datetime):
        text = value.isoformat(timespec="milliseconds")
        return text.replace("+00:00", "Z")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return value


def cell(value) -> str:
    value = written(value)
    return "" if value is None else str(value)
