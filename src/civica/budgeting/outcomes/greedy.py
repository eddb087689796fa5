"""Greedy by votes within the budget (CONSUL, Decidim, Pabulib's ``greedy``)."""

from __future__ import annotations

from .election import (
    BELOW_THRESHOLD,
    NO_SUPPORT,
    OVER_BUDGET,
    SELECTED,
    Election,
    Outcome,
    Reason,
    tie_key,
)


def greedy(election: Election, *, threshold: int = 0) -> Outcome:
    """Take projects by decreasing score (votes, or points for cumulative ballots), skipping any that
    no longer fits in what is left, until none fits.

    ``threshold``: a project needs at least that many votes (ballots supporting it) to be considered.
    Ties in score are broken by :func:`tie_key`, as pabutools does. Projects nobody voted for are
    considered last (pabutools may fund them with money nobody asked for; Civica does not: a
    project without a single vote is never selected).
    """
    votes, scores = election.votes(), election.scores()
    order = sorted(election.costs, key=tie_key)
    order.sort(key=lambda p: scores[p], reverse=True)  # stable: ties keep the tie-break order
    left = election.budget
    outcome = Outcome(rule="greedy", selected=[], budget=election.budget)
    for pid in order:
        cost = election.costs[pid]
        reason = Reason(pid, cost, votes[pid], scores[pid], budget_left=left)
        outcome.reasons[pid] = reason
        if scores[pid] <= 0:
            reason.why = NO_SUPPORT
        elif votes[pid] < threshold:
            reason.why = BELOW_THRESHOLD
        elif cost > left:
            reason.why = OVER_BUDGET
        else:
            left -= cost
            reason.selected, reason.why = True, SELECTED
            outcome.selected.append(pid)
            reason.rank = len(outcome.selected)
    return outcome
