"""What people can do at an organisation: the actions its public home lists.

Apps contribute actions (ask for mediation, chat with the helpline, join the time bank, comment on a
draft, vote in a budget) from their AppConfig.ready(), so the public home never names an app:

    from civica.core.public_actions import PublicAction, register_public_action

    register_public_action(PublicAction(
        key="timebank.join",
        label=_("Join the time bank"),
        url=lambda organisation, user: reverse(...) if <the organisation has a bank> else None,
        order=40,
    ))

`url` returns None when the action does not apply to that organisation (or that person); the action
is then not shown. `description` is optional help text. Keep `url` to one or two queries: the page
calls every action once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

_REGISTRY: dict[str, PublicAction] = {}


@dataclass(frozen=True)
class PublicAction:
    key: str
    label: object  # a lazy translated string
    url: Callable[[object, object], str | None]
    description: object = ""
    order: int = 100


@dataclass(frozen=True)
class OfferedAction:
    key: str
    label: object
    description: object
    href: str


def register_public_action(action: PublicAction) -> None:
    """Add (or replace, by key) an action. Idempotent, so a reloaded app registers once."""
    _REGISTRY[action.key] = action


def unregister_public_action(key: str) -> None:
    _REGISTRY.pop(key, None)


def public_actions_for(organisation, user) -> list[OfferedAction]:
    """The actions open to `user` (possibly anonymous) at `organisation`, in order."""
    offered = []
    for action in sorted(_REGISTRY.values(), key=lambda item: (item.order, item.key)):
        href = action.url(organisation, user)
        if href:
            offered.append(OfferedAction(action.key, action.label, action.description, href))
    return offered
