"""Safety (risk words, masking, emergency numbers), the automatic answer outside hours, and the periodic
jobs: the 23-hour WhatsApp reminder and anonymisation after the retention period."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from civica.core import crypto, periodic
from civica.core.models import Notice
from civica.helpline import safety, selectors, services
from civica.helpline.models import Conversation, Message

from .conftest import text_message, whatsapp_payload


@pytest.mark.parametrize(
    "text",
    [
        "Penso al suicidio",
        "voglio morire",
        "I want to KILL MYSELF",
        "Mă gândesc să mă sinucid",
        "σκέφτομαι να αυτοκτονήσω",
        "mio padre mi picchia",
        "Ho subito violenza",
    ],
)
def test_risk_words_in_every_language(text):
    assert safety.risk_words_in(text)


@pytest.mark.parametrize("text", ["Ho un compito di matematica", "Abbiamo giocato a calcio", "", "violino"])
def test_ordinary_words_raise_no_flag(text):
    assert not safety.risk_words_in(text)


def test_masking_keeps_only_a_hint():
    assert safety.mask("+393331234567") == "•••••••••567"
    assert safety.mask("chiara.bianchi@example.org") == "c•••@e•••.org"
    assert safety.mask("") == ""


def test_emergency_numbers_put_112_first_then_national_or_configured():
    assert [n["number"] for n in safety.emergency_numbers("IT")][:2] == ["112", "19696"]
    assert [n["number"] for n in safety.emergency_numbers("RO")] == ["112", "116 111", "0800 801 200"]
    configured = [{"label": "Linea locale", "number": "800 123 456"}]
    assert [n["number"] for n in safety.emergency_numbers("IT", configured)] == ["112", "800 123 456"]


def test_risk_words_flag_the_conversation_and_notify_operators_on_duty(world):
    services.whatsapp_ingest(whatsapp_payload(text_message("Stasera voglio farla finita")))
    conversation = Conversation.objects.get()
    assert conversation.at_risk
    assert Notice.objects.filter(user=world["volunteer"], subject__contains=conversation.reference).exists()


def test_outside_hours_the_person_gets_the_automatic_answer_once(world):
    helpline = world["helpline"]
    helpline.open_weekdays = []
    helpline.outside_hours_message = "Siamo chiusi: rispondiamo domani dalle 15. In emergenza chiama il 112."
    helpline.save()
    services.web_start(helpline=helpline, body="ciao")
    conversation = Conversation.objects.get()
    services.web_person_write(conversation=conversation, body="ci siete?")
    automatic = conversation.messages.filter(direction="auto")
    assert [crypto.reveal(m.body) for m in automatic] == [helpline.outside_hours_message]


def test_nobody_available_also_sends_the_automatic_answer(world):
    for person in ("coordinator", "counsellor", "volunteer"):
        services.availability_set(actor=world[person], helpline=world["helpline"], available=False)
    services.web_start(helpline=world["helpline"], body="ciao")
    assert Message.objects.filter(direction="auto").exists()


def test_hours_are_read_in_the_helplines_time_zone(world):
    helpline = world["helpline"]
    helpline.open_weekdays, helpline.opens_at, helpline.closes_at = [0, 1, 2, 3, 4], "15:00", "19:00"
    helpline.save()
    helpline.refresh_from_db()
    monday_16_rome = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)
    assert selectors.is_open(helpline, monday_16_rome)
    assert not selectors.is_open(helpline, monday_16_rome + timedelta(hours=4))
    assert not selectors.is_open(helpline, monday_16_rome - timedelta(days=1))


def test_escalation_needs_a_counsellor_or_the_coordinator(world):
    conversation, _token = services.web_start(helpline=world["helpline"], body="ciao")
    with pytest.raises(PermissionDenied):
        services.conversation_escalate(actor=world["volunteer"], conversation=conversation)
    reference = services.conversation_escalate(actor=world["counsellor"], conversation=conversation, title="Prova")
    assert reference.startswith("HE-")


def _whatsapp_conversation(world, hours_ago: float) -> Conversation:
    services.whatsapp_ingest(whatsapp_payload(text_message("ciao", wamid=f"wamid.{hours_ago}")))
    conversation = Conversation.objects.get()
    services.conversation_assign(actor=world["volunteer"], conversation=conversation, operator_user=world["volunteer"])
    Conversation.objects.filter(pk=conversation.pk).update(last_inbound_at=timezone.now() - timedelta(hours=hours_ago))
    return conversation


def test_reminder_23_hours_after_an_unanswered_whatsapp_message_is_sent_once(world, django_capture_on_commit_callbacks):
    conversation = _whatsapp_conversation(world, 23.2)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert periodic.run_due(only="helpline.whatsapp_reminders") == ["helpline.whatsapp_reminders"]
    assert [m.to for m in mail.outbox] == [[world["volunteer"].email]]
    assert conversation.reference in mail.outbox[0].subject
    with django_capture_on_commit_callbacks(execute=True):
        periodic.run_due(only="helpline.whatsapp_reminders")
    assert len(mail.outbox) == 1


def test_no_reminder_before_23_hours_or_after_an_answer(world):
    conversation = _whatsapp_conversation(world, 10)
    assert services.reminders_send(timezone.now()) == 0
    Conversation.objects.filter(pk=conversation.pk).update(
        last_inbound_at=timezone.now() - timedelta(hours=23.5), last_outbound_at=timezone.now()
    )
    assert services.reminders_send(timezone.now()) == 0


def test_closed_conversations_are_anonymised_after_the_retention_period(world):
    conversation, _token = services.web_start(helpline=world["helpline"], body="Mi chiamo Chiara", name="Chiara")
    services.note_add(actor=world["volunteer"], conversation=conversation, body="Chiara, 15 anni")
    services.conversation_tag(actor=world["volunteer"], conversation=conversation, tags="scuola")
    services.conversation_move(actor=world["volunteer"], conversation=conversation, action="close")
    now = timezone.now()
    assert services.conversations_anonymise(now + timedelta(days=364)) == 0
    periodic.run_due(now + timedelta(days=366), only="helpline.retention")
    conversation.refresh_from_db()
    assert conversation.anonymised_at and conversation.contact_name == "" and conversation.access_key == ""
    assert set(conversation.messages.values_list("body", flat=True)) == {""}
    assert set(conversation.notes.values_list("body", flat=True)) == {""}
    assert conversation.tags == ["scuola"]  # the reports still count the topic
    assert services.conversations_anonymise(now + timedelta(days=367)) == 0


def test_open_conversations_are_never_anonymised(world):
    services.web_start(helpline=world["helpline"], body="ciao")
    assert services.conversations_anonymise(timezone.now() + timedelta(days=5000)) == 0


def test_automatic_answer_by_email_says_it_is_automatic(world, django_capture_on_commit_callbacks):
    helpline = world["helpline"]
    helpline.open_weekdays = []
    helpline.save()
    raw = (
        b"From: chiara@example.org\r\nTo: ascolto@sos.example\r\nSubject: aiuto\r\n"
        b"Message-ID: <auto@example.org>\r\n\r\nCiao"
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.email_ingest(raw)
    [sent] = mail.outbox
    assert sent.extra_headers["Auto-Submitted"] == "auto-replied"
    assert sent.extra_headers["In-Reply-To"] == "<auto@example.org>"
