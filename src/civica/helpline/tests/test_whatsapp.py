"""The WhatsApp Cloud API channel: handshake, signatures, payload variants, deduplication, replies to
a fake Graph API on loopback, and the 24-hour window."""

import json
import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from civica.core import crypto
from civica.helpline import services
from civica.helpline.models import Conversation, Message

from .conftest import VERIFY_TOKEN, sign, text_message, whatsapp_payload

URL = "/helpline/whatsapp/webhook"


# --- handshake ---------------------------------------------------------------------------------------


def test_handshake_answers_the_challenge_when_the_token_matches(client, db):
    response = client.get(
        URL, {"hub.mode": "subscribe", "hub.verify_token": VERIFY_TOKEN, "hub.challenge": "1158201444"}
    )
    assert response.status_code == 200
    assert response.content == b"1158201444"


@pytest.mark.parametrize(
    "query",
    [
        {"hub.mode": "subscribe", "hub.verify_token": "wrong", "hub.challenge": "1"},
        {"hub.mode": "unsubscribe", "hub.verify_token": VERIFY_TOKEN, "hub.challenge": "1"},
        {"hub.challenge": "1"},
    ],
)
def test_handshake_refuses_a_wrong_token_or_mode(client, db, query):
    response = client.get(URL, query)
    assert response.status_code == 403
    assert b"1" not in response.content


def test_handshake_refused_when_no_token_is_configured(client, db, settings):
    settings.CIVICA_WHATSAPP_VERIFY_TOKEN = ""
    response = client.get(URL, {"hub.mode": "subscribe", "hub.verify_token": "", "hub.challenge": "1"})
    assert response.status_code == 403


# --- signatures --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "signature",
    [None, "", "sha256=" + "0" * 64, "sha1=abc", "sha256=", "forged"],
)
def test_forged_or_missing_signature_is_refused_and_nothing_is_stored(world, post_webhook, signature):
    response = post_webhook(whatsapp_payload(text_message("ciao")), signature=signature)
    assert response.status_code == 403
    assert not Message.objects.exists()
    assert not Conversation.objects.exists()


def test_signature_of_another_body_is_refused(world, post_webhook):
    body = json.dumps(whatsapp_payload(text_message("ciao"))).encode()
    other = json.dumps(whatsapp_payload(text_message("ciao!"))).encode()
    response = post_webhook(None, signature=sign(other), raw=body)
    assert response.status_code == 403
    assert not Message.objects.exists()


def test_signature_with_another_secret_is_refused(world, post_webhook):
    body = json.dumps(whatsapp_payload(text_message("ciao"))).encode()
    assert post_webhook(None, signature=sign(body, "other-secret"), raw=body).status_code == 403
    assert not Message.objects.exists()


def test_the_raw_body_is_what_is_signed(world, post_webhook):
    """Whitespace and key order are the sender's: the check must not re-serialise the JSON."""
    body = (
        b'{ "entry" : [ { "changes": [ { "value": '
        + json.dumps(whatsapp_payload(text_message("spazi"))["entry"][0]["changes"][0]["value"]).encode()
        + b" } ] } ] }"
    )
    assert post_webhook(None, raw=body).status_code == 200
    assert crypto.reveal(Message.objects.get().body) == "spazi"


def test_replayed_delivery_is_stored_once(world, post_webhook):
    payload = whatsapp_payload(text_message("Ho bisogno di parlare", wamid="wamid.REPLAY"))
    first = post_webhook(payload)
    second = post_webhook(payload)
    assert first.status_code == second.status_code == 200
    assert json.loads(second.content)["duplicates"] == 1
    assert Message.objects.filter(external_id="wamid.REPLAY").count() == 1
    assert Conversation.objects.count() == 1


# --- payload variants ---------------------------------------------------------------------------------


def test_text_message_opens_a_conversation_with_the_number_kept_for_replies(world, post_webhook):
    response = post_webhook(whatsapp_payload(text_message("Ciao, posso scrivere qui?")))
    assert response.status_code == 200
    conversation = Conversation.objects.get()
    assert conversation.channel == "whatsapp"
    assert conversation.state == "new"
    assert crypto.reveal(conversation.contact_address) == "+393331234567"
    assert crypto.reveal(conversation.contact_name) == "Luca"
    assert crypto.reveal(conversation.messages.get().body) == "Ciao, posso scrivere qui?"


def test_second_message_continues_the_same_conversation(world, post_webhook):
    post_webhook(whatsapp_payload(text_message("uno", wamid="wamid.1")))
    post_webhook(whatsapp_payload(text_message("due", wamid="wamid.2")))
    assert Conversation.objects.count() == 1
    assert [crypto.reveal(b) for b in Message.objects.values_list("body", flat=True)] == ["uno", "due"]


def test_media_message_keeps_the_reference_and_says_media(world, post_webhook, client):
    image = {
        "from": "393331234567",
        "id": "wamid.IMG",
        "timestamp": "1700000000",
        "type": "image",
        "image": {"id": "1234567890", "mime_type": "image/jpeg", "sha256": "abc", "caption": "guarda"},
    }
    assert post_webhook(whatsapp_payload(image)).status_code == 200
    message = Message.objects.get()
    assert (message.media_type, message.media_reference, crypto.reveal(message.body)) == (
        "image",
        "1234567890",
        "guarda",
    )
    client.force_login(world["volunteer"])
    page = client.get(f"/en/helpline/conversations/{message.conversation.uuid}/messages/")
    assert b"media" in page.content and b"image" in page.content


@pytest.mark.parametrize(
    "item",
    [
        {
            "from": "393331234567",
            "id": "wamid.U1",
            "timestamp": "1700000000",
            "type": "unsupported",
            "errors": [{"code": 131051, "title": "Message type unknown"}],
        },
        {"from": "393331234567", "id": "wamid.U2", "timestamp": "1700000000", "type": "hologram", "hologram": {"x": 1}},
        {
            "from": "393331234567",
            "id": "wamid.U3",
            "timestamp": "not a time",
            "type": "location",
            "location": {"latitude": 1},
        },
        {"from": "393331234567", "id": "wamid.U4", "type": "text"},
    ],
)
def test_unknown_or_odd_types_are_kept_without_blocking_the_channel(world, post_webhook, item):
    response = post_webhook(whatsapp_payload(item))
    assert response.status_code == 200
    assert Message.objects.filter(external_id=item["id"]).exists()


@pytest.mark.parametrize(
    "payload",
    [
        [],
        "text",
        {"entry": "x"},
        {"entry": [{"changes": [{"value": None}]}]},
        {"entry": [{"changes": [{"value": {"messages": [{"id": "no sender"}]}}]}]},
        {"entry": [None, {"changes": None}]},
    ],
)
def test_malformed_payloads_get_200_and_store_nothing(world, post_webhook, payload):
    assert post_webhook(payload).status_code == 200
    assert not Message.objects.exists()


def test_invalid_json_with_a_valid_signature_gets_200(world, post_webhook):
    assert post_webhook(None, raw=b"{not json").status_code == 200


def test_error_payload_is_logged_and_acknowledged(world, post_webhook):
    payload = whatsapp_payload(errors=[{"code": 131047, "title": "Re-engagement message"}])
    response = post_webhook(payload)
    assert response.status_code == 200
    assert json.loads(response.content)["errors"] == 1


def test_message_for_an_unknown_number_is_ignored(world, post_webhook):
    response = post_webhook(whatsapp_payload(text_message("ciao"), phone_number_id="999"))
    assert response.status_code == 200
    assert not Message.objects.exists()


def test_status_updates_move_forward_only_and_failures_keep_the_error(world):
    services.whatsapp_ingest(whatsapp_payload(text_message("ciao")))
    conversation = Conversation.objects.get()
    reply = Message.objects.create(
        conversation=conversation,
        channel="whatsapp",
        direction="out",
        body="ok",
        external_id="wamid.OUT",
        status="sent",
    )

    def status(value, **extra):
        services.whatsapp_ingest(whatsapp_payload(statuses=[{"id": "wamid.OUT", "status": value, **extra}]))
        reply.refresh_from_db()
        return reply.status

    assert status("read") == "read"
    assert status("delivered") == "read"
    assert status("failed", errors=[{"code": 131047, "title": "Re-engagement message"}]) == "failed"
    assert "131047" in reply.error
    services.whatsapp_ingest(whatsapp_payload(statuses=[{"id": "wamid.UNKNOWN", "status": "read"}]))


# --- replies to a fake Graph API on loopback ------------------------------------------------------------


class FakeGraph:
    """A real HTTP server on 127.0.0.1 that answers like the Graph API and records what it received."""

    def __init__(self, fail_with: dict | None = None):
        self.requests: list[dict] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length", 0))
                outer.requests.append(
                    {
                        "path": self.path,
                        "authorization": self.headers.get("Authorization"),
                        "json": json.loads(self.rfile.read(length)),
                    }
                )
                if outer.fail_with:
                    status, body = 400, {"error": outer.fail_with}
                else:
                    status, body = (
                        200,
                        {
                            "messaging_product": "whatsapp",
                            "contacts": [{"input": "393331234567", "wa_id": "393331234567"}],
                            "messages": [{"id": f"wamid.SENT{len(outer.requests)}"}],
                        },
                    )
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.fail_with = fail_with
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def graph(settings):
    with FakeGraph() as fake:
        settings.CIVICA_WHATSAPP_GRAPH_URL = fake.url
        yield fake


def _conversation(world, body="Ciao", **message):
    services.whatsapp_ingest(whatsapp_payload(text_message(body, **message)))
    return Conversation.objects.get()


def test_reply_within_24_hours_is_free_text_sent_to_the_graph_api(world, graph, django_capture_on_commit_callbacks):
    conversation = _conversation(world)
    with django_capture_on_commit_callbacks(execute=True):
        services.conversation_reply(actor=world["volunteer"], conversation=conversation, body="Ciao, sono qui.")
    [sent] = graph.requests
    assert sent["path"] == f"/v21.0/{world['helpline'].whatsapp_phone_number_id}/messages"
    assert sent["authorization"] == "Bearer test-bearer-token"
    assert sent["json"]["messaging_product"] == "whatsapp"
    assert sent["json"]["to"] == "393331234567"
    assert sent["json"]["type"] == "text"
    assert sent["json"]["text"]["body"] == "Ciao, sono qui."
    reply = Message.objects.get(direction="out")
    assert (reply.status, reply.external_id) == ("sent", "wamid.SENT1")
    conversation.refresh_from_db()
    assert conversation.state == "waiting" and conversation.first_response_at is not None
    assert conversation.assigned_to == world["volunteer"]


def test_after_24_hours_free_text_is_refused_and_the_template_is_sent(world, graph, django_capture_on_commit_callbacks):
    conversation = _conversation(world)
    Conversation.objects.filter(pk=conversation.pk).update(last_inbound_at=timezone.now() - timedelta(hours=25))
    conversation.refresh_from_db()
    with pytest.raises(ValidationError) as refused:
        services.conversation_reply(actor=world["volunteer"], conversation=conversation, body="Ci sei?")
    assert "24 hours" in str(refused.value)
    assert not graph.requests
    with django_capture_on_commit_callbacks(execute=True):
        services.conversation_reply(actor=world["volunteer"], conversation=conversation, body="", use_template=True)
    [sent] = graph.requests
    assert sent["json"]["type"] == "template"
    assert sent["json"]["template"] == {"name": "risposta_helpline", "language": {"code": "it"}}


def test_graph_api_error_marks_the_reply_failed(world, settings, django_capture_on_commit_callbacks):
    error = {"message": "Re-engagement message", "type": "OAuthException", "code": 131047}
    with FakeGraph(fail_with=error) as fake:
        settings.CIVICA_WHATSAPP_GRAPH_URL = fake.url
        conversation = _conversation(world)
        with django_capture_on_commit_callbacks(execute=True):
            services.conversation_reply(actor=world["volunteer"], conversation=conversation, body="Ciao")
    reply = Message.objects.get(direction="out")
    assert reply.status == "failed"
    assert "131047" in reply.error


def test_unreachable_graph_api_marks_the_reply_failed(world, django_capture_on_commit_callbacks):
    conversation = _conversation(world)
    with django_capture_on_commit_callbacks(execute=True):
        services.conversation_reply(actor=world["volunteer"], conversation=conversation, body="Ciao")
    assert Message.objects.get(direction="out").status == "failed"
