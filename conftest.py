"""Fixtures shared by every test: territories, organisations, people with roles.

Tests build their world with these factories rather than the demo, so each one says what it needs.
"""

import itertools
import os
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress

SHIPPED_TERRITORIES = Path(__file__).parent / "src/civica/organisations/data/territories.csv"
_sequence = itertools.count(1)


@pytest.fixture(autouse=True)
def uploads_in_a_temporary_folder(settings, tmp_path):
    """Files written by a test (uploads, generated documents) go to its own folder, never to var/."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def an_empty_process_cache():
    """Rate-limit counters and other cached values do not carry over from one test to the next: ids are
    reused after a rolled-back test, so a counter keyed by them would add up across tests in a worker.
    Only the in-process cache is emptied; a shared Redis (when configured) is left to its own keys."""
    from django.core.cache import caches
    from django.core.cache.backends.locmem import LocMemCache

    for cache in caches.all():
        if isinstance(cache, LocMemCache):
            cache.clear()


@pytest.fixture(autouse=True)
def english_by_default():
    """Requests leave their language active in the thread; every test starts in English."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture
def territories(db):
    from civica.organisations.models import Territory
    from civica.organisations.services import territories_load_csv

    territories_load_csv(text=SHIPPED_TERRITORIES.read_text(encoding="utf-8"))
    return {t.code: t for t in Territory.objects.all()}


@pytest.fixture
def make_organisation(db):
    from civica.core.permissions import SYSTEM
    from civica.organisations.models import Organisation
    from civica.organisations.services import organisation_create

    def make(**values) -> Organisation:
        number = next(_sequence)
        values.setdefault("name", f"Organisation {number}")
        values.setdefault("slug", f"organisation-{number}")
        values.setdefault("kind", Organisation.Kind.MUNICIPALITY)
        values.setdefault("country", "RO")
        return organisation_create(actor=SYSTEM, data=values)

    return make


@pytest.fixture
def make_user(db):
    from django.contrib.auth import get_user_model

    def make(email=None, password="a-long-test-password", **values):
        email = email or f"person{next(_sequence)}@test.example"
        user = get_user_model().objects.create_user(email=email, password=password, **values)
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        return user

    return make


@pytest.fixture
def make_member(make_user):
    from civica.core.permissions import SYSTEM
    from civica.organisations.services import membership_add

    def make(organisation, role="member", **user_values):
        user = make_user(**user_values)
        membership_add(actor=SYSTEM, organisation=organisation, user=user, role=role)
        return user

    return make


@pytest.fixture
def platform_admin(make_user):
    return make_user(email="root@test.example", is_staff=True, is_superuser=True)


@pytest.fixture
def two_organisations(make_organisation, make_member):
    """Two tenants with one person of each role, for permission matrices."""
    ours = make_organisation(name="Primăria Test", slug="ours", email="contact@ours.example", phone="021 000 0000")
    theirs = make_organisation(
        name="Private NGO",
        slug="theirs",
        kind="ngo",
        is_public=False,
        contacts_confidential=True,
        address="Secret street 1",
        phone="0800 000 000",
    )
    people = {
        role: make_member(ours, role=role, email=f"{role}@ours.example")
        for role in ("admin", "staff", "expert", "member")
    }
    people["other_admin"] = make_member(theirs, role="admin", email="admin@theirs.example")
    return ours, theirs, people


@pytest.fixture
def libreoffice():
    """PDF copies need LibreOffice: skipped with the reason on a workstation without it, required in CI."""
    from civica.core.documents import pdf_available

    if not pdf_available():
        message = "LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui."
        if os.environ.get("CI") == "true":
            pytest.fail(message + " PDF tests are required in CI.")
        pytest.skip(message)
