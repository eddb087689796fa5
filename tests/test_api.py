"""The API as a client sees it: OpenAPI, pagination, and clear 4xx errors for bad input (never a 500)."""

import json

import pytest


def test_openapi_document_describes_every_endpoint(client, db):
    document = client.get("/api/v1/openapi.json").json()
    assert document["openapi"].startswith("3.")
    paths = set(document["paths"])
    assert {"/api/v1/me", "/api/v1/organisations", "/api/v1/organisations/{uuid}", "/api/v1/territories"} <= paths
    assert client.get("/api/v1/docs").status_code == 200


def test_lists_are_paginated(client, territories):
    first = client.get("/api/v1/territories?country=IT&page=1").json()
    second = client.get("/api/v1/territories?country=IT&page=2").json()
    assert first["count"] > 100 and len(first["items"]) == 25
    assert {t["code"] for t in first["items"]}.isdisjoint({t["code"] for t in second["items"]})


@pytest.mark.parametrize(
    ("url", "field"),
    [
        ("/api/v1/territories?country=XX", "country"),
        ("/api/v1/territories?level=galaxy", "level"),
        ("/api/v1/organisations?kind=pirate", "kind"),
        ("/api/v1/territories?page=zero", "page"),
    ],
)
def test_bad_query_parameters_name_the_field(client, db, url, field):
    response = client.get(url)
    assert response.status_code == 422
    body = response.json()
    assert field in {error["field"] for error in body["errors"]}
    assert all(error["message"] for error in body["errors"])


def test_errors_are_translated_by_accept_language(client, db):
    english = client.get("/api/v1/territories?country=XX", HTTP_ACCEPT_LANGUAGE="en").json()
    italian = client.get("/api/v1/territories?country=XX", HTTP_ACCEPT_LANGUAGE="it").json()
    assert english["detail"] != italian["detail"]


@pytest.fixture
def admin_client(client, two_organisations):
    ours, _theirs, people = two_organisations
    client.force_login(people["admin"])
    return client, ours


@pytest.mark.parametrize(
    ("payload", "field", "status"),
    [
        ({"fiscal_id": "123"}, "fiscal_id", 400),
        ({"email": "not-an-email"}, "email", 422),
        ({"website": "javascript:alert(1)"}, "website", 422),
        ({"name": ""}, "name", 422),
        ({"name": "x" * 300}, "name", 422),
        ({"language": "fr"}, "language", 422),
        ({"is_public": "perhaps"}, "is_public", 422),
    ],
)
def test_bad_patch_names_the_field_and_changes_nothing(admin_client, payload, field, status):
    client, ours = admin_client
    response = client.patch(f"/api/v1/organisations/{ours.uuid}", json.dumps(payload), content_type="application/json")
    assert response.status_code == status, response.content
    assert field in {error["field"] for error in response.json()["errors"]}
    ours.refresh_from_db()
    assert ours.name == "Primăria Test" and ours.fiscal_id == "" and ours.is_public


@pytest.mark.parametrize(
    "body",
    ["{not json", "[]", '"text"', "", "null", json.dumps({"territory": "NOWHERE"})],
)
def test_malformed_bodies_get_a_4xx_json_answer(admin_client, body):
    client, ours = admin_client
    response = client.patch(f"/api/v1/organisations/{ours.uuid}", body, content_type="application/json")
    assert 400 <= response.status_code < 500
    assert response["Content-Type"].startswith("application/json")


def test_good_patch_is_applied(admin_client, territories):
    client, ours = admin_client
    response = client.patch(
        f"/api/v1/organisations/{ours.uuid}",
        json.dumps({"phone": "021 222 3333", "territory": "RO-179141", "fiscal_id": "RO4267117"}),
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    assert response.json()["territory"] == "RO-179141"
    ours.refresh_from_db()
    assert (ours.phone, ours.fiscal_id) == ("021 222 3333", "RO4267117")


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/organisations/not-a-uuid",
        "/api/v1/organisations/00000000-0000-0000-0000-000000000000",
        "/api/v1/nothing-here",
    ],
)
def test_unknown_identifiers_are_404(client, db, path):
    assert client.get(path).status_code == 404


def test_writes_with_a_session_need_the_csrf_token(two_organisations):
    from django.test import Client

    ours, _theirs, people = two_organisations
    client = Client(enforce_csrf_checks=True)
    client.force_login(people["admin"])
    response = client.patch(
        f"/api/v1/organisations/{ours.uuid}", json.dumps({"phone": "1"}), content_type="application/json"
    )
    assert response.status_code in {401, 403}
    ours.refresh_from_db()
    assert ours.phone == "021 000 0000"
