"""The personal data export (GDPR art. 15 and 20): every app adds what it holds about a person.

An app registers an exporter from its AppConfig.ready():

    from civica.core.personal_data import register_exporter

    register_exporter("mediation.requests", lambda user: [...])  # JSON-serialisable, via its selectors

`export_personal_data(user)` calls each exporter and returns one dict keyed by exporter name, in order
of registration. An exporter reads only what the person started or is about them, through its app's
selectors; it never includes other people's personal data or internal notes.
"""

from __future__ import annotations

from collections.abc import Callable

_EXPORTERS: dict[str, Callable[[object], object]] = {}


def register_exporter(name: str, exporter: Callable[[object], object]) -> None:
    """Add (or replace, by name) the exporter `name`."""
    _EXPORTERS[name] = exporter


def unregister_exporter(name: str) -> None:
    _EXPORTERS.pop(name, None)


def export_personal_data(user) -> dict[str, object]:
    return {name: exporter(user) for name, exporter in _EXPORTERS.items()}
