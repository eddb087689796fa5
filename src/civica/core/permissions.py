"""The one permission check inside services, and the explicit actor for work nobody clicked.

Services call `require(actor, "app.permission", obj)` before they write. A person is checked against
the `rules` predicates; jobs, imports and the demo act as `SYSTEM`, which is allowed everything and is
named in the audit trail as "system". `None` is never an actor: a service handed `None` refuses, so a
forgotten actor fails closed instead of skipping the check.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied


class SystemActor:
    """The platform itself: periodic jobs, imports, migrations and the demo. Not a user; has no row."""

    pk = None
    id = None
    is_authenticated = False  # the audit trail stores no user for it (its label says "system")
    is_active = True
    is_staff = False
    is_superuser = False
    is_system = True

    def has_perm(self, perm: str, obj=None) -> bool:
        return True

    def __str__(self) -> str:
        return "system"

    def __repr__(self) -> str:
        return "<SystemActor>"


SYSTEM = SystemActor()


def is_system(actor) -> bool:
    return actor is SYSTEM


def as_user(actor):
    """The person behind `actor` for a "by whom" column: the user, or None when the platform acts."""
    return None if actor is SYSTEM else actor


def require(actor, permission: str, obj=None) -> None:
    """Raise PermissionDenied unless `actor` holds `permission` (on `obj`). `None` is refused."""
    if actor is SYSTEM:
        return
    if actor is None or not actor.has_perm(permission, obj):
        raise PermissionDenied(permission)
