"""The Method of Equal Shares (Peters, Pierczyński, Skowron), with the ``add1`` completion.

Every voter gets an equal share of the budget. A project is bought when its supporters can pay for
it together; among those that can, the one needing the smallest price per unit of utility ``rho``
is bought, each supporter paying ``min(their money left, rho * their utility)``. Utilities are the
project's cost for approval and knapsack ballots (cost utilities, as Pabulib's ``equalshares``) and
the points given for cumulative ballots. ``add1`` raises every voter's share by one currency unit
while the outcome still fits in the real budget and is not exhaustive (Pabulib's
``equalshares/add1``, pabutools' ``voter_budget_increment=1``).

Voters with identical ballots are handled as one weighted group (they always hold the same money),
which makes real elections, where many ballots repeat, much faster. Arithmetic is exact.
"""

from __future__ import annotations

from fractions import Fraction

from .election import (
    CUMULATIVE,
    NO_SUPPORT,
    SELECTED,
    UNAFFORDABLE,
    Election,
    Outcome,
    Reason,
    tie_key,
)


def _groups(election: Election):
    """Identical ballots merged: [(ballot, weight)], and per project [(group index, utility)]."""
    weights: dict[tuple, int] = {}
    for ballot in election.ballots:
        key = tuple(sorted((p, v) for p, v in ballot.items() if v > 0 and p in election.costs))
        if key:
            weights[key] = weights.get(key, 0) + 1
    groups = list(weights.items())
    supporters: dict[str, list[tuple[int, int]]] = {p: [] for p in election.costs}
    cumulative = election.vote_type == CUMULATIVE
    for g, (ballot, _weight) in enumerate(groups):
        for pid, points in ballot:
            utility = points if cumulative else election.costs[pid]
            if utility > 0:
                supporters[pid].append((g, utility))
    return [w for _b, w in groups], supporters


def _price(cost, supp, money, weights):
    """The smallest rho such that the supporters pay ``cost`` together, or None if they cannot."""
    if sum(money[g] * weights[g] for g, _u in supp) < cost:
        return None
    ranked = sorted(supp, key=lambda gu: money[gu[0]] / gu[1])
    paid = Fraction(0)
    utility = sum(u * weights[g] for g, u in ranked)
    for g, u in ranked:
        rho = (cost - paid) / utility
        if rho * u <= money[g]:
            return rho
        paid += money[g] * weights[g]
        utility -= u * weights[g]
    return None  # pragma: no cover - unreachable when the total money covers the cost


def _fixed_budget(election, weights, supporters, per_voter: Fraction):
    """One run of MES with ``per_voter`` money each: (selected ids, {id: (rho, payers)}, money)."""
    money = [Fraction(per_voter)] * len(weights)
    money = list(money)
    bound = {p: Fraction(0) for p in election.costs if supporters[p]}
    selected, paid = [], {}
    while bound:
        best, best_rho = None, None
        for pid in sorted(bound, key=lambda p: (bound[p], tie_key(p))):
            if best_rho is not None and bound[pid] > best_rho:
                break  # prices only rise as money is spent: nothing further can beat the best
            rho = _price(election.costs[pid], supporters[pid], money, weights)
            if rho is None:
                del bound[pid]
                continue
            bound[pid] = rho
            if best is None or rho < best_rho or (rho == best_rho and tie_key(pid) < tie_key(best)):
                best, best_rho = pid, rho
        if best is None:
            break
        payers = 0
        for g, u in supporters[best]:
            pay = min(money[g], best_rho * u)
            if pay > 0:
                payers += weights[g]
            money[g] -= pay
        paid[best] = (best_rho, payers)
        selected.append(best)
        del bound[best]
    return selected, paid, money


def _exhaustive(election, selected) -> bool:
    left = election.budget - sum(election.costs[p] for p in selected)
    chosen = set(selected)
    return all(c > left for p, c in election.costs.items() if p not in chosen)


def equal_shares(election: Election, *, completion: str | None = "add1") -> Outcome:
    """Select projects by the Method of Equal Shares; ``completion="add1"`` or None."""
    n = len(election.ballots)
    outcome = Outcome(rule="mes", selected=[], budget=election.budget)
    votes, scores = election.votes(), election.scores()
    if n == 0:
        selected, paid, money, weights, supporters = [], {}, [], [], {p: [] for p in election.costs}
        per_voter = None
    else:
        weights, supporters = _groups(election)
        per_voter = Fraction(election.budget) / n
        selected, paid, money = _fixed_budget(election, weights, supporters, per_voter)
        if completion == "add1":
            while not _exhaustive(election, selected):
                bigger = per_voter + 1
                attempt = _fixed_budget(election, weights, supporters, bigger)
                if sum(election.costs[p] for p in attempt[0]) > election.budget:
                    break
                per_voter, (selected, paid, money) = bigger, attempt
        elif completion is not None:
            raise ValueError(f"unknown completion {completion!r}")
    outcome.voter_budget = per_voter
    outcome.selected = selected
    for pid, cost in election.costs.items():
        reason = Reason(pid, cost, votes[pid], scores[pid])
        outcome.reasons[pid] = reason
        if pid in paid:
            rho, payers = paid[pid]
            top = max(min(per_voter, rho * u) for _g, u in supporters[pid])
            reason.selected, reason.why, reason.share, reason.payers = True, SELECTED, top, payers
            reason.rank = selected.index(pid) + 1
        elif not supporters[pid]:
            reason.why = NO_SUPPORT
        else:
            reason.why = UNAFFORDABLE
            reason.supporters_money = sum(money[g] * weights[g] for g, _u in supporters[pid])
            reason.share = Fraction(cost) / votes[pid]
    return outcome
