"""The demo's Italian helpline: conversations from the three channels in several states, operators who
can sign in, and a second load that changes nothing."""

import pytest

from civica.demo.services import demo_load
from civica.helpline.models import Conversation, Helpline, Message, QuickReply


@pytest.fixture
def demo(territories, monkeypatch):
    monkeypatch.setenv("CIVICA_DEMO_PASSWORD", "correct-horse-battery")
    return demo_load(pdf_copies=False)


def test_demo_helpline_has_the_three_channels_in_several_states(demo, client):
    helpline = Helpline.objects.get(name="S.O.S. Amico Giovani")
    conversations = Conversation.objects.filter(helpline=helpline)
    assert set(conversations.values_list("channel", flat=True)) == {"whatsapp", "email", "web"}
    assert {"new", "open", "waiting", "closed"} <= set(conversations.values_list("state", flat=True))
    assert conversations.filter(at_risk=True).exists()
    assert QuickReply.objects.filter(helpline=helpline).values("language").distinct().count() == 4
    assert client.login(email="francesca.moretti@amicogiovani.example", password="correct-horse-battery")
    page = client.get(f"/it/helpline/{helpline.uuid}/")
    assert page.status_code == 200
    assert page.context["page"].paginator.count == conversations.exclude(state="closed").count()
    counts = (Conversation.objects.count(), Message.objects.count())
    demo_load(pdf_copies=False)
    assert (Conversation.objects.count(), Message.objects.count()) == counts
