"""Pilot actions, memoranda, events and the impact page in a real browser: axe on every page in four
languages, and the journey from registering for a training to a certificate anyone can verify.

One test per language signs in once as the Athens centre's coordinator and walks every page (as in
test_accessibility.py); public pages are first seen signed out.
"""

from datetime import timedelta

import pytest

from .conftest import LANGUAGES, PageChecker, axe_violations, format_violations, sign_in, url

pytestmark = pytest.mark.browser

COORDINATOR = "eleni.papadopoulou@athens.example"
MEMBER = "dimitra.alexiou@nomiki.example"
CENTRE = "accmr"


@pytest.fixture
def records(demo_world):
    from civica.events.models import Event, Registration
    from civica.partnerships.models import Memorandum, PilotAction

    _report, password = demo_world
    return {
        "password": password,
        "held": Event.objects.filter(registrations__attended=True).distinct().first(),
        "upcoming": Event.objects.filter(kind="conference").get(),
        "video": Event.objects.exclude(video_url="").get(),
        "certificate": Registration.objects.exclude(certificate_code=None).first(),
        "running": PilotAction.objects.get(state="running"),
        "proposed": PilotAction.objects.get(state="proposed"),
        "signed": Memorandum.objects.exclude(document="").get(),
        "draft": Memorandum.objects.get(signed_on=None),
    }


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_in_four_languages(page, live_server, records, lang):
    checker = PageChecker(page, live_server, lang)
    # Signed out: the public pages, and a public event's registration by e-mail with an error.
    checker.visit(f"/{lang}/partnerships/centres/{CENTRE}/impact/", label="impact")
    checker.visit(f"/{lang}/events/", label="events, signed out")
    checker.visit(f"/{lang}/events/{records['upcoming'].uuid}/", label="public event, signed out")
    page.locator("#id_email-name").fill("Νίκη Σταύρου")
    page.locator("#id_email-email").fill("not-an-address")
    checker.submit('form:has(button[name="register_by_email"])', label="registration by e-mail, invalid")
    if not page.locator("#id_email-email_error").count():
        checker.problems.append("registration by e-mail, invalid: no error on the field")
    checker.visit(f"/{lang}/certificates/verify/", label="verify, empty")
    checker.visit(f"/{lang}/certificates/verify/?code={records['certificate'].certificate_code}", label="verify, valid")
    checker.visit(f"/{lang}/certificates/verify/?code=AAAA-BBBB-CCCC", label="verify, unknown")
    checker.visit(f"/{lang}/partnerships/pilot-actions/", label="pilot actions, signed out")
    checker.visit(f"/{lang}/partnerships/memoranda/", label="memoranda, signed out")

    sign_in(page, live_server, COORDINATOR, records["password"], lang=lang)
    checker.visit(f"/{lang}/events/", label="events")
    checker.visit(f"/{lang}/events/?when=past", label="events, past")
    checker.visit(f"/{lang}/events/{records['held'].uuid}/", label="held training, organiser")
    checker.visit(f"/{lang}/events/{records['video'].uuid}/", label="video training with waiting list, organiser")
    checker.visit(f"/{lang}/events/new/", label="new event")
    page.locator("#id_title").fill("Σεμινάριο")
    checker.submit("main form[method=post]", label="new event, invalid")
    if not page.locator(".govuk-error-summary").count():
        checker.problems.append("new event, invalid: no error summary")
    checker.visit(f"/{lang}/partnerships/pilot-actions/", label="pilot actions")
    checker.visit(f"/{lang}/partnerships/pilot-actions/?state=running", label="pilot actions, running")
    checker.visit(f"/{lang}/partnerships/pilot-actions/{records['running'].uuid}/", label="running action")
    checker.visit(f"/{lang}/partnerships/pilot-actions/{records['proposed'].uuid}/", label="proposed action")
    checker.submit('form:has(button[value="reject"])', label="reject without reason", button='button[value="reject"]')
    if not page.locator(".govuk-error-summary").count():
        checker.problems.append("reject without a reason: no error summary")
    checker.visit(f"/{lang}/partnerships/centres/{CENTRE}/pilot-actions/new/", label="propose an action")
    checker.visit(f"/{lang}/partnerships/memoranda/", label="memoranda")
    checker.visit(f"/{lang}/partnerships/memoranda/{records['signed'].uuid}/", label="signed memorandum")
    checker.visit(f"/{lang}/partnerships/memoranda/{records['draft'].uuid}/", label="draft memorandum")
    checker.visit(f"/{lang}/partnerships/memoranda/new/", label="new memorandum")
    checker.visit(f"/{lang}/partnerships/memoranda/new/?renews={records['signed'].uuid}", label="renew memorandum")
    checker.assert_clean()


def test_journey_register_attend_and_verify_the_certificate(page, new_context, live_server, records, outbox):
    """A member registers for a training; after it the coordinator ticks her present; the certificate's
    code, sent to her by e-mail, is verified by someone else on the public page."""
    from django.utils import timezone

    from civica.events.models import Event, Registration

    training = records["upcoming"]
    sign_in(page, live_server, MEMBER, records["password"])
    page.goto(url(live_server, f"/en/events/{training.uuid}/"))
    with page.expect_navigation():
        page.locator('button[name="register"]').click()
    assert page.get_by_text("You are registered. The calendar file is in your e-mail.").count()
    registration = Registration.objects.get(event=training, email=MEMBER)
    assert registration.status == "confirmed"

    # The training takes place.
    start = timezone.now() - timedelta(hours=5)
    Event.objects.filter(pk=training.pk).update(starts_at=start, ends_at=start + timedelta(hours=3))

    organiser = new_context().new_page()
    sign_in(organiser, live_server, COORDINATOR, records["password"])
    organiser.goto(url(live_server, f"/en/events/{training.uuid}/"))
    organiser.locator(f"#present-{registration.uuid}").check()
    with organiser.expect_navigation():
        organiser.locator('button[name="attendance"]').click()
    assert organiser.get_by_text("Attendance recorded: 1 present.").count()
    registration.refresh_from_db()
    code = registration.certificate_code
    assert code and organiser.get_by_text(code).count()
    mail = [message for message in outbox if message.to == [MEMBER] and code in message.body]
    assert mail and mail[0].attachments[0][0] == "certificate.docx"

    # The member sees her certificate; a stranger checks the code.
    page.goto(url(live_server, f"/en/events/{training.uuid}/"))
    assert page.get_by_text(code).count()
    stranger = new_context().new_page()
    stranger.goto(url(live_server, "/en/certificates/verify/"))
    stranger.locator("#id_code").fill(code.lower())
    with stranger.expect_navigation():
        stranger.locator('main button[type="submit"]').click()
    assert stranger.get_by_text("This certificate is valid").count()
    assert stranger.get_by_text(registration.name, exact=False).count()
    violations = axe_violations(stranger)
    assert not violations, format_violations(violations, "verified certificate")
