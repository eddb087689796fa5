"""Every read of participatory budgeting, scoped to the acting user."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from django.db.models import QuerySet

from .models import Ballot, Process, Project
from .outcomes import Election


def processes_visible_to(user) -> QuerySet[Process]:
    """Processes are public once they leave the draft phase."""
    return Process.objects.exclude(phase=Process.Phase.DRAFT)


def process_get(*, user, uuid) -> Process:
    return processes_visible_to(user).get(uuid=uuid)


def projects_of(process: Process) -> QuerySet[Project]:
    return process.projects.exclude(status__in=[Project.Status.UNFEASIBLE, Project.Status.MERGED])


def _exact(value: Decimal) -> int | Fraction:
    f = Fraction(value)
    return int(f) if f.denominator == 1 else f


def election_of(process: Process, district=None) -> Election:
    """The process (or one district of it) as an election the outcome rules compute."""
    projects = projects_of(process).filter(district=district).values_list("code", "cost")
    ballots = Ballot.objects.filter(process=process, district=district).values_list("content", flat=True)
    budget = district.budget if district is not None else process.budget
    return Election(
        budget=_exact(budget),
        costs={code: _exact(cost) for code, cost in projects},
        ballots=list(ballots),
        vote_type=process.vote_type,
    )


def results_of(process: Process, rules=("greedy", "mes")) -> list[tuple]:
    """Per part of the process (city-wide, then each district): (district or None, {rule: Outcome}).
    Computed only once the ballot has closed."""
    from .outcomes import RULES

    if process.phase in (
        Process.Phase.DRAFT,
        Process.Phase.PROPOSALS,
        Process.Phase.SUPPORT,
        Process.Phase.REVIEW,
        Process.Phase.BALLOT,
    ):
        return []
    parts = [None, *process.districts.order_by("name")]
    return [(d, {rule: RULES[rule](election_of(process, d)) for rule in rules}) for d in parts]
