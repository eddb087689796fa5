"""What an API token may do: read or write, per area of the API.

A scope is "<area>:read" or "<area>:write" (write includes read). The area of a request is found from
the first segment of its path under /api/v1/, so a new endpoint falls in its area without a list of
operations to keep up to date; a path whose area is unknown needs the scope of its own first segment,
which no token has, so it is refused (deny unless allowed).
"""

from django.utils.translation import gettext_lazy as _

AREAS = {
    "organisations": _("Organisations and territories"),
    "cases": _("Cases"),
    "mediation": _("Mediation"),
    "helpline": _("Helpline"),
    "protection": _("Child protection"),
    "groups": _("Local groups"),
    "strategy": _("Strategies"),
    "hub": _("Hub needs and offers"),
    "timebank": _("Time bank"),
    "events": _("Events"),
    "partnerships": _("Partnerships"),
    "directory": _("Service directory"),
}

# First path segment under /api/v1/ -> area.
_SEGMENTS = {
    "organisations": "organisations",
    "territories": "organisations",
    "me": "organisations",
    "cases": "cases",
    "estimates": "mediation",
    "mediations": "mediation",
    "mediators": "mediation",
    "helpline": "helpline",
    "protection": "protection",
    "groups": "groups",
    "strategies": "strategy",
    "pilot-actions": "strategy",
    "centres": "hub",
    "needs": "hub",
    "offers": "hub",
    "timebank": "timebank",
    "events": "events",
    "memoranda": "partnerships",
    "directory": "directory",
}

READ_METHODS = {"GET", "HEAD", "OPTIONS"}
ALL_SCOPES = [f"{area}:{level}" for area in AREAS for level in ("read", "write")]


def scope_choices():
    return [(f"{area}:{level}", f"{label} – {level}") for area, label in AREAS.items() for level in ("read", "write")]


def area_of(path: str) -> str:
    """The area of an API path ('/api/v1/protection/cases/x' -> 'protection')."""
    rest = path.split("/api/v1/", 1)[-1]
    segment = rest.strip("/").split("/", 1)[0]
    return _SEGMENTS.get(segment, segment or "?")


def allows(scopes, *, method: str, path: str) -> bool:
    """True if a token with `scopes` may make this request."""
    area = area_of(path)
    granted = set(scopes or ())
    if f"{area}:write" in granted:
        return True
    return method.upper() in READ_METHODS and f"{area}:read" in granted
