"""The demo's Sector 1 protection cases: each agency sees exactly what it should."""

import pytest
from django.contrib.auth import get_user_model

from civica.core.models import AuditEvent
from civica.demo.services import demo_load
from civica.protection import selectors
from civica.protection.models import ProtectionCase

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(territories, monkeypatch):
    monkeypatch.setenv("CIVICA_DEMO_PASSWORD", "correct-horse-battery")
    return demo_load(pdf_copies=False)


def sees(email):
    user = get_user_model().objects.get(email=email)
    return {pcase.kind: set(selectors.access(user, pcase).sections) for pcase in selectors.cases_visible_to(user)}


def test_each_sector_1_agency_sees_exactly_what_it_should(demo):
    assert ProtectionCase.objects.count() == 3
    everything = set(selectors.ALL_SECTIONS)
    assert sees("maria.georgescu@dgaspc-s1.example") == {
        "domestic_violence": everything,
        "elder_abuse": everything,
        "violence_against_women": everything,
    }
    assert sees("elena.ionescu@dgaspc-s1.example") == {"domestic_violence": everything}
    assert sees("andrei.stan@politia-s1.example") == {"domestic_violence": {"person", "safety_plan", "orders"}}
    assert sees("cristina.vasile@anais.example") == {"domestic_violence": {"narrative", "risk", "services"}}
    assert sees("mariuca.constantin@primarie-s1.example") == {}
    police = get_user_model().objects.get(email="andrei.stan@politia-s1.example")
    assert [r.case.kind for r in selectors.incoming_referrals(police)] == ["elder_abuse", "domestic_violence"]


def test_a_second_run_changes_nothing(demo):
    events = AuditEvent.objects.count()
    again = demo_load(pdf_copies=False)
    assert not again.changed
    assert AuditEvent.objects.count() == events
    assert ProtectionCase.objects.count() == 3
