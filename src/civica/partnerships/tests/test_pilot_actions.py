"""Pilot actions: proposed → approved → running → evaluated (or rejected); transitions enforced and audited."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from civica.core.models import AuditEvent
from civica.partnerships import selectors, services
from civica.sdg import selectors as sdg_selectors

from .conftest import make_action


def test_a_member_proposes_and_the_centre_takes_the_action_to_its_evaluation(world):
    action = make_action(world)
    assert action.state == "proposed" and list(action.partners.all()) == [world["city"]]
    assert services.transitions_for(world["ngo_staff"], action) == []
    assert services.transitions_for(world["centre_staff"], action) == ["approve", "reject"]
    for step in ("approve", "start"):
        action = services.pilot_action_transition(actor=world["centre_staff"], action=action, transition=step)
    with pytest.raises(ValidationError) as error:
        services.pilot_action_transition(actor=world["centre_staff"], action=action, transition="evaluate")
    assert "text" in error.value.message_dict
    action = services.pilot_action_transition(
        actor=world["centre_staff"], action=action, transition="evaluate", text="120 γονείς ολοκλήρωσαν τα μαθήματα."
    )
    assert action.state == "evaluated" and action.evaluation.startswith("120")
    trail = AuditEvent.objects.filter(record_uuid=action.uuid).order_by("at", "pk")
    assert [event.summary for event in trail] == ["", "approve", "start", "evaluate"]
    assert trail.last().before == {"state": "running"} and trail.last().after["state"] == "evaluated"


def test_steps_out_of_order_are_refused_and_change_nothing(world):
    action = make_action(world)
    for step in ("start", "evaluate", "fly"):
        with pytest.raises(ValidationError):
            services.pilot_action_transition(actor=world["centre_staff"], action=action, transition=step, text="x")
    action.refresh_from_db()
    assert action.state == "proposed"


def test_rejection_needs_a_reason_and_is_final(world):
    action = make_action(world)
    with pytest.raises(ValidationError):
        services.pilot_action_transition(actor=world["centre_staff"], action=action, transition="reject")
    action = services.pilot_action_transition(
        actor=world["centre_staff"], action=action, transition="reject", text="Εκτός προτεραιοτήτων."
    )
    assert action.state == "rejected" and services.transitions_for(world["centre_admin"], action) == []


def test_only_the_centre_decides(world):
    action = make_action(world)
    for who in ("ngo_staff", "city_staff", "centre_member", "other_admin", "outsider"):
        with pytest.raises(PermissionDenied):
            services.pilot_action_transition(actor=world[who], action=action, transition="approve")


def test_only_members_of_the_centre_propose_and_only_for_themselves(world):
    with pytest.raises(PermissionDenied):
        make_action(world, actor=world["other_admin"], lead=world["other"])
    with pytest.raises(ValidationError) as error:
        make_action(world, actor=world["ngo_staff"], lead=world["city"])
    assert "lead" in error.value.message_dict
    # The centre's staff may name any member as the lead.
    assert make_action(world, actor=world["centre_staff"], lead=world["ngo"]).lead == world["ngo"]


def test_budget_and_dates_are_checked(world):
    from datetime import date

    with pytest.raises(ValidationError) as error:
        make_action(world, budget=Decimal("-1"), starts_on=date(2026, 5, 1), ends_on=date(2026, 4, 1), title="")
    assert set(error.value.message_dict) == {"budget", "ends_on", "title"}


def test_indicators_with_an_sdg_link_and_the_value_achieved(world):
    action = make_action(world)
    sdg = sdg_selectors.indicators().first()
    indicator = services.indicator_add(
        actor=world["ngo_staff"],
        action=action,
        name="Γονείς που ολοκλήρωσαν",
        baseline=Decimal("0"),
        target=Decimal("100"),
        sdg_indicator=sdg,
    )
    services.indicator_record_achieved(actor=world["centre_staff"], indicator=indicator, achieved=Decimal("120"))
    assert selectors.indicators_of(action).get().achieved == Decimal("120")
    with pytest.raises(PermissionDenied):
        services.indicator_add(actor=world["city_staff"], action=action, name="x", baseline=1, target=2)
