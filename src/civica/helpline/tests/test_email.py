"""The e-mail channel: a real SMTP client sending to the aiosmtpd gateway on loopback, threading by
headers and by the signed reply token, the sender check, auto-replies, sanitised HTML, outbound headers."""

import imaplib
import smtplib
import socket
from email.message import EmailMessage

import pytest
from django.core import mail

from civica.core import crypto
from civica.helpline import gateways, services
from civica.helpline.models import Conversation, Message


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def gateway(transactional_db):
    port = _free_port()
    controller = gateways.smtp_gateway("127.0.0.1", port)
    controller.start()
    yield port
    controller.stop()


def _email(body="Ciao, ho un problema a scuola.", sender="chiara@example.org", to="ascolto@sos.example", **headers):
    message = EmailMessage()
    message["From"] = f"Chiara <{sender}>"
    message["To"] = to
    message["Subject"] = headers.pop("Subject", "Aiuto")
    message["Message-ID"] = headers.pop("Message_ID", f"<{abs(hash(body + sender))}@example.org>")
    for name, value in headers.items():
        message[name.replace("_", "-")] = value
    message.set_content(body)
    return message


def test_mail_sent_by_smtp_to_the_gateway_becomes_a_conversation(world, gateway):
    with smtplib.SMTP("127.0.0.1", gateway, timeout=10) as client:
        client.send_message(_email())
    conversation = Conversation.objects.get()
    assert (conversation.channel, crypto.reveal(conversation.contact_address), conversation.subject) == (
        "email",
        "chiara@example.org",
        "Aiuto",
    )
    assert crypto.reveal(conversation.messages.get().body) == "Ciao, ho un problema a scuola."


def test_gateway_refuses_addresses_that_are_no_helpline(world, gateway):
    with smtplib.SMTP("127.0.0.1", gateway, timeout=10) as client, pytest.raises(smtplib.SMTPRecipientsRefused):
        client.send_message(_email(to="someone@elsewhere.example"))
    assert not Message.objects.exists()


def test_gateway_ignores_auto_replies(world, gateway):
    with smtplib.SMTP("127.0.0.1", gateway, timeout=10) as client:
        client.send_message(_email(body="Sono in ferie", Auto_Submitted="auto-replied"))
    assert not Message.objects.exists()


@pytest.mark.parametrize(
    "headers",
    [
        {"Auto-Submitted": "auto-replied"},
        {"Auto-Submitted": "auto-generated"},
        {"X-Autoreply": "yes"},
        {"Precedence": "bulk"},
        {"Precedence": "auto_reply"},
        {"X-Auto-Response-Suppress": "All"},
    ],
)
def test_auto_replies_are_ignored(world, headers):
    message = _email()
    for name, value in headers.items():
        message[name] = value
    assert services.email_ingest(message.as_bytes())["result"] == "auto_reply"
    assert not Message.objects.exists()


def test_auto_submitted_no_is_a_person(world):
    message = _email()
    message["Auto-Submitted"] = "no"
    assert services.email_ingest(message.as_bytes())["result"] == "stored"


def _answer(world, django_capture_on_commit_callbacks):
    services.email_ingest(_email(Message_ID="<first@example.org>").as_bytes())
    conversation = Conversation.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        services.conversation_reply(actor=world["volunteer"], conversation=conversation, body="Raccontaci.")
    return conversation, mail.outbox[-1]


def test_answer_goes_out_with_threading_headers_and_a_signed_reply_address(world, django_capture_on_commit_callbacks):
    conversation, sent = _answer(world, django_capture_on_commit_callbacks)
    assert sent.to == ["chiara@example.org"]
    assert sent.extra_headers["In-Reply-To"] == "<first@example.org>"
    assert "<first@example.org>" in sent.extra_headers["References"]
    assert sent.extra_headers["Message-ID"].endswith("@sos.example>")
    [reply_to] = sent.reply_to
    assert reply_to.startswith("ascolto+") and reply_to.endswith("@sos.example")
    assert conversation.reference in sent.subject
    assert Message.objects.get(direction="out").external_id == sent.extra_headers["Message-ID"]


def test_reply_is_threaded_by_in_reply_to(world, django_capture_on_commit_callbacks):
    conversation, sent = _answer(world, django_capture_on_commit_callbacks)
    reply = _email(body="Grazie", Message_ID="<second@example.org>", In_Reply_To=sent.extra_headers["Message-ID"])
    result = services.email_ingest(reply.as_bytes())
    assert result == {"result": "stored", "conversation": conversation.reference, "threaded": True}


def test_reply_is_threaded_by_the_signed_token_without_headers(world, django_capture_on_commit_callbacks):
    conversation, sent = _answer(world, django_capture_on_commit_callbacks)
    reply = _email(body="Nuovo messaggio", Message_ID="<third@example.org>", to=sent.reply_to[0])
    assert services.email_ingest(reply.as_bytes(), [sent.reply_to[0]])["threaded"] is True
    assert conversation.messages.filter(direction="in").count() == 2


def test_forged_token_or_another_sender_starts_a_separate_conversation(world, django_capture_on_commit_callbacks):
    conversation, sent = _answer(world, django_capture_on_commit_callbacks)
    forged = sent.reply_to[0].replace("ascolto+", "ascolto+x")
    services.email_ingest(
        _email(body="forged", Message_ID="<f@x.org>", to=forged, sender="chiara@example.org").as_bytes()
    )
    stranger = _email(
        body="Sono un altro",
        sender="intruso@example.net",
        Message_ID="<s@x.org>",
        In_Reply_To=sent.extra_headers["Message-ID"],
    )
    result = services.email_ingest(stranger.as_bytes(), [sent.reply_to[0]])
    assert result["threaded"] is False
    assert result["conversation"] != conversation.reference
    assert not conversation.messages.filter(body="Sono un altro").exists()
    assert (
        crypto.reveal(Conversation.objects.get(reference=result["conversation"]).contact_address)
        == "intruso@example.net"
    )


def test_the_same_message_id_is_stored_once(world):
    raw = _email(Message_ID="<dup@example.org>").as_bytes()
    assert services.email_ingest(raw)["result"] == "stored"
    assert services.email_ingest(raw)["result"] == "duplicate"
    assert Message.objects.count() == 1


def test_html_is_sanitised_and_the_text_has_no_markup(world):
    message = EmailMessage()
    message["From"] = "chiara@example.org"
    message["To"] = "ascolto@sos.example"
    message["Subject"] = "html"
    message["Message-ID"] = "<html@example.org>"
    message.set_content(
        '<p>Ciao <b>a tutti</b><script>alert("x")</script><img src=x onerror="alert(1)"></p>', subtype="html"
    )
    services.email_ingest(message.as_bytes())
    stored = Message.objects.get()
    html, text = crypto.reveal(stored.html_sanitised), crypto.reveal(stored.body)
    assert "<script" not in html and "onerror" not in html
    assert "<b>a tutti</b>" in html
    assert "<" not in text and "Ciao" in text


def test_mail_for_no_helpline_or_without_sender_is_dropped(world):
    assert services.email_ingest(_email(to="nobody@example.com").as_bytes())["result"] == "no_helpline"
    assert services.email_ingest(b"Subject: nothing\r\n\r\nbody")["result"] == "invalid"
    assert not Message.objects.exists()


class MailboxConnection(imaplib.IMAP4):
    """An IMAP4 connection to no server: the protocol calls the poller makes, answered from a list of
    messages (the network side is imaplib's own, tested by Python)."""

    def __init__(self, messages):  # no super().__init__(): it would open a socket
        self.messages = messages
        self.seen = []

    def select(self, mailbox="INBOX", readonly=False):
        return "OK", [str(len(self.messages)).encode()]

    def search(self, charset, *criteria):
        return "OK", [b" ".join(str(i + 1).encode() for i in range(len(self.messages)))]

    def fetch(self, number, parts):
        return "OK", [(number + b" (RFC822 {1}", self.messages[int(number) - 1]), b")"]

    def store(self, number, command, flags):
        self.seen.append(number)
        return "OK", []


def test_imap_polling_uses_the_same_ingest_and_marks_messages_seen(world):
    connection = MailboxConnection(
        [_email(Message_ID="<i1@x.org>").as_bytes(), _email(body="due", Message_ID="<i2@x.org>").as_bytes()]
    )
    results = gateways.imap_poll(connection)
    assert [r["result"] for r in results] == ["stored", "stored"]
    assert connection.seen == [b"1", b"2"]
    assert Message.objects.count() == 2


# --- threading only by proof (issue 14, point 6) -------------------------------------------------------


def test_the_same_from_alone_does_not_thread_into_the_conversation(world, django_capture_on_commit_callbacks):
    """A forged sender writing as the young person, without the reply token or one of our Message-IDs,
    starts a conversation of its own: it never reads or joins the existing one."""
    conversation, _sent = _answer(world, django_capture_on_commit_callbacks)
    result = services.email_ingest(_email(body="Sono io, davvero", Message_ID="<forged@x.org>").as_bytes())
    assert result["threaded"] is False and result["conversation"] != conversation.reference
    assert conversation.messages.filter(direction="in").count() == 1


def test_in_reply_to_the_persons_own_message_id_does_not_thread(world, django_capture_on_commit_callbacks):
    """The person's own Message-ID travels in every copy of their mail: only our answers' ids count."""
    conversation, _sent = _answer(world, django_capture_on_commit_callbacks)
    reply = _email(body="copia", Message_ID="<copy@x.org>", In_Reply_To="<first@example.org>")
    assert services.email_ingest(reply.as_bytes())["threaded"] is False
    assert conversation.messages.filter(direction="in").count() == 1


@pytest.mark.parametrize("failure", ["dmarc=fail (p=reject)", "dkim=fail reason=bad", "spf=fail smtp.mailfrom=x"])
def test_failed_authentication_opens_a_separate_unverified_conversation(
    world, django_capture_on_commit_callbacks, failure
):
    """Even with a valid reply token and our own In-Reply-To, a mail whose Authentication-Results say
    fail is kept apart and marked so the operators see the sender may be forged."""
    conversation, sent = _answer(world, django_capture_on_commit_callbacks)
    forged = _email(
        body="Mandami il tuo indirizzo",
        Message_ID="<dmarc@x.org>",
        to=sent.reply_to[0],
        In_Reply_To=sent.extra_headers["Message-ID"],
        Authentication_Results=f"mx.sos.example; {failure}",
    )
    result = services.email_ingest(forged.as_bytes(), [sent.reply_to[0]])
    assert result["threaded"] is False
    separate = Conversation.objects.get(reference=result["conversation"])
    assert separate.pk != conversation.pk and separate.sender_unverified is True
    assert conversation.messages.filter(direction="in").count() == 1
    assert Conversation.objects.get(pk=conversation.pk).sender_unverified is False


def test_passing_authentication_still_threads_by_the_token(world, django_capture_on_commit_callbacks):
    """dmarc=pass with the signed reply token continues the conversation as before."""
    _conversation, sent = _answer(world, django_capture_on_commit_callbacks)
    reply = _email(
        body="ok", Message_ID="<pass@x.org>", to=sent.reply_to[0], Authentication_Results="mx; dmarc=pass dkim=pass"
    )
    assert services.email_ingest(reply.as_bytes(), [sent.reply_to[0]])["threaded"] is True
