"""The input and output of an outcome rule: an election, its outcome and the reason per project."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction

Number = int | Fraction
Ballot = Mapping[str, int]  # project id -> points (1 for approval and knapsack ballots)

APPROVAL, KNAPSACK, CUMULATIVE = "approval", "knapsack", "cumulative"
VOTE_TYPES = (APPROVAL, KNAPSACK, CUMULATIVE)

# Why a project won or lost.
SELECTED = "selected"  # chosen by the rule itself
COMPLETION = "completion"  # chosen by the completion step (MES add1)
OVER_BUDGET = "over_budget"  # greedy: it did not fit in what was left
BELOW_THRESHOLD = "below_threshold"  # greedy: fewer votes than the minimum
UNAFFORDABLE = "unaffordable"  # MES: its supporters' shares could not pay for it
NO_SUPPORT = "no_support"  # nobody voted for it


def tie_key(project_id: str) -> tuple:
    """The order pabutools uses to break ties by default (lexicographic on the project's name)."""
    return (project_id,)


@dataclass(frozen=True)
class Election:
    """A budget, the projects' costs (in their published order) and the ballots."""

    budget: Number
    costs: Mapping[str, Number]
    ballots: list[Ballot]
    vote_type: str = APPROVAL

    def __post_init__(self):
        if self.vote_type not in VOTE_TYPES:
            raise ValueError(f"unknown vote type {self.vote_type!r}")

    def votes(self) -> dict[str, int]:
        """How many ballots support each project."""
        counts = dict.fromkeys(self.costs, 0)
        for ballot in self.ballots:
            for pid, points in ballot.items():
                if points > 0 and pid in counts:
                    counts[pid] += 1
        return counts

    def scores(self) -> dict[str, int]:
        """The points each project received (equal to its votes for approval ballots)."""
        totals = dict.fromkeys(self.costs, 0)
        for ballot in self.ballots:
            for pid, points in ballot.items():
                if pid in totals:
                    totals[pid] += points
        return totals


@dataclass
class Reason:
    """Why one project won or lost, with the figures that prove it."""

    project_id: str
    cost: Number
    votes: int
    score: int
    selected: bool = False
    why: str = NO_SUPPORT
    budget_left: Number = 0  # greedy: what was left when the project was considered
    rank: int | None = None  # order of selection, from 1
    # Method of Equal Shares
    share: Fraction | None = None  # the most any supporter paid (or would have had to pay)
    payers: int = 0  # how many supporters paid
    supporters_money: Fraction | None = None  # what its supporters had left when it lost


@dataclass
class Outcome:
    rule: str
    selected: list[str]
    reasons: dict[str, Reason] = field(default_factory=dict)
    budget: Number = 0
    voter_budget: Fraction | None = None  # MES: each voter's share of the (raised) budget

    @property
    def spent(self) -> Number:
        return sum((self.reasons[p].cost for p in self.selected), 0)
