"""The action plan: progress rolls up from actions to measures, objectives and the plan, weighted by budget."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from civica.strategy import selectors, services


@pytest.fixture
def plan(world):
    actor, strategy = world["admin"], world["strategy"]
    source = services.funding_source_add(actor=actor, organisation=world["ours"], name="POIDS", kind="eu")
    objective = services.objective_add(actor=actor, strategy=strategy, code="O1", title="Servicii integrate")
    measure_a = services.measure_add(actor=actor, objective=objective, code="M1.1", title="Centre de zi")
    measure_b = services.measure_add(actor=actor, objective=objective, code="M1.2", title="Asistență la domiciliu")
    services.action_add(
        actor=actor, measure=measure_a, code="A1", title="Centru", budget="300000", progress=50, funding_source=source
    )
    services.action_add(actor=actor, measure=measure_a, code="A2", title="Dotări", budget="100000", progress=100)
    services.action_add(actor=actor, measure=measure_b, code="A3", title="Echipă mobilă", budget="0", progress=20)
    services.action_add(actor=actor, measure=measure_b, code="A4", title="Voluntari", budget="0", progress=60)
    second = services.objective_add(actor=actor, strategy=strategy, code="O2", title="Locuire")
    return selectors.plan_of(strategy), second


def test_budget_weighted_roll_up(plan):
    result, _empty = plan
    o1, o2 = result["objectives"]
    m1, m2 = o1.measures.all()
    # M1.1: (50 × 300 000 + 100 × 100 000) / 400 000 = 62.5
    assert m1.progress == Decimal("62.5") and m1.budget == Decimal("400000")
    # M1.2 has no budget: each action counts the same, (20 + 60) / 2 = 40
    assert m2.progress == Decimal("40.0")
    # O1 over its four actions, by budget: the unbudgeted actions weigh nothing → 62.5
    assert o1.progress == Decimal("62.5")
    assert o2.progress == Decimal("0.0") and result["progress"] == Decimal("62.5")


def test_progress_and_budget_are_checked(world, plan):
    result, _ = plan
    action = result["actions"][0]
    with pytest.raises(ValidationError):
        services.action_progress(actor=world["admin"], action=action, progress=101)
    measure = action.measure
    with pytest.raises(ValidationError):
        services.action_add(actor=world["admin"], measure=measure, code="A9", title="x", budget="-5")
    with pytest.raises(ValidationError):
        services.action_add(actor=world["admin"], measure=measure, code="A9", title="x", budget="abc")
    services.action_progress(actor=world["admin"], action=action, progress=100)
    assert selectors.plan_of(world["strategy"])["objectives"][0].measures.all()[0].progress == Decimal("100.0")


def test_a_call_must_belong_to_the_source_chosen(world, plan):
    result, _ = plan
    source = services.funding_source_add(
        actor=world["admin"], organisation=world["ours"], name="Buget local", kind="local"
    )
    other = services.funding_source_add(
        actor=world["admin"], organisation=world["ours"], name="Fundație", kind="private"
    )
    import datetime

    call = services.funding_call_add(
        actor=world["admin"], source=other, title="Apel 2025", deadline=datetime.date(2025, 9, 1)
    )
    with pytest.raises(ValidationError):
        services.action_add(
            actor=world["admin"],
            measure=result["actions"][0].measure,
            code="A8",
            title="x",
            funding_source=source,
            funding_call=call,
        )
