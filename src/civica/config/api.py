"""The REST API at /api/v1/: routers from each app, one error format, translated messages.

Every error answers JSON: {"detail": "<sentence>", "errors": [{"field": "...", "message": "..."}]}.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.parser import Parser

from civica.accounts.api import router as accounts_router
from civica.accounts.authentication import ScopeRefused, TwoFactorRequired
from civica.cases.api import router as cases_router
from civica.core.jsonsafe import JSONTooDeep, check_depth
from civica.council.api import router as council_router
from civica.events.api import router as events_router
from civica.groups.api import router as groups_router
from civica.helpline.api import router as helpline_router
from civica.hub.api import router as hub_router
from civica.mediation.api import router as mediation_router
from civica.organisations.api import router as organisations_router
from civica.partnerships.api import router as partnerships_router
from civica.protection.api import router as protection_router
from civica.sdg.api import router as sdg_router
from civica.strategy.api import router as strategy_router
from civica.timebank.api import router as timebank_router


class JsonObjectParser(Parser):
    """Request bodies are JSON objects; a list, a string or null is refused with a named error."""

    def parse_body(self, request):
        try:
            check_depth(request.body)
        except JSONTooDeep:
            raise NinjaValidationError([{"type": "json_too_deep", "loc": ("body",), "msg": "too deep"}]) from None
        data = super().parse_body(request)
        if not isinstance(data, dict):
            raise NinjaValidationError([{"type": "model_attributes_type", "loc": ("body",), "msg": "not an object"}])
        return data


api = NinjaAPI(
    parser=JsonObjectParser(),
    title="Civica API",
    version="1",
    description="Civica's REST API. Authenticate with a personal token: `Authorization: Bearer cvk_…`.",
    urls_namespace="api",
    docs_url="/docs",
    openapi_url="/openapi.json",
)
api.add_router("/", accounts_router)
api.add_router("/", organisations_router)
api.add_router("/", cases_router)
api.add_router("/", mediation_router)
api.add_router("/", timebank_router)
api.add_router("/groups/sdg", sdg_router)
api.add_router("/", groups_router)
api.add_router("/", hub_router)
api.add_router("/", events_router)
api.add_router("/", partnerships_router)
api.add_router("/", strategy_router)
api.add_router("/", protection_router)
api.add_router("/", helpline_router)
api.add_router("/", council_router)

# Pydantic's error types, said in the reader's language.
_MESSAGES = {
    "missing": lambda: _("This field is required."),
    "string_too_long": lambda: _("This value is too long."),
    "string_too_short": lambda: _("This value is too short."),
    "string_pattern_mismatch": lambda: _("This value is not one of the allowed values."),
    "value_error": lambda: _("Enter a valid value."),
    "url_parsing": lambda: _("Enter a valid URL."),
    "url_scheme": lambda: _("Enter a valid URL."),
    "uuid_parsing": lambda: _("Enter a valid identifier."),
    "int_parsing": lambda: _("Enter a whole number."),
    "bool_parsing": lambda: _("Enter true or false."),
    "string_type": lambda: _("Enter text."),
    "json_invalid": lambda: _("The request body is not valid JSON."),
    "json_too_deep": lambda: _("The request body is nested too deeply."),
    "less_than_equal": lambda: _("Enter a smaller number."),
    "greater_than_equal": lambda: _("Enter a larger number."),
    "model_attributes_type": lambda: _("The request body must be a JSON object."),
    "dict_type": lambda: _("The request body must be a JSON object."),
    "extra_forbidden": lambda: _("This field is not known."),
    "email": lambda: _("Enter a valid e-mail address."),
}


def _field_name(location) -> str:
    # ("body", "payload", "name") → "name"; ("query", "country") → "country"
    parts = [str(part) for part in location if part not in ("body", "query", "path", "payload", "filters")]
    return ".".join(parts) or "body"


def _error(request, status: int, detail: str, errors: list[dict] | None = None):
    return api.create_response(request, {"detail": detail, "errors": errors or []}, status=status)


@api.exception_handler(NinjaValidationError)
def invalid_input(request, exc):
    errors = []
    for item in exc.errors:
        message = _MESSAGES.get(item.get("type", ""), lambda: None)()
        errors.append({"field": _field_name(item.get("loc", ())), "message": message or _("Enter a valid value.")})
    return _error(request, 422, _("The request has invalid values."), errors)


@api.exception_handler(ValidationError)
def refused_by_rules(request, exc):
    if hasattr(exc, "error_dict"):
        errors = [{"field": field, "message": " ".join(messages)} for field, messages in exc.message_dict.items()]
    else:
        errors = [{"field": "body", "message": message} for message in exc.messages]
    return _error(request, 400, _("The request has invalid values."), errors)


@api.exception_handler(AuthenticationError)
def not_authenticated(request, exc):
    return _error(request, 401, _("Sign in or send a valid API token."))


@api.exception_handler(PermissionDenied)
@api.exception_handler(Http404)
def not_found(request, exc):
    # Forbidden and missing look the same, so that guessed identifiers reveal nothing.
    return _error(request, 404, _("Not found."))


@api.exception_handler(TwoFactorRequired)
def two_factor_required(request, exc):
    return _error(request, 403, _("Your work involves sensitive data: turn on two-factor authentication to go on."))


@api.exception_handler(ScopeRefused)
def scope_refused(request, exc):
    return _error(request, 403, _("This API token does not allow this request (see its scopes)."))


@api.exception_handler(OverflowError)
def number_too_large(request, exc):
    # A number that fits Python but not the database (an offset, an id): the request's fault, not ours.
    return _error(request, 400, _("The request could not be read."))


@api.exception_handler(HttpError)
def http_error(request, exc):
    messages = {
        400: _("The request could not be read."),
        401: _("Sign in or send a valid API token."),
        403: _("The request was refused: the CSRF token is missing or wrong."),
        404: _("Not found."),
    }
    return _error(request, exc.status_code, messages.get(exc.status_code, str(exc)))
