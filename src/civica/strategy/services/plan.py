"""Writes to the funding register and the action plan (objectives, measures, actions)."""

from datetime import date
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from civica.core import audit
from civica.core.permissions import require

from ..models import (
    Action,
    FundingCall,
    FundingSource,
    Measure,
    Objective,
    Strategy,
)
from ._shared import _record

# --- Funding register and the action plan ---------------------------------------------------------


@transaction.atomic
def funding_source_add(*, actor, organisation, name: str, kind: str, url: str = "") -> FundingSource:
    require(actor, "strategy.manage_funding", organisation)
    if not name.strip():
        raise ValidationError({"name": _("Give the funding source a name.")})
    if kind not in FundingSource.Kind.values:
        raise ValidationError({"kind": _("Choose a kind of funding source.")})
    source = FundingSource.objects.create(organisation=organisation, name=name.strip(), kind=kind, url=url)
    _record(actor, source, "create", organisation, after=audit.snapshot(source))
    return source


@transaction.atomic
def funding_call_add(*, actor, source: FundingSource, title: str, deadline: date, url: str = "") -> FundingCall:
    require(actor, "strategy.manage_funding", source.organisation)
    if not title.strip():
        raise ValidationError({"title": _("Give the call a title.")})
    if deadline is None:
        raise ValidationError({"deadline": _("Give the call's deadline.")})
    call = FundingCall.objects.create(source=source, title=title.strip(), deadline=deadline, url=url)
    _record(actor, call, "create", source.organisation, after=audit.snapshot(call))
    return call


@transaction.atomic
def objective_add(*, actor, strategy: Strategy, code: str, title: str) -> Objective:
    require(actor, "strategy.manage_strategy", strategy)
    if not code.strip() or not title.strip():
        raise ValidationError({"title": _("Give the objective a code and a title.")})
    if strategy.objectives.filter(code=code.strip()).exists():
        raise ValidationError({"code": _("This code is already used.")})
    objective = Objective.objects.create(strategy=strategy, code=code.strip(), title=title.strip())
    _record(actor, objective, "create", strategy, after=audit.snapshot(objective))
    return objective


@transaction.atomic
def measure_add(*, actor, objective: Objective, code: str, title: str) -> Measure:
    require(actor, "strategy.manage_strategy", objective.strategy)
    if not code.strip() or not title.strip():
        raise ValidationError({"title": _("Give the measure a code and a title.")})
    if objective.measures.filter(code=code.strip()).exists():
        raise ValidationError({"code": _("This code is already used.")})
    measure = Measure.objects.create(objective=objective, code=code.strip(), title=title.strip())
    _record(actor, measure, "create", objective.strategy, after=audit.snapshot(measure))
    return measure


def _amount(value) -> Decimal:
    try:
        amount = Decimal(str(value if value not in (None, "") else 0))
    except InvalidOperation as error:
        raise ValidationError({"budget": _("Give the budget as a number.")}) from error
    if amount < 0 or amount.as_tuple().exponent < -2 or amount >= Decimal("1e12"):
        raise ValidationError({"budget": _("Give the budget as a positive amount with at most two decimals.")})
    return amount


@transaction.atomic
def action_add(
    *,
    actor,
    measure: Measure,
    code: str,
    title: str,
    owner: str = "",
    institution=None,
    budget=0,
    funding_source: FundingSource | None = None,
    funding_call: FundingCall | None = None,
    deadline: date | None = None,
    indicator: str = "",
    sdg_indicators=(),
    progress: int = 0,
) -> Action:
    strategy = measure.objective.strategy
    require(actor, "strategy.manage_strategy", strategy)
    errors = {}
    if not code.strip() or not title.strip():
        errors["title"] = _("Give the action a code and a title.")
    elif measure.actions.filter(code=code.strip()).exists():
        errors["code"] = _("This code is already used.")
    if not 0 <= int(progress) <= 100:
        errors["progress"] = _("Progress is a percentage from 0 to 100.")
    if funding_call is not None and funding_source is not None and funding_call.source_id != funding_source.pk:
        errors["funding_call"] = _("The call must belong to the funding source chosen.")
    if errors:
        raise ValidationError(errors)
    action = Action.objects.create(
        measure=measure,
        code=code.strip(),
        title=title.strip(),
        owner=owner.strip(),
        institution=institution,
        budget=_amount(budget),
        funding_source=funding_source or (funding_call.source if funding_call else None),
        funding_call=funding_call,
        deadline=deadline,
        indicator=indicator.strip(),
        progress=int(progress),
    )
    action.sdg_indicators.set(sdg_indicators)
    _record(actor, action, "create", strategy, after=audit.snapshot(action))
    return action


@transaction.atomic
def action_progress(*, actor, action: Action, progress: int) -> Action:
    strategy = action.measure.objective.strategy
    require(actor, "strategy.manage_strategy", strategy)
    if not isinstance(progress, int) or not 0 <= progress <= 100:
        raise ValidationError({"progress": _("Progress is a percentage from 0 to 100.")})
    before = {"progress": action.progress}
    action.progress = progress
    action.save(update_fields=["progress", "updated_at"])
    _record(actor, action, "update", strategy, before=before, after={"progress": progress})
    return action
