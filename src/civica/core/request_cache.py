"""The one per-request cache kept on the user object.

A user object lives for one request (or one job), so a value computed once from the database can be
kept on it: the person's roles, group positions, centre memberships. A service that changes such a
value calls `forget()` so the next read in the same request sees the change.
"""

from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def _attribute(name: str) -> str:
    return f"_civica_{name}"


def cached_on(user, name: str, compute: Callable[[], T]) -> T:
    """`compute()` once per user object; later calls return the kept value."""
    attribute = _attribute(name)
    value = getattr(user, attribute, None)
    if value is None:
        value = compute()
        setattr(user, attribute, value)
    return value


def forget(user, name: str) -> None:
    """Drop the kept value, so the next read computes it again."""
    attribute = _attribute(name)
    if hasattr(user, attribute):
        delattr(user, attribute)
