"""Verification by census file and by code: the census keeps only keyed hashes, a bad line loads nothing,
a person proves identifier and birth date once, a code is single-use and expires, and guessing is limited."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from civica.citizens import verification
from civica.citizens.models import CensusEntry, ResidentVerification, VerificationCode
from civica.citizens.selectors import is_verified_resident, verification_counts

pytestmark = pytest.mark.django_db

MILAN_CENSUS = "identifier,birth_date\nRSSMRA85T10A562S,1985-12-10\nBNCGLI80A41F205F,1980-01-01\n"


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()


@pytest.fixture
def milan(territories, make_organisation, make_member):
    organisation = make_organisation(name="Comune di Milano", slug="milano", country="IT")
    admin = make_member(organisation, role="admin")
    setup = verification.setup_save(
        actor=admin,
        organisation=organisation,
        data={"territory": territories["IT-015"], "census_enabled": True, "code_enabled": True, "validity_days": 365},
    )
    return setup, admin


def test_a_resident_on_the_census_verifies_once(milan, make_user):
    setup, admin = milan
    verification.census_upload(actor=admin, setup=setup, text=MILAN_CENSUS)
    stored = list(CensusEntry.objects.values_list("identity_hash", "birth_hash"))
    assert len(stored) == 2 and all("RSSMRA" not in value and "1985" not in value for pair in stored for value in pair)
    citizen, impostor = make_user(), make_user()
    granted = verification.census_verify(
        actor=citizen, setup=setup, identifier="rssmra85t10a562s", birth_date=timezone.datetime(1985, 12, 10).date()
    )
    assert granted.method == "census" and granted.expires_at > timezone.now() + timedelta(days=364)
    assert is_verified_resident(citizen, setup.territory)
    with pytest.raises(ValidationError):  # the same identity, another account
        verification.census_verify(
            actor=impostor,
            setup=setup,
            identifier="RSSMRA85T10A562S",
            birth_date=timezone.datetime(1985, 12, 10).date(),
        )
    assert verification_counts(setup.territory) == {"census": 1, "code": 0, "oidc": 0, "total": 1}


def test_a_wrong_birth_date_or_unknown_identifier_is_refused(milan, make_user):
    setup, admin = milan
    verification.census_upload(actor=admin, setup=setup, text=MILAN_CENSUS)
    citizen = make_user()
    for identifier, born in (("RSSMRA85T10A562S", (1985, 12, 11)), ("RSSMRA85T10A562T", (1985, 12, 10))):
        with pytest.raises(ValidationError):
            verification.census_verify(
                actor=citizen, setup=setup, identifier=identifier, birth_date=timezone.datetime(*born).date()
            )
    assert not ResidentVerification.objects.exists()


def test_a_census_with_one_bad_line_loads_nothing(milan):
    setup, admin = milan
    bad = MILAN_CENSUS + "RSSMRA85T10A562T,1985-12-10\nRSSMRA85T10A562S,1985-12-10\nBNCGLI80A41F205F,1980-13-01\n"
    with pytest.raises(ValidationError) as error:
        verification.census_upload(actor=admin, setup=setup, text=bad)
    assert [line for line, _ in error.value.line_errors] == [4, 5, 6]
    with pytest.raises(ValidationError):
        verification.census_upload(actor=admin, setup=setup, text="cnp,born\n1,2\n")
    assert not CensusEntry.objects.exists()


def test_only_the_organisations_staff_upload_a_census(milan, make_user):
    setup, _admin = milan
    with pytest.raises(PermissionDenied):
        verification.census_upload(actor=make_user(), setup=setup, text=MILAN_CENSUS)


def test_a_code_is_single_use_and_expires(milan, make_user):
    setup, admin = milan
    first, _second, late = verification.codes_issue(actor=admin, setup=setup, count=3)
    assert not VerificationCode.objects.filter(code_hash__icontains=first.replace("-", "")).exists()
    citizen, neighbour = make_user(), make_user()
    verification.code_redeem(actor=citizen, setup=setup, code=first.lower().replace("-", " - "))
    assert is_verified_resident(citizen, setup.territory)
    with pytest.raises(ValidationError):
        verification.code_redeem(actor=neighbour, setup=setup, code=first)
    VerificationCode.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    with pytest.raises(ValidationError):
        verification.code_redeem(actor=neighbour, setup=setup, code=late)
    assert not is_verified_resident(neighbour, setup.territory)


def test_guessing_codes_is_limited(milan, make_user):
    setup, _admin = milan
    citizen = make_user()
    for _attempt in range(10):
        with pytest.raises(ValidationError) as error:
            verification.code_redeem(actor=citizen, setup=setup, code="AAAA-BBBB-CCCC")
    with pytest.raises(ValidationError) as error:
        verification.code_redeem(actor=citizen, setup=setup, code="AAAA-BBBB-CCCC")
    assert "Too many attempts" in str(error.value)


def test_a_method_the_organisation_has_not_enabled_is_refused(milan, make_user):
    setup, admin = milan
    verification.setup_save(actor=admin, organisation=setup.organisation, data={"code_enabled": False})
    setup.refresh_from_db()
    with pytest.raises(PermissionDenied):
        verification.code_redeem(actor=make_user(), setup=setup, code="AAAA-BBBB-CCCC")
