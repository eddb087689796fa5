"""The operator console and the web chat through their pages: the permission matrix, the journey
(answer, tag, escalate, close), bad input, query counts."""

import re

import pytest
from django.core.cache import cache
from django.urls import reverse

from civica.core import crypto
from civica.core.models import AccessLogEntry
from civica.helpline import services
from civica.helpline.models import Conversation, Message

from .conftest import text_message, whatsapp_payload


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()


@pytest.fixture
def conversation(world):
    services.whatsapp_ingest(whatsapp_payload(text_message("Ho litigato con i miei genitori")))
    return Conversation.objects.get(helpline=world["helpline"])


@pytest.fixture
def other_conversation(world):
    conversation, _token = services.web_start(helpline=world["other_helpline"], body="Altro")
    return conversation


def _people(world):
    return {
        "volunteer": world["volunteer"],
        "counsellor": world["counsellor"],
        "coordinator": world["coordinator"],
        "other_organisation": world["other"],
        "organisation_member": world["bystander"],
        "anonymous": None,
    }


# role -> (console, conversation, reports, escalate, see contact)
MATRIX = {
    "volunteer": (200, 200, 404, 404, 404),
    "counsellor": (200, 200, 200, 302, 200),
    "coordinator": (200, 200, 200, 302, 200),
    "other_organisation": (404, 404, 404, 404, 404),
    "organisation_member": (404, 404, 404, 404, 404),
    "anonymous": (302, 302, 302, 302, 302),
}


@pytest.mark.parametrize("role", list(MATRIX))
def test_permission_matrix(client, world, conversation, role):
    person = _people(world)[role]
    if person is not None:
        client.force_login(person)
    helpline = world["helpline"]
    console, page, reports, escalate, reveal = MATRIX[role]
    assert client.get(reverse("helpline:console", kwargs={"uuid": helpline.uuid})).status_code == console
    assert client.get(reverse("helpline:conversation", kwargs={"uuid": conversation.uuid})).status_code == page
    assert client.get(reverse("helpline:conversation_messages", kwargs={"uuid": conversation.uuid})).status_code == page
    assert client.get(reverse("helpline:reports", kwargs={"uuid": helpline.uuid})).status_code == reports
    url = reverse("helpline:conversation", kwargs={"uuid": conversation.uuid})
    response = client.post(url, {"action": "reveal"})
    assert response.status_code == reveal
    if reveal == 200:
        assert b"+393331234567" in response.content
    response = client.post(url, {"action": "escalate", "escalate-title": "Conflitto familiare"})
    assert response.status_code == escalate
    conversation.refresh_from_db()
    assert bool(conversation.case_reference) == (escalate == 302 and person is not None)


@pytest.mark.parametrize("role", ["volunteer", "counsellor", "coordinator"])
def test_another_organisations_conversation_is_404_for_every_action(client, world, other_conversation, role):
    client.force_login(world[role])
    url = reverse("helpline:conversation", kwargs={"uuid": other_conversation.uuid})
    assert client.get(url).status_code == 404
    for action in ("reply", "note", "tags", "flags", "take", "close", "escalate", "reveal"):
        assert client.post(url, {"action": action, "reply-body": "x", "note-body": "x"}).status_code == 404
    assert client.get(reverse("helpline:console", kwargs={"uuid": world["other_helpline"].uuid})).status_code == 404
    other_conversation.refresh_from_db()
    assert other_conversation.messages.exclude(direction="auto").count() == 1
    assert not other_conversation.notes.exists()


def test_contact_is_masked_by_default_and_reveals_are_logged(client, world, conversation):
    client.force_login(world["volunteer"])
    page = client.get(reverse("helpline:conversation", kwargs={"uuid": conversation.uuid}))
    assert b"+393331234567" not in page.content and b"567" in page.content
    assert "Show the contact" not in page.content.decode()
    client.force_login(world["counsellor"])
    client.post(reverse("helpline:conversation", kwargs={"uuid": conversation.uuid}), {"action": "reveal"})
    entry = AccessLogEntry.objects.get(record_uuid=conversation.uuid, reason="contact")
    assert entry.actor == world["counsellor"]
    assert AccessLogEntry.objects.filter(record_uuid=conversation.uuid, reason="conversation").count() == 1


def test_operator_journey_answer_tag_escalate_close(client, world, conversation, django_capture_on_commit_callbacks):
    client.force_login(world["counsellor"])
    url = reverse("helpline:conversation", kwargs={"uuid": conversation.uuid})
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"action": "reply", "reply-body": "Ciao, raccontami."}).status_code == 302
    assert client.post(url, {"action": "tags", "tags-tags": "Famiglia, conflitto, famiglia"}).status_code == 302
    assert client.post(url, {"action": "note", "note-body": "Da seguire domani."}).status_code == 302
    assert client.post(url, {"action": "flags", "flags-is_minor": "on"}).status_code == 302
    assert client.post(url, {"action": "escalate", "escalate-title": ""}).status_code == 302
    assert client.post(url, {"action": "close"}).status_code == 302
    conversation.refresh_from_db()
    assert conversation.tags == ["famiglia", "conflitto"]
    assert conversation.is_minor and conversation.state == "closed" and conversation.closed_at
    assert re.fullmatch(r"HE-\d{4}-\d{6}", conversation.case_reference)
    case_page = client.get(reverse("cases:detail", kwargs={"reference": conversation.case_reference}))
    assert case_page.status_code == 200
    assert "Ho litigato con i miei genitori" in case_page.content.decode()
    assert "+393331234567" not in case_page.content.decode()
    assert client.post(url, {"action": "reopen"}).status_code == 302
    conversation.refresh_from_db()
    assert conversation.state == "open"


def test_empty_answer_is_refused_with_a_message_and_nothing_sent(client, world, conversation):
    client.force_login(world["volunteer"])
    url = reverse("helpline:conversation", kwargs={"uuid": conversation.uuid})
    response = client.post(url, {"action": "reply", "reply-body": "   "})
    assert response.status_code == 400
    assert "Write the answer first." in response.content.decode()
    assert not Message.objects.filter(direction="out").exists()
    response = client.post(url, {"action": "note", "note-body": ""})
    assert response.status_code == 400 and "Write the note first." in response.content.decode()


def test_quick_reply_fills_an_empty_answer(client, world, conversation, django_capture_on_commit_callbacks):
    reply = services.quick_reply_save(
        actor=world["coordinator"],
        helpline=world["helpline"],
        key="welcome",
        language="it",
        title="Benvenuto",
        body="Ciao, grazie di averci scritto.",
    )
    client.force_login(world["volunteer"])
    url = reverse("helpline:conversation", kwargs={"uuid": conversation.uuid})
    assert "Benvenuto" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"action": "reply", "reply-quick_reply": str(reply.uuid), "reply-body": ""})
    assert crypto.reveal(Message.objects.get(direction="out").body) == "Ciao, grazie di averci scritto."


def test_volunteers_take_conversations_but_do_not_give_them_to_others(client, world, conversation):
    client.force_login(world["volunteer"])
    url = reverse("helpline:conversation", kwargs={"uuid": conversation.uuid})
    client.post(url, {"action": "take"})
    conversation.refresh_from_db()
    assert conversation.assigned_to == world["volunteer"] and conversation.state == "open"
    response = client.post(url, {"action": "assign", "assign-operator": str(world["counsellor"].uuid)})
    assert response.status_code == 404
    client.force_login(world["coordinator"])
    client.post(url, {"action": "assign", "assign-operator": str(world["counsellor"].uuid)})
    conversation.refresh_from_db()
    assert conversation.assigned_to == world["counsellor"]


def test_console_filters_by_channel_state_and_flag(client, world, conversation):
    services.web_start(helpline=world["helpline"], body="Voglio farla finita")
    client.force_login(world["volunteer"])
    url = reverse("helpline:console", kwargs={"uuid": world["helpline"].uuid})
    assert client.get(url).context["page"].paginator.count == 2
    assert client.get(url, {"f-channel": "web"}).context["page"].paginator.count == 1
    risky = client.get(url, {"f-flag": "risk"}).context["page"]
    assert [c.channel for c in risky] == ["web"]
    assert client.get(url, {"f-state": "closed"}).context["page"].paginator.count == 0
    services.conversation_tag(actor=world["volunteer"], conversation=conversation, tags="σχολείο, famiglia")
    assert [c.pk for c in client.get(url, {"f-tag": "σχολείο"}).context["page"]] == [conversation.pk]
    assert [c.pk for c in client.get(url, {"f-tag": "famiglia"}).context["page"]] == [conversation.pk]
    assert client.get(url, {"f-tag": "famig"}).context["page"].paginator.count == 0
    fragment = client.get(url, HTTP_HX_REQUEST="true")
    assert b"<html" not in fragment.content and b"conversation-list" in fragment.content


def test_query_counts_do_not_grow_with_data(client, world, django_assert_max_num_queries):
    def pages():
        conversation = Conversation.objects.filter(helpline=world["helpline"]).first()
        return [
            reverse("helpline:console", kwargs={"uuid": world["helpline"].uuid}),
            reverse("helpline:conversation", kwargs={"uuid": conversation.uuid}),
            reverse("helpline:reports", kwargs={"uuid": world["helpline"].uuid}),
        ]

    def add(count, start):
        for i in range(count):
            services.whatsapp_ingest(
                whatsapp_payload(
                    text_message(f"messaggio {i}", wamid=f"wamid.{start + i}", sender=f"39333{start + i:07d}")
                )
            )

    client.force_login(world["coordinator"])
    add(3, 0)
    counts = []
    for url in pages():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as small:
            assert client.get(url).status_code == 200
        counts.append(len(small.captured_queries))
    add(30, 100)
    for url, expected in zip(pages(), counts, strict=True):
        with django_assert_max_num_queries(expected):
            assert client.get(url).status_code == 200


def test_report_is_one_query(world, django_assert_num_queries):
    from civica.helpline import selectors

    for i in range(5):
        services.web_start(helpline=world["helpline"], body=f"ciao {i}")
    selectors.operator_of(world["coordinator"], world["helpline"])
    with django_assert_num_queries(1):
        report = selectors.report(user=world["coordinator"], helpline=world["helpline"])
    assert report["total"] == 5
    assert dict(report["by_channel"])["Web chat"] == 5


# --- the web chat -------------------------------------------------------------------------------------


def test_web_chat_gives_a_private_link_to_continue(client, world):
    url = reverse("helpline:chat_start", kwargs={"uuid": world["helpline"].uuid})
    assert client.get(url).status_code == 200
    response = client.post(url, {"chat-name": "Ale", "chat-body": "Mi sento solo", "chat-is_minor": "on"})
    assert response.status_code == 302
    link = response["Location"]
    conversation = Conversation.objects.get(channel="web")
    assert conversation.is_minor and crypto.reveal(conversation.contact_name) == "Ale"
    assert str(conversation.uuid) not in link  # the link is signed, not the bare id
    assert client.post(link, {"chat-body": "Ci siete?"}).status_code == 302
    assert [crypto.reveal(b) for b in conversation.messages.values_list("body", flat=True)] == [
        "Mi sento solo",
        "Ci siete?",
    ]
    page = client.get(link)
    assert "Mi sento solo" in page.content.decode()
    assert client.get(link + "messages/").status_code == 200


def test_web_chat_link_cannot_be_guessed_or_altered(client, world):
    conversation, token = services.web_start(helpline=world["helpline"], body="ciao")
    assert client.get(reverse("helpline:chat", kwargs={"token": token})).status_code == 200
    assert client.get(reverse("helpline:chat", kwargs={"token": token[:-2] + "xx"})).status_code == 404
    assert client.get(reverse("helpline:chat", kwargs={"token": str(conversation.uuid)})).status_code == 404


def test_web_chat_honeypot_stores_nothing(client, world):
    url = reverse("helpline:chat_start", kwargs={"uuid": world["helpline"].uuid})
    response = client.post(url, {"chat-body": "spam", "chat-website": "http://spam.example"})
    assert response.status_code == 200
    assert not Conversation.objects.exists()


def test_web_chat_rate_limit(client, world, settings):
    settings.CIVICA_HELPLINE_WEB_RATE = 2
    url = reverse("helpline:chat_start", kwargs={"uuid": world["helpline"].uuid})
    for _i in range(2):
        assert client.post(url, {"chat-body": "ciao"}).status_code == 302
    response = client.post(url, {"chat-body": "ancora"})
    assert response.status_code == 429
    assert "ancora" in response.content.decode()  # what the person typed is kept
    assert Conversation.objects.count() == 2


def test_web_chat_empty_message_is_refused_and_kept(client, world):
    url = reverse("helpline:chat_start", kwargs={"uuid": world["helpline"].uuid})
    response = client.post(url, {"chat-name": "Ale", "chat-body": ""})
    assert response.status_code == 400
    assert "Write your message first." in response.content.decode()
    assert 'value="Ale"' in response.content.decode()


def test_risk_words_show_emergency_numbers_to_the_person_and_the_operator(client, world):
    conversation, token = services.web_start(helpline=world["helpline"], body="Non ce la faccio più, voglio morire")
    conversation.refresh_from_db()
    assert conversation.at_risk
    page = client.get(reverse("helpline:chat", kwargs={"token": token})).content.decode()
    assert "112" in page and "19696" in page
    client.force_login(world["volunteer"])
    page = client.get(reverse("helpline:conversation", kwargs={"uuid": conversation.uuid})).content.decode()
    assert "112" in page and "1522" in page


def test_closed_web_chat_is_404_for_a_disabled_helpline(client, world):
    helpline = world["helpline"]
    helpline.web_chat_enabled = False
    helpline.save()
    assert client.get(reverse("helpline:chat_start", kwargs={"uuid": helpline.uuid})).status_code == 404


def test_coordinator_sets_hours_emergency_numbers_and_quick_replies(client, world):
    helpline = world["helpline"]
    url = reverse("helpline:settings", kwargs={"uuid": helpline.uuid})
    for role in ("volunteer", "counsellor", "other"):
        client.force_login(world[role])
        assert client.get(url).status_code == 404
    client.force_login(world["coordinator"])
    assert client.get(url).status_code == 200
    data = {
        "form": "settings",
        "settings-open_weekdays": ["0", "2", "4"],
        "settings-opens_at": "15:00",
        "settings-closes_at": "20:00",
        "settings-outside_hours_message": "Siamo chiusi.",
        "settings-emergency_numbers": "Telefono Azzurro: 19696\nLinea locale: 800 123 456",
        "settings-retention_days": "180",
        "settings-whatsapp_template": "ripresa",
        "settings-web_chat_enabled": "on",
    }
    assert client.post(url, data).status_code == 302
    helpline.refresh_from_db()
    assert helpline.open_weekdays == [0, 2, 4] and str(helpline.opens_at) == "15:00:00"
    assert helpline.emergency_numbers[1] == {"label": "Linea locale", "number": "800 123 456"}
    assert helpline.retention_days == 180
    bad = client.post(url, {**data, "settings-emergency_numbers": "no number here", "settings-closes_at": "10:00"})
    assert bad.status_code == 400 and "Line 1" in bad.content.decode()
    assert "no number here" in bad.content.decode()
    bad = client.post(url, {**data, "settings-closes_at": "10:00"})
    assert bad.status_code == 400 and "close after it opens" in bad.content.decode()
    helpline.refresh_from_db()
    assert str(helpline.closes_at) == "20:00:00"
    reply = {
        "form": "reply",
        "quick-key": "welcome",
        "quick-language": "el",
        "quick-title": "Καλωσόρισμα",
        "quick-body": "Γεια",
    }
    assert client.post(url, reply).status_code == 302
    assert helpline.quick_replies.get(key="welcome", language="el").body == "Γεια"
