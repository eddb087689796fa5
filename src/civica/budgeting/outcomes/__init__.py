"""How a participatory budget's outcome is computed: pure functions, no database.

An :class:`Election` holds the budget, the projects (id, cost) and the ballots (each a mapping
project id -> points; 1 for approval and knapsack ballots). A rule returns an :class:`Outcome`:
the selected project ids in the order they were chosen and, for every project, a
:class:`Reason` explaining why it won or lost. Arithmetic is exact (integers and Fractions).

Rules: :func:`greedy` (by votes within the budget, optional minimum threshold, as CONSUL, Decidim
and Pabulib's ``greedy``) and :func:`equal_shares` (the Method of Equal Shares, optionally completed
by ``add1``: raising every voter's budget by one unit while the outcome still fits, as Pabulib's
``equalshares/add1``). Ties are broken as pabutools breaks them by default (see :func:`tie_key`).
"""

from .election import Ballot, Election, Outcome, Reason, tie_key
from .greedy import greedy
from .mes import equal_shares

RULES = {"greedy": greedy, "mes": equal_shares}

__all__ = [
    "RULES",
    "Ballot",
    "Election",
    "Outcome",
    "Reason",
    "equal_shares",
    "greedy",
    "tie_key",
]
