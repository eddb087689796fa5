"""The NUL character is refused at the door, with a translated message, before it reaches a query."""

import json

import pytest

pytestmark = pytest.mark.django_db


def test_api_query_with_nul_is_a_clear_400(client):
    response = client.get("/api/v1/mediators", {"specialisation": "fam\x00ily"}, HTTP_ACCEPT_LANGUAGE="ro")
    assert response.status_code == 400
    assert response.json()["errors"] == [] and "NUL" in response.json()["detail"]


def test_api_body_with_nul_is_refused(client):
    body = json.dumps({"title": "a\u0000b"})
    assert client.post("/api/v1/cases", body, content_type="application/json").status_code == 400


def test_form_with_nul_is_refused_and_a_normal_one_is_not(client):
    assert client.post("/en/accounts/login/", {"login": "x\x00@example.org", "password": "p"}).status_code == 400
    assert client.get("/en/mediation/mediators/", {"country": "IT"}).status_code == 200
