"""Languages by URL prefix, the switcher, the dashboard per role and switching organisation."""

import re

import pytest
from django.test import override_settings

LANGUAGES = ["en", "ro", "it", "el"]


def test_root_redirects_to_a_language(client, db):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="it")
    assert response.status_code == 302 and response["Location"] == "/it/"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_serves_its_own_page(client, db, language):
    page = client.get(f"/{language}/").content.decode()
    assert f'<html lang="{language}"' in page
    english = client.get("/en/").content.decode()
    heading = re.search(r"<h2 class=\"govuk-heading-l\">(.*?)</h2>", page).group(1)
    if language != "en":
        assert heading not in english, "the home page is not translated"


def test_switcher_links_keep_the_current_page(client, make_organisation):
    make_organisation(slug="primaria-test")
    page = client.get("/ro/organisations/primaria-test/?page=1").content.decode()
    for language in ("en", "it", "el"):
        assert f'href="/{language}/organisations/primaria-test/?page=1"' in page
    assert 'aria-current="true" lang="ro"' in page


def test_numbers_follow_the_locale(client, platform_admin, make_organisation):
    """Thousands separators differ: 1,200 in English, 1.200 in Romanian, Italian and Greek."""
    from civica.organisations.models import Territory

    country = Territory.objects.create(code="RO", level="country", country="RO", name="România")
    Territory.objects.bulk_create(
        Territory(code=f"RO-T{n}", parent=country, level="county", country="RO", name=f"T{n}") for n in range(1199)
    )
    client.force_login(platform_admin)
    assert "1,200" in client.get("/en/dashboard/").content.decode()
    assert "1.200" in client.get("/ro/dashboard/").content.decode()


@pytest.mark.parametrize(
    ("role", "expected", "absent"),
    [
        ("admin", "Pending invitations", "Your membership"),
        ("staff", "Your work", "Pending invitations"),
        ("expert", "Your expertise", "Pending invitations"),
        ("member", "Your membership", "Pending invitations"),
    ],
)
def test_dashboard_by_role(client, two_organisations, role, expected, absent):
    _ours, _theirs, people = two_organisations
    client.force_login(people[role])
    page = client.get("/en/dashboard/").content.decode()
    assert expected in page and absent not in page


def test_dashboard_needs_sign_in(client, db):
    response = client.get("/en/dashboard/")
    assert response.status_code == 302 and "/en/accounts/login/" in response["Location"]


def test_switch_only_to_own_organisations(client, two_organisations, make_organisation):
    ours, theirs, people = two_organisations
    from civica.core.permissions import SYSTEM
    from civica.organisations.services import membership_add

    second = make_organisation(name="Second Home", slug="second-home")
    person = people["staff"]
    membership_add(actor=SYSTEM, organisation=second, user=person, role="expert")
    client.force_login(person)
    assert "Working as Staff at Primăria Test" in client.get("/en/dashboard/").content.decode()
    response = client.post("/en/account/organisations/switch/", {"organisation": str(second.uuid)})
    assert response.status_code == 302
    assert "Working as Expert or mediator at Second Home" in client.get("/en/dashboard/").content.decode()
    assert client.post("/en/account/organisations/switch/", {"organisation": str(theirs.uuid)}).status_code == 404
    assert client.post("/en/account/organisations/switch/", {"organisation": "nonsense"}).status_code == 404
    # An outside address in `next` is ignored.
    response = client.post(
        "/en/account/organisations/switch/", {"organisation": str(ours.uuid), "next": "https://evil.example/"}
    )
    assert response["Location"] == "/en/dashboard/"


def test_invalid_form_keeps_input_and_shows_translated_errors(client, two_organisations):
    ours, _theirs, people = two_organisations
    client.force_login(people["admin"])
    english = client.post(
        f"/en/organisations/{ours.slug}/edit/",
        {"name": "Primăria Nouă", "fiscal_id": "123", "language": "ro", "website": "not a url"},
    )
    romanian = client.post(
        f"/ro/organisations/{ours.slug}/edit/",
        {"name": "Primăria Nouă", "fiscal_id": "123", "language": "ro", "website": "not a url"},
    )
    for response in (english, romanian):
        page = response.content.decode()
        assert response.status_code == 200
        assert 'value="Primăria Nouă"' in page and 'value="123"' in page
        assert "govuk-error-summary" in page
    english_errors = re.findall(r'class="govuk-error-message">(.*?)</p>', english.content.decode(), re.S)
    romanian_errors = re.findall(r'class="govuk-error-message">(.*?)</p>', romanian.content.decode(), re.S)
    assert english_errors and romanian_errors and english_errors != romanian_errors
    ours.refresh_from_db()
    assert ours.name == "Primăria Test"


def test_not_found_page_is_translated(client, db):
    response = client.get("/it/organisations/does-not-exist/")
    assert response.status_code == 404
    assert '<html lang="it"' in response.content.decode()


@override_settings(CIVICA_REQUIRE_2FA_FOR_SENSITIVE=True)
def test_two_factor_required_for_people_handling_sensitive_data(client, make_organisation, make_user):
    from civica.core.permissions import SYSTEM
    from civica.organisations.services import membership_add

    organisation = make_organisation()
    careful = make_user()
    membership_add(actor=SYSTEM, organisation=organisation, user=careful, role="staff", handles_sensitive_data=True)
    relaxed = make_user()
    membership_add(actor=SYSTEM, organisation=organisation, user=relaxed, role="staff")
    client.force_login(careful)
    response = client.get("/en/dashboard/")
    assert response.status_code == 302 and "/accounts/2fa/totp/activate/" in response["Location"]
    assert client.get("/en/accounts/2fa/totp/activate/").status_code in {200, 302}
    client.force_login(relaxed)
    assert client.get("/en/dashboard/").status_code == 200
