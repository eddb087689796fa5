"""The helpline's sensitive fields are encrypted at rest (core.crypto): message bodies, sanitised HTML,
internal notes, the person's contact and name. A SELECT straight from the tables shows none of them;
the console, the API, replies and escalation still read them; conversations are found by a blind
index of the contact that survives key rotation; `migrate` encrypts rows written before."""

from email.message import EmailMessage

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from civica.core import crypto
from civica.core.models import AuditEvent
from civica.helpline import safety, selectors, services
from civica.helpline.models import Conversation, InternalNote, Message

from .conftest import text_message, whatsapp_payload

BODY = "Mio padre mi picchia quando beve"
NAME = "Luca Bianchi"
NUMBER = "393331234567"
NOTE = "Valutare segnalazione ai servizi sociali"
EMAIL_TEXT = "Non riesco più ad andare a scuola"
EMAIL_HTML_WORDS = "nessuno lo sa"
SENDER = "chiara.rossi@example.org"


def raw(table: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {table}")  # noqa: S608 - a fixed table name
        return repr(cursor.fetchall())


def _email(sender=SENDER, to="ascolto@sos.example", message_id="<m1@example.org>", **headers) -> bytes:
    message = EmailMessage()
    message["From"] = f"Chiara Rossi <{sender}>"
    message["To"] = to
    message["Subject"] = "Aiuto"
    message["Message-ID"] = message_id
    for name, value in headers.items():
        message[name.replace("_", "-")] = value
    message.set_content(EMAIL_TEXT)
    message.add_alternative(f"<p>{EMAIL_TEXT}, <b>{EMAIL_HTML_WORDS}</b></p>", subtype="html")
    return message.as_bytes()


@pytest.fixture
def talk(world):
    """A WhatsApp conversation with a risky message and an internal note, and an e-mail one with HTML."""
    payload = whatsapp_payload(
        text_message(BODY, sender=NUMBER), contacts=[{"profile": {"name": NAME}, "wa_id": NUMBER}]
    )
    services.whatsapp_ingest(payload)
    whatsapp = Conversation.objects.get(channel="whatsapp")
    services.note_add(actor=world["counsellor"], conversation=whatsapp, body=NOTE)
    assert services.email_ingest(_email())["result"] == "stored"
    return whatsapp, Conversation.objects.get(channel="email")


@pytest.mark.django_db
def test_the_raw_database_holds_no_body_note_name_or_contact_in_clear(talk):
    tables = raw("helpline_conversation") + raw("helpline_message") + raw("helpline_internalnote")
    for clear in (BODY, "picchia", NAME, NUMBER, NOTE, EMAIL_TEXT, EMAIL_HTML_WORDS, SENDER, "Chiara Rossi"):
        assert clear not in tables, clear
    assert "gAAAAA" in tables  # Fernet tokens
    # The blind index is stored instead: a keyed digest, not the number.
    whatsapp, email = talk
    assert whatsapp.contact_digest == safety.contact_digest("+" + NUMBER) and len(whatsapp.contact_digest) == 64
    assert email.contact_digest == safety.contact_digest(SENDER) != whatsapp.contact_digest
    trail = repr(list(AuditEvent.objects.values_list("before", "after", "record_label")))
    assert NUMBER not in trail and NAME not in trail and NOTE not in trail and SENDER not in trail
    # What was read prints as a placeholder, never as its content.
    assert str(Message.objects.filter(conversation=whatsapp).get().body) == crypto.PLACEHOLDER
    assert NOTE not in repr(InternalNote.objects.get().__dict__)


@pytest.mark.django_db
def test_the_console_still_shows_messages_and_notes_and_contacts_only_to_who_may_see_them(client, world, talk):
    whatsapp, email = talk
    url = reverse("helpline:conversation", kwargs={"uuid": whatsapp.uuid})
    client.force_login(world["volunteer"])
    page = client.get(url).content.decode()
    assert BODY in page and NOTE in page
    assert "•••567" in page  # masked for an operator without `sees_contacts`
    assert NUMBER not in page and NAME not in page and crypto.PLACEHOLDER not in page
    assert client.post(url, {"action": "reveal"}).status_code == 404
    client.force_login(world["counsellor"])
    revealed = client.post(url, {"action": "reveal"}).content.decode()
    assert "+" + NUMBER in revealed and NAME in revealed
    polled = client.get(reverse("helpline:conversation_messages", kwargs={"uuid": email.uuid})).content.decode()
    assert EMAIL_TEXT in polled and crypto.PLACEHOLDER not in polled


@pytest.mark.django_db
def test_replies_and_escalation_read_the_clear_text(world, talk, mailoutbox, django_capture_on_commit_callbacks):
    whatsapp, email = talk
    with django_capture_on_commit_callbacks(execute=True):
        services.conversation_reply(actor=world["counsellor"], conversation=email, body="Ti ascoltiamo")
    [sent] = mailoutbox
    assert sent.to == [SENDER] and sent.body == "Ti ascoltiamo"
    reference = services.conversation_escalate(actor=world["counsellor"], conversation=whatsapp)
    text = services.transcript(Conversation.objects.get(pk=whatsapp.pk))
    assert reference and BODY in text and NOTE in text
    assert NUMBER not in text and "•••567" in text  # the contact stays masked in the case


@pytest.mark.django_db
def test_threading_by_sender_and_whatsapp_lookups_use_the_blind_index(world, talk):
    whatsapp, email = talk
    # The same number, written another way, is the same person.
    for written in ("+" + NUMBER, "+39 333 123 4567"):
        assert (
            selectors.open_conversation_with(helpline=world["helpline"], channel="whatsapp", contact=written)
            == whatsapp
        )
    services.whatsapp_ingest(whatsapp_payload(text_message("ci sei?", wamid="wamid.B2", sender=NUMBER)))
    services.whatsapp_ingest(whatsapp_payload(text_message("ci sei?", wamid="wamid.B2", sender=NUMBER)))  # again
    assert Conversation.objects.filter(channel="whatsapp").count() == 1
    assert whatsapp.messages.filter(direction="in").count() == 2
    # An answer by e-mail with the signed token threads when the sender is the person, whatever the case.
    address = services.email_reply_address(email)
    threaded = services.email_ingest(_email(sender=SENDER.upper(), to=address, message_id="<m2@example.org>"))
    assert threaded["threaded"] and threaded["conversation"] == email.reference
    other = services.email_ingest(_email(sender="intruso@example.net", to=address, message_id="<m3@example.org>"))
    assert not other["threaded"] and other["conversation"] != email.reference
    # Another helpline never finds this person's conversation.
    assert selectors.open_conversation_with(helpline=world["other_helpline"], channel="email", contact=SENDER) is None


@pytest.mark.django_db
def test_rotate_keys_re_encrypts_helpline_rows_and_the_blind_index_stays(world, settings, capsys):
    settings.CIVICA_ENCRYPTION_KEYS = ["the-old-helpline-key"]
    services.whatsapp_ingest(whatsapp_payload(text_message(BODY, sender=NUMBER)))
    conversation = Conversation.objects.get()
    services.note_add(actor=world["counsellor"], conversation=conversation, body=NOTE)
    token, digest = Message.objects.get().body.token, conversation.contact_digest
    settings.CIVICA_ENCRYPTION_KEYS = [crypto.generate_key(), "the-old-helpline-key"]
    call_command("rotate_keys")
    out = capsys.readouterr().out
    assert "helpline.Message: 1 value(s) re-encrypted" in out
    assert "helpline.InternalNote: 1 value(s) re-encrypted" in out
    assert "helpline.Conversation: 2 value(s) re-encrypted" in out  # contact and name
    settings.CIVICA_ENCRYPTION_KEYS = settings.CIVICA_ENCRYPTION_KEYS[:1]  # the old key is gone
    message = Message.objects.get()
    assert message.body.token != token and message.body.reveal() == BODY
    assert InternalNote.objects.get().body.reveal() == NOTE
    # The blind index does not depend on the encryption keys: lookups work as before.
    assert Conversation.objects.get().contact_digest == digest == safety.contact_digest("+" + NUMBER)
    services.whatsapp_ingest(whatsapp_payload(text_message("ancora", wamid="wamid.C3", sender=NUMBER)))
    assert Conversation.objects.count() == 1


@pytest.mark.django_db
def test_the_blind_index_key_is_its_own_setting(settings, monkeypatch):
    monkeypatch.delenv("CIVICA_BLIND_INDEX_KEY", raising=False)
    settings.CIVICA_BLIND_INDEX_KEY = ""
    assert [w.id for w in crypto.check_blind_index_key()] == ["civica.W002"]  # `check --deploy` warns
    before = safety.contact_digest(SENDER)
    settings.CIVICA_ENCRYPTION_KEYS = [crypto.generate_key()]
    assert safety.contact_digest(SENDER) == before
    settings.CIVICA_BLIND_INDEX_KEY = "a-separate-blind-index-key"
    assert safety.contact_digest(SENDER) != before
    assert crypto.check_blind_index_key() == []
    assert crypto.blind_index(SENDER, "helpline.contact") != crypto.blind_index(SENDER, "another.purpose")
    assert safety.contact_digest("") == ""


@pytest.mark.django_db(transaction=True)
def test_migrating_a_database_with_clear_rows_encrypts_them(world):
    """Rows written before 0002 (in clear) are encrypted and indexed by `migrate`; going back decrypts."""
    executor = MigrationExecutor(connection)
    # Forward to the newest helpline migration (0002 encrypts; later ones add columns the models read).
    before, after = [("helpline", "0001_initial")], executor.loader.graph.leaf_nodes("helpline")
    executor.migrate(before)
    try:
        old = executor.loader.project_state(before).apps
        conversation = old.get_model("helpline", "Conversation").objects.create(
            helpline_id=world["helpline"].pk,
            reference="HL-OLD1-ROWS",
            channel="whatsapp",
            contact_address="+" + NUMBER,
            contact_name=NAME,
        )
        old.get_model("helpline", "Message").objects.create(
            conversation_id=conversation.pk, channel="whatsapp", direction="in", body=BODY, html_sanitised=""
        )
        old.get_model("helpline", "InternalNote").objects.create(conversation_id=conversation.pk, body=NOTE)
        assert NUMBER in raw("helpline_conversation") and BODY in raw("helpline_message")
    finally:
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(after)
    tables = raw("helpline_conversation") + raw("helpline_message") + raw("helpline_internalnote")
    assert NUMBER not in tables and NAME not in tables and BODY not in tables and NOTE not in tables
    migrated = Conversation.objects.get(reference="HL-OLD1-ROWS")
    assert crypto.reveal(migrated.contact_address) == "+" + NUMBER and crypto.reveal(migrated.contact_name) == NAME
    assert crypto.reveal(migrated.messages.get().body) == BODY and crypto.reveal(migrated.notes.get().body) == NOTE
    assert selectors.open_conversation_with(helpline=world["helpline"], channel="whatsapp", contact="+" + NUMBER) == (
        migrated
    )
    # Back to 0001: the values are clear again for the old code; forward again: encrypted once more.
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    try:
        assert BODY in raw("helpline_message") and NAME in raw("helpline_conversation")
    finally:
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(after)
    assert BODY not in raw("helpline_message")
    assert crypto.reveal(Message.objects.get(conversation__reference="HL-OLD1-ROWS").body) == BODY
