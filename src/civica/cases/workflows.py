"""Typed workflows, defined in code: the states a case goes through, the transitions allowed between
them, who may take each, and the deadline each state sets.

One engine for everything that comes in and must be followed to an end (requests to a resource
centre, mediations, helpline escalations, protection cases). A domain app describes its workflow
with these classes and registers it; it never writes a second engine.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# Who may take a transition, in the handling organisation (or as the requester).
OWNER, STAFF, ADMIN, REQUESTER = "owner", "staff", "admin", "requester"


@dataclass(frozen=True)
class Months:
    """A deadline in calendar months (statutes say "three months", not "ninety days")."""

    count: int


@dataclass(frozen=True)
class State:
    key: str
    label: str | Promise
    terminal: bool = False
    # Working days are not modelled yet: deadlines count calendar days or months, as the statutes cited do.
    deadline: timedelta | Months | None = None
    # Whether the deadline runs from entering this state, or from the day the case was opened (a
    # statutory duration such as Italy's three months counts from the filing).
    deadline_from_opening: bool = False


def add_deadline(start: datetime, deadline: timedelta | Months) -> datetime:
    if isinstance(deadline, timedelta):
        return start + deadline
    month_index = start.month - 1 + deadline.count
    year, month = start.year + month_index // 12, month_index % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return start.replace(year=year, month=month, day=day)


@dataclass(frozen=True)
class Transition:
    key: str
    label: str | Promise
    sources: tuple[str, ...]
    target: str
    allowed: frozenset[str] = frozenset({OWNER, STAFF, ADMIN})
    needs_outcome: bool = False
    # A domain rule checked before the step is taken: returns why it is refused, or None.
    guard: Callable[[Any], str | None] | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Workflow:
    key: str
    label: str | Promise
    prefix: str
    initial: str
    states: tuple[State, ...]
    transitions: tuple[Transition, ...]
    # A domain app's own page for cases of this kind (a URL name taking the reference), linked from the case.
    domain_page: str | None = None
    # Cases whose very existence is sensitive (protection cases): in the handling organisation only its
    # administrators, the owner and the people assigned see them, not every member of staff.
    confidential: bool = False
    _by_key: dict = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self):
        keys = {state.key for state in self.states}
        if self.initial not in keys:
            raise ValueError(f"{self.key}: initial state {self.initial!r} is not a state")
        for transition in self.transitions:
            unknown = (set(transition.sources) | {transition.target}) - keys
            if unknown:
                raise ValueError(f"{self.key}.{transition.key}: unknown states {sorted(unknown)}")
        self._by_key.update({state.key: state for state in self.states})

    def state(self, key: str) -> State:
        return self._by_key[key]

    def transition(self, key: str) -> Transition:
        for transition in self.transitions:
            if transition.key == key:
                return transition
        raise KeyError(key)

    def transitions_from(self, state: str) -> list[Transition]:
        return [t for t in self.transitions if state in t.sources]


_REGISTRY: dict[str, Workflow] = {}


def register(workflow: Workflow) -> Workflow:
    if workflow.key in _REGISTRY and _REGISTRY[workflow.key] != workflow:
        raise ValueError(f"Workflow {workflow.key!r} is already registered")
    _REGISTRY[workflow.key] = workflow
    return workflow


def get(key: str) -> Workflow:
    return _REGISTRY[key]


def choices() -> list[tuple[str, str | Promise]]:
    return [(workflow.key, workflow.label) for workflow in _REGISTRY.values()]


def state_choices() -> list[tuple[str, str | Promise]]:
    """Every state of every workflow, once, for filters."""
    seen: dict[str, str | Promise] = {}
    for workflow in _REGISTRY.values():
        for state in workflow.states:
            seen.setdefault(state.key, state.label)
    return list(seen.items())


def confidential_keys() -> list[str]:
    return sorted(workflow.key for workflow in _REGISTRY.values() if workflow.confidential)


def open_states() -> list[str]:
    return sorted({s.key for workflow in _REGISTRY.values() for s in workflow.states if not s.terminal})


# A general request to a centre: the resource centre's information, consultancy and case-analysis
# requests (seed 000) use it as it is; mediation and protection add their own.
GENERAL_REQUEST = register(
    Workflow(
        key="request",
        label=_("Request"),
        prefix="RC",
        initial="submitted",
        states=(
            State("submitted", _("Submitted"), deadline=timedelta(days=3)),
            State("triage", _("In triage"), deadline=timedelta(days=5)),
            State("analysis", _("Under analysis"), deadline=timedelta(days=20)),
            State("waiting", _("Waiting for the requester")),
            State("answered", _("Answered"), deadline=timedelta(days=10)),
            State("closed", _("Closed"), terminal=True),
            State("withdrawn", _("Withdrawn"), terminal=True),
        ),
        transitions=(
            Transition("triage", _("Start triage"), ("submitted",), "triage"),
            Transition("analyse", _("Start the analysis"), ("submitted", "triage", "waiting"), "analysis"),
            Transition("ask_requester", _("Ask the requester"), ("triage", "analysis"), "waiting"),
            Transition("reply", _("Reply"), ("waiting",), "analysis", allowed=frozenset({REQUESTER})),
            Transition("answer", _("Send the answer"), ("analysis",), "answered"),
            Transition("close", _("Close"), ("answered", "triage", "analysis"), "closed", needs_outcome=True),
            Transition("reopen", _("Reopen"), ("answered", "closed"), "analysis", allowed=frozenset({OWNER, ADMIN})),
            Transition(
                "withdraw",
                _("Withdraw"),
                ("submitted", "triage", "analysis", "waiting"),
                "withdrawn",
                allowed=frozenset({REQUESTER, ADMIN}),
            ),
        ),
    )
)
