"""Casting a ballot: checked against the process's ballot type, one per resident and district,
replaceable while the ballot is open, secret (who voted is stored apart from how)."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from civica.core.crypto import blind_index
from civica.core.permissions import require

from . import selectors
from .models import Ballot, Participation, Process
from .rules import is_voting_resident


def _change_key(process, district, user) -> str:
    return blind_index(f"{process.uuid}:{district.uuid if district else '-'}:{user.pk}", "budgeting-ballot")


def check_choices(process: Process, district, choices: dict[str, int]) -> None:
    """Raise a translated ValidationError when the choices break the process's ballot rules."""
    if not choices or any(not isinstance(v, int) or v <= 0 for v in choices.values()):
        raise ValidationError(_("Choose at least one project."), code="empty")
    costs = dict(selectors.projects_of(process).filter(district=district).values_list("code", "cost"))
    unknown = [code for code in choices if code not in costs]
    if unknown:
        raise ValidationError(_("These projects are not on this ballot: %(ids)s.") % {"ids": ", ".join(unknown)})
    budget = district.budget if district is not None else process.budget
    if process.vote_type == Process.VoteType.CUMULATIVE:
        if process.max_points and sum(choices.values()) > process.max_points:
            raise ValidationError(
                _("You may give at most %(n)s points.") % {"n": process.max_points}, code="over_points"
            )
        return
    if any(v != 1 for v in choices.values()):
        raise ValidationError(_("Choose each project at most once."), code="points")
    if process.max_projects and len(choices) > process.max_projects:
        raise ValidationError(
            _("You may choose at most %(n)s projects.") % {"n": process.max_projects}, code="over_max"
        )
    if process.min_projects and len(choices) < process.min_projects:
        raise ValidationError(_("Choose at least %(n)s projects.") % {"n": process.min_projects}, code="under_min")
    if process.vote_type == Process.VoteType.KNAPSACK and sum((costs[c] for c in choices), Decimal(0)) > budget:
        raise ValidationError(_("The projects you chose cost more than the budget."), code="over_budget")


def ballot_cast(*, actor, process: Process, district=None, choices: dict[str, int]) -> None:
    """Cast or replace ``actor``'s ballot. Refused outside the ballot phase or to anyone who is not a
    verified resident (PermissionDenied), or with a translated reason when the choices break the rules.

    The ballot row has no voter and no time; the participation row has no ballot."""
    require(actor, "budgeting.vote", process)
    if not is_voting_resident(actor, process):  # superusers hold every permission; voting is not one
        raise PermissionDenied("budgeting.vote")
    if district is not None and district.process_id != process.pk:
        raise ValidationError(_("This district is not part of this budget."), code="district")
    check_choices(process, district, choices)
    key = _change_key(process, district, actor)
    with transaction.atomic():
        updated = Ballot.objects.filter(process=process, district=district, change_key=key).update(content=choices)
        if updated:
            return
        second = ValidationError(_("You have already voted in this district."), code="second")
        if Participation.objects.filter(process=process, district=district, user=actor).exists():
            raise second
        try:
            with transaction.atomic():
                Participation.objects.create(process=process, district=district, user=actor)
        except IntegrityError as exc:  # pragma: no cover - a concurrent first ballot by the same person
            raise second from exc
        Ballot.objects.create(process=process, district=district, content=choices, change_key=key)


def ballots_seal(process: Process) -> int:
    """When the ballot closes: forget the keys that let a voter replace their ballot."""
    return Ballot.objects.filter(process=process).exclude(change_key="").update(change_key="")
