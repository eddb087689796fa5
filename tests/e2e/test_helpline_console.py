"""The helpline in a real browser: every page passes axe in four languages, script in a message never
runs, and the operator journey of the demo's Italian helpline (answer, tag, escalate, close), with a new
message appearing without reloading the page."""

import re
import time

import pytest
from playwright.sync_api import expect

from .conftest import LANGUAGES, axe_violations, format_violations, html_lang, sign_in, url

PASSWORD = "a-long-test-password"
XSS = [
    '<script>window.__civica_xss = "script"</script>',
    '<img src="x" onerror="window.__civica_xss = \'onerror\'">',
    '"><svg onload="window.__civica_xss = \'svg\'">',
]


@pytest.fixture
def helpline_world(make_organisation, make_member):
    from civica.helpline import services

    organisation = make_organisation(
        name="S.O.S. Amico Giovani", slug="sos", country="IT", kind="centre", language="it"
    )
    counsellor = make_member(organisation, role="staff", email="counsellor@sos.example", first_name="Paolo")
    coordinator = make_member(organisation, role="admin", email="coordinator@sos.example")
    helpline = services.helpline_create(
        actor=coordinator,
        organisation=organisation,
        data={
            "name": "S.O.S. Amico Giovani",
            "whatsapp_phone_number_id": "123",
            "email_address": "ascolto@sos.example",
            "open_weekdays": [0, 1, 2, 3, 4, 5, 6],
            "opens_at": "00:00",
            "closes_at": "23:59",
        },
    )
    services.operator_add(actor=coordinator, helpline=helpline, user=counsellor, role="counsellor", sees_contacts=True)
    services.availability_set(actor=counsellor, helpline=helpline, available=True)
    services.quick_reply_save(
        actor=coordinator, helpline=helpline, key="ciao", language="it", title="Benvenuto", body="Ciao, ti ascoltiamo."
    )
    payload = {
        "entry": [
            {
                "changes": [
                    {
                        "value": {
                            "metadata": {"phone_number_id": "123"},
                            "messages": [
                                {
                                    "from": "393331234567",
                                    "id": f"wamid.X{i}",
                                    "timestamp": "1700000000",
                                    "type": "text",
                                    "text": {"body": body},
                                }
                                for i, body in enumerate(["Voglio farla finita", *XSS])
                            ],
                        }
                    }
                ]
            }
        ],
    }
    services.whatsapp_ingest(payload)
    html_mail = (
        b"From: chiara@example.org\r\nTo: ascolto@sos.example\r\nSubject: html\r\nMessage-ID: <x@example.org>\r\n"
        b"Content-Type: text/html; charset=utf-8\r\n\r\n<p>Ciao</p><script>window.__civica_xss='mail'</script>"
        b"<img src=x onerror=\"window.__civica_xss='mail-img'\">"
    )
    services.email_ingest(html_mail)
    web, token = services.web_start(helpline=helpline, body=XSS[0] + " aiuto, mi picchia")
    services.web_person_write(conversation=web, body=XSS[1])
    from civica.helpline.models import Conversation

    whatsapp = Conversation.objects.get(channel="whatsapp")
    services.conversation_tag(actor=counsellor, conversation=whatsapp, tags="famiglia")
    return {"helpline": helpline, "whatsapp": whatsapp, "web": web, "token": token, "counsellor": counsellor}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_helpline_pages_pass_axe(page, live_server, helpline_world, lang):
    """Console, conversation (with the risk banner, a form error and the revealed contact), reports,
    settings, operators (add, change, remove, each with its error), web chat start and the person's
    conversation: HTTP 200/400 as expected, the right language, no axe violation."""
    problems = []
    world = helpline_world
    sign_in(page, live_server, "counsellor@sos.example", PASSWORD, lang)

    def check(label, expected=200, response=None):
        if response is not None and response.status != expected:
            problems.append(f"{label}: HTTP {response.status}, expected {expected}")
        if html_lang(page) != lang:
            problems.append(f"{label}: lang {html_lang(page)!r}")
        violations = axe_violations(page)
        if violations:
            problems.append(format_violations(violations, f"{label} ({page.url})"))

    helpline, conversation = world["helpline"], world["whatsapp"]
    check("console", response=page.goto(url(live_server, f"/{lang}/helpline/{helpline.uuid}/")))
    check("console filtered", response=page.goto(url(live_server, f"/{lang}/helpline/{helpline.uuid}/?f-flag=risk")))
    path = f"/{lang}/helpline/conversations/{conversation.uuid}/"
    check("conversation", response=page.goto(url(live_server, path)))
    with page.expect_navigation() as navigation:
        page.locator('form:has(input[name="action"][value="reply"]) button').click()
    check("conversation with an error", 400, navigation.value)
    with page.expect_navigation() as navigation:
        page.locator('form:has(input[name="action"][value="reveal"]) button').click()
    check("conversation with the contact", 200, navigation.value)
    check("reports", response=page.goto(url(live_server, f"/{lang}/helpline/{helpline.uuid}/reports/")))
    page.context.clear_cookies()  # sign out, to come back as the coordinator
    sign_in(page, live_server, "coordinator@sos.example", PASSWORD, lang)
    settings_path = f"/{lang}/helpline/{helpline.uuid}/settings/"
    check("settings", response=page.goto(url(live_server, settings_path)))
    page.locator("#id_settings-emergency_numbers").fill("no number")
    with page.expect_navigation() as navigation:
        page.locator('form:has(input[name="form"][value="settings"]) button').click()
    check("settings with an error", 400, navigation.value)
    from civica.helpline.models import Operator

    operators_path = f"/{lang}/helpline/{helpline.uuid}/operators/"
    check("operators", response=page.goto(url(live_server, operators_path)))
    page.locator("#id_add-email").fill("nobody@nowhere.example")
    with page.expect_navigation() as navigation:
        page.locator("#id_add-email").press("Enter")
    check("operators with an error", 400, navigation.value)
    mine = Operator.objects.get(helpline=helpline, user__email="coordinator@sos.example")
    check("change an operator", response=page.goto(url(live_server, f"{operators_path}{mine.uuid}/")))
    page.locator("#id_change-role").select_option("volunteer")
    with page.expect_navigation() as navigation:
        page.locator("form:has(#id_change-role) button").click()
    check("change an operator with an error", 400, navigation.value)
    check("remove an operator", response=page.goto(url(live_server, f"{operators_path}{mine.uuid}/remove/")))
    with page.expect_navigation() as navigation:
        page.locator("button.govuk-button--warning").click()
    check("remove the last coordinator", 400, navigation.value)
    check("web chat", response=page.goto(url(live_server, f"/{lang}/helpline/{helpline.uuid}/chat/")))
    check("person's conversation", response=page.goto(url(live_server, f"/{lang}/helpline/chat/{world['token']}/")))
    assert not problems, f"[{lang}] " + "\n".join(problems)


def test_html_and_script_in_messages_never_run(page, live_server, helpline_world):
    """Payloads from WhatsApp, e-mail and the web chat are shown as text on the operator's page and the
    person's page, including after the htmx refresh; none sets the global it tries to set."""
    world = helpline_world
    sign_in(page, live_server, "counsellor@sos.example", PASSWORD, "en")
    for conversation in (world["whatsapp"], world["web"]):
        page.goto(url(live_server, f"/en/helpline/conversations/{conversation.uuid}/"))
        expect(page.locator("#messages")).to_contain_text("window.__civica_xss")
        page.wait_for_timeout(6000)  # one htmx refresh of the messages
        assert page.evaluate("typeof window.__civica_xss") == "undefined"
        assert page.locator("#messages script, #messages img, #messages svg").count() == 0
    mail = world["helpline"].conversations.get(channel="email")
    page.goto(url(live_server, f"/en/helpline/conversations/{mail.uuid}/"))
    expect(page.locator("#messages")).to_contain_text("Ciao")
    assert page.evaluate("typeof window.__civica_xss") == "undefined"
    page.goto(url(live_server, f"/en/helpline/chat/{world['token']}/"))
    expect(page.locator("#messages")).to_contain_text("<script>")
    assert page.evaluate("typeof window.__civica_xss") == "undefined"
    expect(page.get_by_text("112").first).to_be_visible()


def test_operator_journey_on_the_demo_helpline(page, live_server, demo_world):
    """Francesca, counsellor of S.O.S. Amico Giovani, sees the three channels in one console; a new
    WhatsApp message appears without reloading; she answers, tags, escalates and closes."""
    from civica.core import crypto
    from civica.demo.helpline import PHONE_NUMBER_ID
    from civica.helpline import services
    from civica.helpline.models import Conversation

    _report, password = demo_world
    sign_in(page, live_server, "francesca.moretti@amicogiovani.example", password, "it")
    page.goto(url(live_server, "/it/helpline/"))
    rows = page.locator("#conversation-list tbody tr")
    for channel in ("WhatsApp", "E-mail", "Chat web"):
        expect(rows.filter(has_text=channel).first).to_be_visible()
    conversation = Conversation.objects.filter(channel="whatsapp", state="new").first()
    rows.filter(has_text=conversation.reference).locator("a").click()
    expect(page.locator("h1")).to_have_text(conversation.reference)
    services.whatsapp_ingest(
        {
            "entry": [
                {
                    "changes": [
                        {
                            "value": {
                                "metadata": {"phone_number_id": PHONE_NUMBER_ID},
                                "messages": [
                                    {
                                        "from": crypto.reveal(conversation.contact_address).lstrip("+"),
                                        "id": "wamid.LIVE",
                                        "timestamp": str(int(time.time())),
                                        "type": "text",
                                        "text": {"body": "Sono ancora qui, mi rispondete?"},
                                    }
                                ],
                            }
                        }
                    ]
                }
            ]
        }
    )
    expect(page.locator("#messages")).to_contain_text("Sono ancora qui, mi rispondete?", timeout=12_000)
    page.get_by_label("La tua risposta").fill("Ciao, sono Francesca. Sono qui con te: sei al sicuro adesso?")
    page.locator('form:has(input[name="action"][value="reply"]) button').click()
    expect(page.locator("#messages")).to_contain_text("sono Francesca")
    page.locator("#id_tags-tags").fill("rischio, famiglia")
    page.locator('form:has(input[name="action"][value="tags"]) button').click()
    expect(page.locator("#id_tags-tags")).to_have_value("rischio, famiglia")
    page.get_by_label("Titolo del caso").fill("Rischio autolesionismo, da seguire")
    page.locator('form:has(input[name="action"][value="escalate"]) button').click()
    expect(
        page.locator(".govuk-notification-banner, .govuk-body").filter(has_text=re.compile(r"HE-\d{4}-\d{6}")).first
    ).to_be_visible()
    page.locator('form:has(input[name="action"][value="close"]) button').click()
    conversation.refresh_from_db()
    assert conversation.state == "closed"
    assert conversation.tags == ["rischio", "famiglia"]
    assert re.fullmatch(r"HE-\d{4}-\d{6}", conversation.case_reference)
    assert conversation.messages.filter(
        direction="out", author__email="francesca.moretti@amicogiovani.example"
    ).exists()
