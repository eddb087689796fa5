"""The demo's citizens: Milan's and Timișoara's verification setups, a verified resident of each, a
second load that changes nothing, and no identifier in clear in the database."""

import pytest
from django.core.cache import cache

from civica.citizens.models import CensusEntry, ResidentVerification
from civica.citizens.selectors import is_verified_resident
from civica.demo.citizens import MILAN_RESIDENT, TIMISOARA_RESIDENT, load_citizens
from civica.demo.services import DemoReport, _ensure_territories, _person
from civica.organisations.models import Territory

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_verified_resident_in_milan_and_in_timisoara(make_organisation):
    cache.clear()
    _ensure_territories()
    timisoara = make_organisation(
        slug="primaria-timisoara", territory=Territory.objects.get(code="RO-155243"), name="Primăria Timișoara"
    )
    report = DemoReport(password="a-long-demo-password")

    def person(email, first, last, language):
        return _person(email, first, last, language, report.password, report)

    for _run in range(2):
        load_citizens({"primaria-timisoara": timisoara}, person, report)
    assert ResidentVerification.objects.count() == 2
    from django.contrib.auth import get_user_model

    users = get_user_model().objects
    assert is_verified_resident(users.get(email=MILAN_RESIDENT[0]), Territory.objects.get(code="IT-015"))
    assert is_verified_resident(users.get(email=TIMISOARA_RESIDENT[0]), Territory.objects.get(code="RO-155243"))
    assert not CensusEntry.objects.filter(identity_hash__icontains="CLM").exists()
