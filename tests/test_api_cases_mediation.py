"""The API for requests and cases, mediators and estimates: same rules as the pages."""

import json

import pytest

from civica.accounts.services import api_token_create


def _auth(user):
    return {"HTTP_AUTHORIZATION": f"Bearer {api_token_create(actor=user, name='test').raw}"}


@pytest.fixture
def world(make_organisation, make_member):
    centre = make_organisation(name="Centrul de resurse", slug="centru", kind="centre")
    city = make_organisation(name="Primăria Sectorului 1", slug="ps1")
    other = make_organisation(name="Primăria Sibiu", slug="sibiu")
    return {
        "centre": centre,
        "city": city,
        "staff": make_member(centre, role="staff"),
        "requester": make_member(city, role="staff"),
        "outsider": make_member(other, role="admin"),
    }


def test_a_request_through_the_api(client, world):
    requester, staff = _auth(world["requester"]), _auth(world["staff"])
    body = {
        "organisation": str(world["centre"].uuid),
        "requester_organisation": str(world["city"].uuid),
        "title": "Dispută privind parcările",
        "summary": "Rezidenții contestă taxa.",
        "language": "ro",
    }
    created = client.post("/api/v1/cases", json.dumps(body), content_type="application/json", **requester)
    assert created.status_code == 201, created.content
    reference = created.json()["reference"]
    assert created.json()["state"] == "submitted" and "withdraw" in created.json()["next_steps"]

    step = client.post(
        f"/api/v1/cases/{reference}/transitions",
        json.dumps({"transition": "analyse"}),
        content_type="application/json",
        **staff,
    )
    assert step.status_code == 200 and step.json()["state"] == "analysis"
    refused = client.post(
        f"/api/v1/cases/{reference}/transitions",
        json.dumps({"transition": "close"}),
        content_type="application/json",
        **staff,
    )
    assert refused.status_code == 400 and refused.json()["errors"][0]["field"] == "outcome"
    client.post(
        f"/api/v1/cases/{reference}/notes", json.dumps({"body": "intern"}), content_type="application/json", **staff
    )
    note = client.post(
        f"/api/v1/cases/{reference}/notes",
        json.dumps({"body": "Am trimis actele"}),
        content_type="application/json",
        **requester,
    )
    assert note.status_code == 201 and note.json()["shared_with_requester"] is True

    seen_by_requester = client.get(f"/api/v1/cases/{reference}", **requester).json()
    assert [n["body"] for n in seen_by_requester["notes"]] == ["Am trimis actele"]
    assert len(client.get(f"/api/v1/cases/{reference}", **staff).json()["notes"]) == 2
    assert client.get("/api/v1/cases", **requester).json()["count"] == 1


def test_outsiders_and_bad_input(client, world):
    outsider = _auth(world["outsider"])
    body = {
        "organisation": str(world["centre"].uuid),
        "requester_organisation": str(world["city"].uuid),
        "title": "Intruziune",
    }
    # Requesting on behalf of an organisation one does not belong to is refused like a missing one.
    assert (
        client.post("/api/v1/cases", json.dumps(body), content_type="application/json", **outsider).status_code == 404
    )
    assert client.get("/api/v1/cases", **outsider).json()["count"] == 0
    assert client.get("/api/v1/cases/RC-2026-000001", **outsider).status_code == 404
    bad = client.post(
        "/api/v1/cases",
        json.dumps({**body, "title": "", "colour": "red"}),
        content_type="application/json",
        **_auth(world["requester"]),
    )
    assert bad.status_code == 422
    assert {"title", "colour"} <= {error["field"] for error in bad.json()["errors"]}
    assert client.get("/api/v1/cases").status_code == 401


def test_estimates_and_mediators_are_public(client, db):
    italian = client.get("/api/v1/estimates", {"country": "IT", "matter": "condominium", "value": "30000"}).json()
    assert italian["mandatory"] and italian["first_meeting"] == "156.00"
    assert italian["procedure"] == {"low": "720.00", "high": "1200.00"}
    refused = client.get("/api/v1/estimates", {"country": "RO", "matter": "domestic_violence"}).json()
    assert "48" in refused["refused"]
    bad = client.get("/api/v1/estimates", {"country": "FR", "matter": "astrology", "value": "-1"})
    assert bad.status_code == 422
    assert {"country", "value"} <= {e["field"] for e in bad.json()["errors"]}
    unknown = client.get("/api/v1/estimates", {"country": "IT", "matter": "astrology"})
    assert unknown.status_code == 400 and unknown.json()["errors"][0]["field"] == "matter"
    assert client.get("/api/v1/mediators").json()["count"] == 0


def test_mediators_list_filters_and_hides_private_entries(client, territories, make_organisation, make_member):
    from civica.mediation.services import MEDIATOR_COLUMNS, mediators_import_csv

    centre = make_organisation(kind="centre")
    admin = make_member(centre, role="admin")
    mediators_import_csv(
        actor=admin,
        organisation=centre,
        text=",".join(MEDIATOR_COLUMNS)
        + "\n"
        + (
            "Elena Dumitrescu,,,RO,ro_consiliul_de_mediere,1,public_service,ro|en,RO-403,available,da,500,1500,\n"
            "Luca Ferrari,,,IT,it_registro_organismi,2,condominium,it,IT-075,limited,no,,,\n"
        ),
    )
    from civica.mediation.models import Mediator

    Mediator.objects.filter(full_name="Luca Ferrari").update(is_public=False)
    listing = client.get("/api/v1/mediators").json()
    assert [m["full_name"] for m in listing["items"]] == ["Elena Dumitrescu"]
    assert listing["items"][0]["territories"] == ["RO-403"]
    assert client.get("/api/v1/mediators", {"language": "en", "public_bodies": "true"}).json()["count"] == 1
    assert client.get("/api/v1/mediators", {"specialisation": "condominium"}).json()["count"] == 0


def test_list_query_counts_do_not_grow(client, world, territories):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from civica.cases.services import case_open
    from civica.mediation.models import Mediator

    headers = _auth(world["requester"])

    def grow(n):
        for i in range(n):
            case_open(
                actor=world["requester"],
                workflow="request",
                organisation=world["centre"],
                requester_organisation=world["city"],
                title=f"Cerere {Mediator.objects.count()}-{i}",
            )
            mediator = Mediator.objects.create(
                organisation=world["centre"],
                full_name=f"M {Mediator.objects.count()}",
                country="RO",
                authority="ro_consiliul_de_mediere",
                authorisation_number=f"N{Mediator.objects.count()}",
            )
            mediator.territories.set([territories["RO-403"], territories["RO-127"]])

    def count(url, **extra):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url, **extra).status_code == 200
        return len(captured)

    grow(2)
    client.get("/api/v1/cases", **headers)  # the token's first use is recorded once; measure after it
    small = (count("/api/v1/cases", **headers), count("/api/v1/mediators"))
    grow(20)
    assert (count("/api/v1/cases", **headers), count("/api/v1/mediators")) == small
