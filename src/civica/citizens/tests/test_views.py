"""The citizens' pages, as a permission matrix of anonymous / citizen / verified resident / staff / another
organisation's administrator; sign-up opened per organisation with a stored consent and no account
enumeration; the data export and the erasure of an account; an existing citizen joining an organisation."""

import datetime
import json

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from civica.citizens import verification
from civica.citizens.models import Consent, ResidentVerification
from civica.citizens.selectors import is_verified_resident
from civica.core.permissions import SYSTEM
from civica.core.public_actions import PublicAction, register_public_action, unregister_public_action

pytestmark = pytest.mark.django_db

CENSUS = "identifier,birth_date\n1800101420010,1980-01-01\n"


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()


@pytest.fixture
def world(territories, two_organisations, make_user):
    ours, theirs, people = two_organisations
    setup = verification.setup_save(
        actor=SYSTEM,
        organisation=ours,
        data={"territory": territories["RO-403"], "census_enabled": True, "code_enabled": True, "signup_open": True},
    )
    verification.census_upload(actor=SYSTEM, setup=setup, text=CENSUS)
    people["citizen"] = make_user(email="citizen@mail.example")
    people["resident"] = make_user(email="resident@mail.example")
    verification.census_verify(
        actor=people["resident"],
        setup=setup,
        identifier="1800101420010",
        birth_date=datetime.date(1980, 1, 1),
    )
    return ours, theirs, people, setup


ROLES = ["anonymous", "citizen", "resident", "member", "staff", "admin", "other_admin"]
PAGES = {
    # page: roles that get 200 (others: 404, or the sign-in page for anonymous people)
    "home": set(ROLES),
    "verify": {"citizen", "resident", "member", "staff", "admin", "other_admin"},
    "manage": {"staff", "admin"},
    "me": {"citizen", "resident", "member", "staff", "admin", "other_admin"},
}


def _client(client, people, role):
    if role != "anonymous":
        client.force_login(people[role])
    return client


@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix_of_the_pages(client, world, role):
    ours, theirs, people, _setup = world
    _client(client, people, role)
    for page, allowed in PAGES.items():
        url = reverse(f"citizens:{page}", kwargs={"slug": ours.slug} if page != "me" else {})
        response = client.get(url)
        if role in allowed:
            assert response.status_code == 200, (page, role)
        elif role == "anonymous":
            assert response.status_code == 302 and "login" in response["Location"], (page, role)
        else:
            assert response.status_code == 404, (page, role)
    # Another organisation's private profile has no public home, and its verification page is hidden.
    assert client.get(reverse("citizens:home", kwargs={"slug": theirs.slug})).status_code == (
        200 if role == "other_admin" else 404
    )
    assert client.get(reverse("citizens:manage", kwargs={"slug": theirs.slug})).status_code in (302, 404) or (
        role == "other_admin"
    )


def test_staff_see_counts_not_identities(client, world):
    ours, _theirs, people, _setup = world
    client.force_login(people["staff"])
    page = client.get(reverse("citizens:manage", kwargs={"slug": ours.slug})).content.decode()
    assert "resident@mail.example" not in page and "1800101420010" not in page
    assert "Verified residents" in page


def test_a_citizen_verifies_by_census_and_a_wrong_number_keeps_what_was_typed(client, world, make_user):
    ours, _theirs, _people, setup = world
    citizen = make_user()
    client.force_login(citizen)
    url = reverse("citizens:verify", kwargs={"slug": ours.slug})
    response = client.post(
        url, {"method": "census", "census-identifier": "1800101420011", "census-birth_date": "1980-01-01"}
    )
    assert response.status_code == 200
    assert "check digit" in response.content.decode() and "1800101420011" in response.content.decode()
    assert not is_verified_resident(citizen, setup.territory)
    codes = verification.codes_issue(actor=SYSTEM, setup=setup, count=1)
    response = client.post(url, {"method": "code", "code-code": codes[0]})
    assert response.status_code == 302
    assert is_verified_resident(citizen, setup.territory)


def test_public_actions_from_other_apps_appear_on_the_home(client, world):
    ours, _theirs, _people, _setup = world
    register_public_action(
        PublicAction(key="test.ask", label="Ask for mediation", url=lambda organisation, user: "/ask/", order=1)
    )
    register_public_action(PublicAction(key="test.none", label="Not here", url=lambda organisation, user: None))
    try:
        page = client.get(reverse("citizens:home", kwargs={"slug": ours.slug})).content.decode()
    finally:
        unregister_public_action("test.ask")
        unregister_public_action("test.none")
    assert 'href="/ask/"' in page and "Not here" not in page
    assert "contact@ours.example" in page


@pytest.mark.parametrize("organisations", [1, 10])
def test_the_public_home_query_count_does_not_grow(
    client, world, make_organisation, organisations, django_assert_max_num_queries
):
    ours, _theirs, _people, _setup = world
    for _ in range(organisations):
        make_organisation(parent=ours)
    with django_assert_max_num_queries(8):
        assert client.get(reverse("citizens:home", kwargs={"slug": ours.slug})).status_code == 200


def _signup(client, email, **extra):
    data = {
        "email": email,
        "password1": "a-long-citizen-password",
        "password2": "a-long-citizen-password",
        "preferred_language": "it",
        "privacy_consent": "on",
    }
    data.update(extra)
    return client.post(reverse("account_signup"), data)


def test_sign_up_is_closed_unless_the_instance_or_an_organisation_opens_it(client, world, settings):
    ours, _theirs, _people, _setup = world
    settings.CIVICA_OPEN_SIGNUP = False
    _signup(client, "new@mail.example")
    assert not Consent.objects.filter(user__email="new@mail.example").exists()
    assert client.get(reverse("citizens:signup", kwargs={"slug": ours.slug})).status_code == 302
    response = _signup(client, "new@mail.example")
    assert response.status_code == 302
    consent = Consent.objects.get(user__email="new@mail.example")
    assert consent.version and consent.user.preferred_language == "it"
    assert any("new@mail.example" in message.to for message in mail.outbox)  # e-mail verification


def test_sign_up_needs_the_privacy_consent_and_keeps_what_was_typed(client, settings, db):
    settings.CIVICA_OPEN_SIGNUP = True
    response = _signup(client, "typed@mail.example", privacy_consent="")
    assert response.status_code == 200
    assert "typed@mail.example" in response.content.decode()
    assert not Consent.objects.exists()


def test_sign_up_and_password_reset_never_say_whether_an_address_has_an_account(client, world, settings):
    settings.CIVICA_OPEN_SIGNUP = True
    taken = _signup(client, "citizen@mail.example")
    client.logout()
    fresh = _signup(client, "nobody-yet@mail.example")
    assert taken.status_code == fresh.status_code == 302 and taken["Location"] == fresh["Location"]
    client.logout()
    known = client.post(reverse("account_reset_password"), {"email": "citizen@mail.example"})
    unknown = client.post(reverse("account_reset_password"), {"email": "unknown@mail.example"})
    assert known.status_code == unknown.status_code and known.get("Location") == unknown.get("Location")


def test_the_export_holds_the_persons_own_data_only(client, world):
    _ours, _theirs, people, _setup = world
    client.force_login(people["resident"])
    response = client.get(reverse("citizens:export"))
    data = json.loads(response.content)
    assert data["account"]["email"] == "resident@mail.example"
    assert data["resident_verifications"][0]["territory"] == "RO-403"
    assert "citizen@mail.example" not in response.content.decode()
    assert "1800101420010" not in response.content.decode()


def test_erasure_removes_the_account_and_keeps_what_the_law_requires(client, world):
    _ours, _theirs, people, setup = world
    resident = people["resident"]
    Consent.objects.create(user=resident, document="privacy-notice", version="2026-12", language="en")
    client.force_login(resident)
    assert client.post(reverse("citizens:erase"), {}).status_code == 200  # not confirmed: nothing happens
    resident.refresh_from_db()
    assert resident.is_active
    assert client.post(reverse("citizens:erase"), {"confirm": "on"}).status_code == 302
    resident.refresh_from_db()
    assert not resident.is_active and "resident@" not in resident.email and not resident.has_usable_password()
    assert not is_verified_resident(resident, setup.territory)
    assert ResidentVerification.objects.filter(user=resident).exists()  # kept, revoked
    assert Consent.objects.filter(user=resident).exists()


def test_a_member_of_an_organisation_cannot_erase_before_leaving_it(client, world):
    _ours, _theirs, people, _setup = world
    client.force_login(people["staff"])
    response = client.post(reverse("citizens:erase"), {"confirm": "on"})
    assert response.status_code == 200 and "administrator" in response.content.decode()


def test_an_existing_citizen_account_accepts_an_invitation(client, world, django_capture_on_commit_callbacks):
    """A person who signed up as a citizen is later invited into an organisation with the same account."""
    from civica.organisations.selectors import role_in
    from civica.organisations.services import invitation_create, invitation_find

    ours, _theirs, people, _setup = world
    with django_capture_on_commit_callbacks(execute=True):
        invitation_create(actor=people["admin"], organisation=ours, email="citizen@mail.example", role="member")
    token = mail.outbox[-1].body.split("/invitations/")[1].split("/")[0]
    assert invitation_find(token) is not None
    client.force_login(people["citizen"])
    response = client.post(reverse("organisations:invitation", kwargs={"token": token}))
    assert response.status_code == 302
    assert role_in(people["citizen"], ours) == "member"
