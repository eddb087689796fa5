"""Quorum and majority, as the councils' laws count them (pure functions, tested on their own).

Romania's Administrative Code (OUG 57/2019, art. 137-139), Italy's TUEL and Greece's Kleisthenis law
count alike for what Civica needs: a sitting is quorate when more than half of the members in office
are present; a simple majority is more than half of those present, an absolute majority more than half
of the members in office, a qualified one at least two thirds of the members in office. "Members in
office" is the council's composition on the sitting's date, not its nominal size: a seat left vacant
by a resignation does not count.
"""

from __future__ import annotations

from dataclasses import dataclass

SIMPLE, ABSOLUTE, TWO_THIRDS = "simple", "absolute", "two_thirds"


def quorum(in_office: int) -> int:
    """The fewest members present for a valid sitting: the first whole number above half."""
    return in_office // 2 + 1


def votes_needed(rule: str, *, in_office: int, present: int) -> int:
    if rule == SIMPLE:
        return present // 2 + 1
    if rule == ABSOLUTE:
        return in_office // 2 + 1
    if rule == TWO_THIRDS:
        return -(-2 * in_office // 3)  # the ceiling of two thirds
    raise ValueError(rule)


@dataclass(frozen=True)
class Outcome:
    quorate: bool
    needed: int
    passed: bool


def outcome(rule: str, *, in_office: int, present: int, yes: int) -> Outcome:
    needed = votes_needed(rule, in_office=in_office, present=present)
    quorate = in_office > 0 and present >= quorum(in_office)
    return Outcome(quorate=quorate, needed=needed, passed=quorate and yes >= needed)
