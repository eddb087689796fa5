"""The verification API other apps build on: who is a verified resident of where, and the grant rules.

It proves that a verification counts for its territory and every territory that contains it, stops
counting when it expires or is revoked, that one identity verifies only once per territory, that
`has_perm("citizens.resident_of", territory)` answers the same, and that only the system, platform
administrators and the verifying organisation's staff may grant."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from civica.citizens.models import ResidentVerification
from civica.citizens.selectors import is_verified_resident, verification_counts, verified_territories
from civica.citizens.services import verification_grant, verification_revoke
from civica.core.audit import AuditEvent
from civica.core.crypto import blind_index
from civica.core.permissions import SYSTEM

pytestmark = pytest.mark.django_db


def _hash(identifier):
    return blind_index(identifier, "citizens.identity")


def test_a_resident_of_a_sector_is_a_resident_of_the_city_and_the_country(territories, make_user):
    """Granting Sector 1 makes the person a resident of Sector 1, Bucharest and Romania, not Sector 2."""
    user = make_user()
    verification_grant(
        actor=SYSTEM, user=user, territory=territories["RO-179141"], method="census", identity_hash=_hash("1")
    )
    assert is_verified_resident(user, territories["RO-179141"])
    assert is_verified_resident(user, territories["RO-403"])
    assert is_verified_resident(user, territories["RO"])
    assert not is_verified_resident(user, territories["RO-179150"])
    assert not is_verified_resident(user, territories["IT-015"])
    assert user.has_perm("citizens.resident_of", territories["RO-403"])
    assert not user.has_perm("citizens.resident_of", territories["RO-179150"])
    assert list(verified_territories(user)) == [territories["RO-179141"]]
    assert AuditEvent.objects.filter(record_type__icontains="residentverification").exists()


def test_expired_and_revoked_verifications_do_not_count(territories, make_user):
    """A verification past its end date, or revoked, no longer makes a resident."""
    user, other = make_user(), make_user()
    milan = territories["IT-015"]
    verification = verification_grant(
        actor=SYSTEM,
        user=user,
        territory=milan,
        method="code",
        identity_hash=_hash("a"),
        expires_at=timezone.now() + timedelta(days=1),
    )
    assert is_verified_resident(user, milan)
    ResidentVerification.objects.filter(pk=verification.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert not is_verified_resident(user, milan)
    second = verification_grant(actor=SYSTEM, user=other, territory=milan, method="oidc", identity_hash=_hash("b"))
    verification_revoke(actor=SYSTEM, verification=second)
    assert not is_verified_resident(other, milan)
    assert verification_counts(milan)["total"] == 0


def test_anonymous_people_and_no_territory_are_never_residents(territories):
    from django.contrib.auth.models import AnonymousUser

    assert not is_verified_resident(AnonymousUser(), territories["RO"])
    assert not AnonymousUser().has_perm("citizens.resident_of", territories["RO"])


def test_one_identity_verifies_only_once_per_territory(territories, make_user):
    """The same identity hash cannot make a second person a resident of the same territory; the same
    person renews; another territory is fine; after expiry the identity may verify again."""
    first, second = make_user(), make_user()
    milan, bucharest = territories["IT-015"], territories["RO-403"]
    verification_grant(actor=SYSTEM, user=first, territory=milan, method="census", identity_hash=_hash("x"))
    with pytest.raises(ValidationError):
        verification_grant(actor=SYSTEM, user=second, territory=milan, method="code", identity_hash=_hash("x"))
    assert not is_verified_resident(second, milan)
    renewed = verification_grant(actor=SYSTEM, user=first, territory=milan, method="code", identity_hash=_hash("x"))
    assert ResidentVerification.objects.filter(territory=milan, revoked_at__isnull=True).get() == renewed
    verification_grant(actor=SYSTEM, user=second, territory=bucharest, method="census", identity_hash=_hash("x"))
    ResidentVerification.objects.filter(pk=renewed.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    verification_grant(actor=SYSTEM, user=second, territory=milan, method="census", identity_hash=_hash("x"))
    assert is_verified_resident(second, milan) and not is_verified_resident(first, milan)


def test_bad_grants_are_refused(territories, make_user):
    user = make_user()
    for values in (
        {"method": "letter", "identity_hash": _hash("1")},
        {"method": "census", "identity_hash": ""},
        {"method": "census", "identity_hash": _hash("1"), "expires_at": timezone.now() - timedelta(days=1)},
    ):
        with pytest.raises(ValidationError):
            verification_grant(actor=SYSTEM, user=user, territory=territories["RO"], **values)
    assert not ResidentVerification.objects.exists()


@pytest.mark.parametrize(
    "role, allowed",
    [("admin", True), ("staff", True), ("expert", False), ("member", False), ("other_admin", False)],
)
def test_who_may_grant_for_an_organisation(territories, two_organisations, make_user, role, allowed):
    """The verifying organisation's administrators and staff may grant; others, and nobody (None), may not."""
    ours, _theirs, people = two_organisations
    citizen = make_user()
    values = {"user": citizen, "territory": territories["RO-403"], "method": "code", "identity_hash": _hash("1")}
    if allowed:
        verification_grant(actor=people[role], organisation=ours, **values)
        assert is_verified_resident(citizen, territories["RO-403"])
    else:
        with pytest.raises(PermissionDenied):
            verification_grant(actor=people[role], organisation=ours, **values)
    with pytest.raises(PermissionDenied):
        verification_grant(actor=None, organisation=ours, **values)


def test_staff_see_counts_never_identities(territories, two_organisations, make_user):
    ours, _theirs, people = two_organisations
    for number in range(3):
        verification_grant(
            actor=SYSTEM,
            user=make_user(),
            territory=territories["RO-179141"],
            method="census" if number else "code",
            identity_hash=_hash(str(number)),
        )
    counts = verification_counts(territories["RO-403"])
    assert counts == {"census": 2, "code": 1, "oidc": 0, "total": 3}
    assert people["staff"].has_perm("citizens.view_verification_counts", ours)
    assert not people["member"].has_perm("citizens.view_verification_counts", ours)


@pytest.mark.parametrize("verifications", [1, 10])
def test_the_resident_check_is_one_query(territories, make_user, django_assert_max_num_queries, verifications):
    user = make_user()
    codes = ["RO-179141", "RO-179150", "RO-179169", "RO-179178", "RO-179187", "RO-179196", "IT-015", "RO-350"]
    for number in range(verifications):
        territory = territories[codes[number % len(codes)]]
        verification_grant(
            actor=SYSTEM, user=user, territory=territory, method="code", identity_hash=_hash(f"{number}")
        )
    with django_assert_max_num_queries(1):
        assert is_verified_resident(user, territories["RO"])
    with django_assert_max_num_queries(1):
        assert len(list(verified_territories(user))) == min(verifications, len(codes))
