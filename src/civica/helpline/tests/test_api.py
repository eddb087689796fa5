"""The helpline's API: scoped to the caller's helplines (others' ids answer 404), contacts masked,
answers validated with field errors."""

import pytest

from civica.accounts.services import api_token_create
from civica.helpline import services
from civica.helpline.models import Conversation, Message

from .conftest import text_message, whatsapp_payload


def _headers(user):
    return {"HTTP_AUTHORIZATION": f"Bearer {api_token_create(actor=user, name='test').raw}"}


@pytest.fixture
def conversations(world):
    services.whatsapp_ingest(whatsapp_payload(text_message("ciao")))
    other, _token = services.web_start(helpline=world["other_helpline"], body="altro")
    return Conversation.objects.get(helpline=world["helpline"]), other


def test_operator_lists_and_reads_conversations_with_contacts_masked(client, world, conversations):
    ours, _other = conversations
    headers = _headers(world["volunteer"])
    listed = client.get(f"/api/v1/helpline/{world['helpline'].uuid}/conversations?channel=whatsapp", **headers)
    assert listed.status_code == 200
    [item] = listed.json()["items"]
    assert item["reference"] == ours.reference and item["contact"].endswith("567")
    assert "+39333" not in listed.content.decode()
    detail = client.get(f"/api/v1/helpline/conversations/{ours.uuid}", **headers).json()
    assert [m["body"] for m in detail["messages"]] == ["ciao"]


@pytest.mark.parametrize("role", ["other", "bystander"])
def test_other_organisations_ids_answer_404(client, world, conversations, role):
    ours, _other = conversations
    headers = _headers(world[role])
    assert client.get(f"/api/v1/helpline/{world['helpline'].uuid}/conversations", **headers).status_code == 404
    assert client.get(f"/api/v1/helpline/conversations/{ours.uuid}", **headers).status_code == 404
    response = client.post(
        f"/api/v1/helpline/conversations/{ours.uuid}/reply", {"body": "x"}, content_type="application/json", **headers
    )
    assert response.status_code == 404
    assert not Message.objects.filter(direction="out").exists()


def test_anonymous_is_refused(client, world, conversations):
    assert client.get(f"/api/v1/helpline/{world['helpline'].uuid}/conversations").status_code == 401


def test_reply_through_the_api_and_bad_input(client, world, conversations, django_capture_on_commit_callbacks):
    ours, other = conversations
    headers = _headers(world["volunteer"])
    url = f"/api/v1/helpline/conversations/{ours.uuid}/reply"
    empty = client.post(url, {"body": " "}, content_type="application/json", **headers)
    assert empty.status_code == 400
    assert empty.json()["errors"][0]["field"] == "body"
    too_long = client.post(url, {"body": "x" * 5000}, content_type="application/json", **headers)
    assert too_long.status_code == 422
    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(url, {"body": "Ciao"}, content_type="application/json", **headers)
    assert sent.status_code == 201 and sent.json()["body"] == "Ciao"
    other_url = f"/api/v1/helpline/conversations/{other.uuid}/reply"
    assert client.post(other_url, {"body": "x"}, content_type="application/json", **headers).status_code == 404


def test_the_helpline_endpoints_are_in_the_openapi_document(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert {
        "/api/v1/helpline/{helpline}/conversations",
        "/api/v1/helpline/conversations/{uuid}",
        "/api/v1/helpline/conversations/{uuid}/reply",
    } <= set(paths)
