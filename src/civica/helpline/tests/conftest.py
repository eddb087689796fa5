import hashlib
import hmac
import json

import pytest

APP_SECRET = "test-app-secret"
VERIFY_TOKEN = "test-verify-token"
PHONE_NUMBER_ID = "106540352242922"


@pytest.fixture(autouse=True)
def whatsapp_settings(settings):
    settings.CIVICA_WHATSAPP_APP_SECRET = APP_SECRET
    settings.CIVICA_WHATSAPP_VERIFY_TOKEN = VERIFY_TOKEN
    settings.CIVICA_WHATSAPP_TOKEN = "test-bearer-token"
    # Nothing leaves the machine unless a test starts the fake Graph API and points here at it.
    settings.CIVICA_WHATSAPP_GRAPH_URL = "http://127.0.0.1:9"
    settings.CIVICA_WHATSAPP_TIMEOUT_SECONDS = 2
    return settings


@pytest.fixture
def world(make_organisation, make_member):
    """The S.O.S. helpline of an Italian organisation: its coordinator (organisation administrator), a
    counsellor (staff), a volunteer (member); another organisation with its own helpline and
    coordinator; a member of the organisation who answers for no helpline."""
    from civica.helpline import services

    ours = make_organisation(name="S.O.S. Amico Giovani", slug="sos", country="IT", kind="centre", language="it")
    theirs = make_organisation(name="Altro centro", slug="altro", country="IT", kind="centre")
    coordinator = make_member(ours, role="admin", email="coordinator@sos.example", first_name="Giulia")
    counsellor = make_member(ours, role="staff", email="counsellor@sos.example", first_name="Paolo")
    volunteer = make_member(ours, role="member", email="volunteer@sos.example", first_name="Sara")
    bystander = make_member(ours, role="member", email="bystander@sos.example")
    other = make_member(theirs, role="admin", email="coordinator@altro.example")
    helpline = services.helpline_create(
        actor=coordinator,
        organisation=ours,
        data={
            "name": "S.O.S. Amico Giovani",
            "whatsapp_phone_number_id": PHONE_NUMBER_ID,
            "whatsapp_template": "risposta_helpline",
            "email_address": "ascolto@sos.example",
            "open_weekdays": [0, 1, 2, 3, 4, 5, 6],
            "opens_at": "00:00",
            "closes_at": "23:59",
        },
    )
    services.operator_add(actor=coordinator, helpline=helpline, user=counsellor, role="counsellor", sees_contacts=True)
    services.operator_add(actor=coordinator, helpline=helpline, user=volunteer, role="volunteer")
    other_helpline = services.helpline_create(
        actor=other, organisation=theirs, data={"name": "Altra linea", "email_address": "linea@altro.example"}
    )
    for person in (coordinator, counsellor, volunteer):
        services.availability_set(actor=person, helpline=helpline, available=True)
    return {
        "organisation": ours,
        "helpline": helpline,
        "other_helpline": other_helpline,
        "coordinator": coordinator,
        "counsellor": counsellor,
        "volunteer": volunteer,
        "bystander": bystander,
        "other": other,
    }


def sign(body: bytes, secret: str = APP_SECRET) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def whatsapp_payload(*messages, statuses=(), phone_number_id=PHONE_NUMBER_ID, contacts=None, errors=None) -> dict:
    value = {
        "messaging_product": "whatsapp",
        "metadata": {"display_phone_number": "390612345678", "phone_number_id": phone_number_id},
    }
    if messages:
        value["contacts"] = contacts or [{"profile": {"name": "Luca"}, "wa_id": messages[0]["from"]}]
        value["messages"] = list(messages)
    if statuses:
        value["statuses"] = list(statuses)
    if errors:
        value["errors"] = errors
    return {
        "object": "whatsapp_business_account",
        "entry": [{"id": "WABA", "changes": [{"field": "messages", "value": value}]}],
    }


def text_message(
    body: str, wamid: str = "wamid.A1", sender: str = "393331234567", timestamp: int | None = None
) -> dict:
    import time

    return {
        "from": sender,
        "id": wamid,
        "timestamp": str(timestamp or int(time.time())),
        "type": "text",
        "text": {"body": body},
    }


@pytest.fixture
def post_webhook(client):
    def post(payload, signature: str | None = "auto", raw: bytes | None = None):
        body = raw if raw is not None else json.dumps(payload).encode()
        headers = {}
        if signature == "auto":
            headers["HTTP_X_HUB_SIGNATURE_256"] = sign(body)
        elif signature is not None:
            headers["HTTP_X_HUB_SIGNATURE_256"] = signature
        return client.post("/helpline/whatsapp/webhook", data=body, content_type="application/json", **headers)

    return post
