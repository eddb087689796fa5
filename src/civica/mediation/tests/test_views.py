"""The estimate page answers in every language, refuses violence with its reason, keeps bad input
with its errors; the mediators page lists public mediators."""

import pytest


def test_estimate_page_answers_in_each_language(client, db):
    query = {"country": "IT", "matter": "condominium", "value": "30000", "parties": "2"}
    english = client.get("/en/mediation/estimate/", query).content.decode()
    assert "156.00" in english and "720.00" in english and "D.M." in english
    italian = client.get("/it/mediation/estimate/", query).content.decode()
    assert "156,00" in italian  # numbers by locale


def test_estimate_page_refuses_violence_with_the_reason(client, db):
    page = client.get("/en/mediation/estimate/", {"country": "RO", "matter": "domestic_violence", "parties": "2"})
    assert "Istanbul Convention" in page.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        {"country": "FR"},
        {"country": "IT", "matter": "x", "parties": "1"},
        {"country": "IT", "matter": "lease", "value": "-5", "parties": "2"},
    ],
)
def test_bad_estimate_input_shows_errors_and_keeps_it(client, db, query):
    response = client.get("/en/mediation/estimate/", query)
    assert response.status_code == 200 and "govuk-error-summary" in response.content.decode()


def test_mediators_page_lists_public_mediators(client, territories, make_organisation, make_member):
    from civica.mediation.services import MEDIATOR_COLUMNS, mediators_import_csv

    centre = make_organisation(kind="centre")
    mediators_import_csv(
        actor=make_member(centre, role="admin"),
        organisation=centre,
        text=",".join(MEDIATOR_COLUMNS) + "\nElena Dumitrescu,,,RO,ro_consiliul_de_mediere,1,"
        "public_service,ro,RO-403,available,da,,,\n",
    )
    page = client.get("/en/mediation/mediators/?country=RO&public_bodies=on").content.decode()
    assert "Elena Dumitrescu" in page and "Dispute with a public authority" in page
    assert "Elena" not in client.get("/en/mediation/mediators/?country=IT").content.decode()
