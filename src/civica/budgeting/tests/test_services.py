"""Phases: only forward, only by staff, audited, and leaving the ballot seals it; results by both
rules side by side once the ballot has closed, per district."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError

from civica.budgeting import selectors, services
from civica.budgeting.models import Ballot, District, Process, Project
from civica.core.audit import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def process():
    p = Process.objects.create(title="PB", budget=Decimal(100), phase="ballot")
    Project.objects.create(process=p, code="x", cost=Decimal(60), status="feasible")
    Project.objects.create(process=p, code="y", cost=Decimal(40), status="feasible")
    Project.objects.create(process=p, code="z", cost=Decimal(30), status="feasible")
    for content in ({"x": 1, "y": 1}, {"x": 1, "y": 1}, {"z": 1}):
        Ballot.objects.create(process=p, content=content, change_key="k")
    d = District.objects.create(process=p, name="North", budget=Decimal(50))
    Project.objects.create(process=p, district=d, code="n", cost=Decimal(50), status="feasible")
    Ballot.objects.create(process=p, district=d, content={"n": 1})
    return p


def test_staff_close_the_ballot_audited_and_results_show_both_rules(process, django_user_model):
    """Closing seals the ballots; greedy and equal shares are computed side by side for each part."""
    staff = django_user_model.objects.create_superuser(email="s@example.org", password="x")
    assert selectors.results_of(process) == []
    services.process_phase_set(actor=staff, process=process, phase="results")
    assert not Ballot.objects.exclude(change_key="").exists()
    assert AuditEvent.objects.filter(action="phase").count() == 1
    (city, city_rules), (north, north_rules) = selectors.results_of(process)
    assert city is None and north.name == "North"
    assert city_rules["greedy"].selected == ["x", "y"] and city_rules["mes"].selected == ["x", "z"]
    assert north_rules["mes"].selected == ["n"]


@pytest.mark.parametrize("who", ["anonymous", "resident"])
def test_only_staff_change_phases(who, process, make_user):
    """Anonymous and ordinary accounts are refused; nothing changes."""
    actor = AnonymousUser() if who == "anonymous" else make_user()
    with pytest.raises(PermissionDenied):
        services.process_phase_set(actor=actor, process=process, phase="results")
    process.refresh_from_db()
    assert process.phase == "ballot"


def test_a_phase_never_goes_back(process, django_user_model):
    """From the ballot back to proposals: refused with a reason."""
    staff = django_user_model.objects.create_superuser(email="s@example.org", password="x")
    with pytest.raises(ValidationError):
        services.process_phase_set(actor=staff, process=process, phase="proposals")
