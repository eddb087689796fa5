"""What people do with Civica, end to end in a real browser: each journey ends with what the person
sees and what the database holds. Only /en/ pages are asserted on by their words; other languages are
compared with English, never with hard-coded translations (the catalogues change independently)."""

import re
from urllib.parse import urlsplit

import pytest

from .conftest import assert_accessible, html_lang, sign_in, url

pytestmark = pytest.mark.browser

PASSWORD = "a-long-test-password"  # the root conftest's make_user default


def _invitation_path(outbox, email: str) -> str:
    """The path of the link in the invitation e-mail sent to `email` (the e-mail says SITE_URL, not the
    live server's address)."""
    messages = [m for m in outbox if email in m.to]
    assert len(messages) == 1, f"expected one invitation e-mail to {email}, got {len(messages)}"
    match = re.search(r"https?://\S+/invitations/[^/\s]+/", messages[0].body)
    assert match, f"no invitation link in:\n{messages[0].body}"
    return urlsplit(match.group(0)).path


def _working_as(page) -> str:
    return " ".join(page.locator(".civica-working-as").inner_text().split())


def test_an_admin_invites_a_newcomer_who_joins(page, new_context, live_server, two_organisations, outbox):
    from django.contrib.auth import get_user_model

    from civica.organisations.models import Invitation, Membership

    ours, _theirs, people = two_organisations
    outbox.clear()

    # The administrator invites someone who has no account yet.
    sign_in(page, live_server, people["admin"].email, PASSWORD)
    page.goto(url(live_server, f"/en/organisations/{ours.slug}/members/invite/"))
    page.get_by_label("E-mail address").fill("Newcomer@Example.org")
    page.get_by_label("Role").select_option("member")
    page.get_by_role("button", name="Send the invitation").click()
    page.wait_for_url(re.compile(rf"/en/organisations/{ours.slug}/members/$"))
    assert "Invitation sent to" in page.locator(".govuk-notification-banner--success").inner_text()
    assert "newcomer@example.org" in page.locator("main").inner_text()  # listed among pending invitations
    assert_accessible(page)  # with the success banner and a pending invitation

    # The newcomer follows the link in the e-mail, in a browser of their own.
    link = _invitation_path(outbox, "newcomer@example.org")
    assert link.startswith("/en/invitations/")
    newcomer = new_context().new_page()
    newcomer.goto(url(live_server, link))
    assert newcomer.get_by_role("heading", level=1).inner_text() == f"Join {ours.name}"
    newcomer.get_by_label("First name").fill("Nadia")
    newcomer.get_by_label("Last name").fill("Nou")
    newcomer.get_by_label("Password", exact=True).fill("a-brand-new-passphrase")
    newcomer.get_by_label("Password (again)").fill("a-brand-new-passphrase")
    newcomer.get_by_role("button", name="Create the account and join").click()

    # They land on their dashboard, signed in, as a member of the organisation.
    newcomer.wait_for_url(re.compile(r"/en/dashboard/$"))
    assert newcomer.get_by_role("heading", level=1).inner_text() == "Welcome, Nadia"
    assert f"You have joined {ours.name}" in newcomer.locator(".govuk-notification-banner--success").inner_text()
    assert _working_as(newcomer).startswith(f"Working as Member at {ours.name}")
    assert_accessible(newcomer)

    user = get_user_model().objects.get(email="newcomer@example.org")
    assert (user.first_name, user.last_name) == ("Nadia", "Nou")
    assert user.check_password("a-brand-new-passphrase")
    assert user.emailaddress_set.get(email="newcomer@example.org").verified
    assert Membership.objects.get(user=user, organisation=ours).role == "member"
    invitation = Invitation.objects.get(organisation=ours, email="newcomer@example.org")
    assert invitation.accepted_at is not None

    # The link has been used: a second visit says so.
    response = newcomer.goto(url(live_server, link))
    assert response.status == 404
    assert newcomer.get_by_role("heading", level=1).inner_text() == "This invitation cannot be used"
    assert_accessible(newcomer)
    assert Membership.objects.filter(user=user).count() == 1


def _submit_invalid_invitation(page, live_server, slug, lang) -> str:
    """Submit "not-an-email" on the invite page; check what is kept and shown; return the field's error."""
    page.goto(url(live_server, f"/{lang}/organisations/{slug}/members/invite/"))
    field = page.locator("#id_email")
    field.fill("not-an-email")
    with page.expect_navigation():
        page.locator('main form[method="post"] button[type="submit"]').click()
    assert html_lang(page) == lang

    # What the person typed is still there, and the field says what is wrong.
    assert field.input_value() == "not-an-email"
    assert "not-an-email" not in page.url  # a POST: nothing typed leaks into the address
    error = page.locator("#id_email_error")
    assert error.is_visible()
    assert "id_email_error" in (field.get_attribute("aria-describedby") or "").split()
    assert field.get_attribute("class").split().count("govuk-input--error") == 1

    # The error summary is shown and announced, and its link takes the person to the field.
    summary = page.locator(".govuk-error-summary")
    assert summary.is_visible()
    assert summary.locator('[role="alert"]').count() == 1
    links = summary.locator("a")
    assert links.count() == 1
    assert links.first.get_attribute("href") == "#id_email"
    links.first.focus()
    assert page.evaluate("document.activeElement.tagName") == "A"
    links.first.click()
    page.wait_for_function("document.activeElement && document.activeElement.id === 'id_email'")
    return " ".join(error.inner_text().split())


def test_invalid_input_is_kept_and_errors_are_translated(page, live_server, two_organisations):
    from civica.organisations.models import Invitation

    ours, _theirs, people = two_organisations
    sign_in(page, live_server, people["admin"].email, PASSWORD)

    english = _submit_invalid_invitation(page, live_server, ours.slug, "en")
    assert "Enter a valid email address" in english
    assert page.locator(".govuk-error-summary h2").inner_text() == "There is a problem"

    romanian = _submit_invalid_invitation(page, live_server, ours.slug, "ro")
    assert romanian, "no error message in /ro/"
    assert romanian != english, "the Romanian page shows the English error message"
    assert not Invitation.objects.exists()


def test_the_language_switcher_keeps_the_current_page(page, live_server, two_organisations):
    ours, _theirs, _people = two_organisations
    page.goto(url(live_server, f"/en/organisations/{ours.slug}/"))
    assert html_lang(page) == "en"
    switcher = page.get_by_role("navigation", name="Language")
    assert switcher.get_by_text("English").get_attribute("aria-current") == "true"
    link = switcher.get_by_role("link", name="Română")
    assert link.get_attribute("lang") == "ro" and link.get_attribute("hreflang") == "ro"
    link.click()
    page.wait_for_url(re.compile(rf"/ro/organisations/{ours.slug}/$"))
    assert html_lang(page) == "ro"
    assert page.get_by_role("heading", level=1).inner_text() == ours.name
    # The current language is no longer a link; English now is. (The switcher's name is Romanian now.)
    switcher = page.locator("nav.govuk-language-navigation")
    current = switcher.locator('[aria-current="true"]')
    assert current.get_attribute("lang") == "ro"
    assert switcher.get_by_role("link", name="English").get_attribute("href") == f"/en/organisations/{ours.slug}/"


def test_a_person_with_two_memberships_switches_organisation(page, live_server, make_organisation, make_member):
    from django.contrib.sessions.models import Session

    from civica.core.permissions import SYSTEM
    from civica.organisations.services import membership_add
    from civica.web.active_organisation import SESSION_KEY

    first = make_organisation(name="Primăria Alfa", slug="alfa")
    second = make_organisation(name="Asociația Beta", slug="beta", kind="ngo")
    person = make_member(first, role="staff", email="two.hats@test.example")
    membership_add(actor=SYSTEM, organisation=second, user=person, role="expert")
    roles = {first.name: "Staff", second.name: "Expert or mediator"}

    sign_in(page, live_server, person.email, PASSWORD)
    page.goto(url(live_server, "/en/account/organisations/"))
    before = _working_as(page)
    current = first if first.name in before else second
    other = second if current is first else first
    assert before.startswith(f"Working as {roles[current.name]} at {current.name}")
    assert "Switch organisation" in before

    page.get_by_role("button", name=f"Work as {other.name}").click()
    page.wait_for_url(re.compile(r"/en/dashboard/$"))
    assert f"You are now working as {other.name}" in page.locator(".govuk-notification-banner--success").inner_text()
    assert _working_as(page).startswith(f"Working as {roles[other.name]} at {other.name}")
    assert f"You are working as {roles[other.name]} at {other.name}." in page.locator("main").inner_text()
    assert_accessible(page)

    # The choice stays for the rest of the session, and the session (in the database) holds it.
    page.goto(url(live_server, "/en/account/organisations/"))
    assert _working_as(page).startswith(f"Working as {roles[other.name]} at {other.name}")
    row = page.get_by_role("row").filter(has_text=other.name)
    assert row.get_by_text("Current").is_visible()
    session_key = next(c["value"] for c in page.context.cookies() if c["name"] == "sessionid")
    assert Session.objects.get(session_key=session_key).get_decoded()[SESSION_KEY] == str(other.uuid)


def test_an_api_token_works_until_it_is_revoked(page, live_server, make_user):
    from civica.accounts.models import ApiToken

    person = make_user(email="scripter@test.example", first_name="Sam")
    sign_in(page, live_server, person.email, PASSWORD)
    page.goto(url(live_server, "/en/account/api-tokens/"))
    assert "You have no API token." in page.locator("main").inner_text()
    page.get_by_label("Token name").fill("Reporting script")
    page.locator('input[name="scopes"][value="organisations:read"]').check(force=True)  # /me reads that area
    page.get_by_role("button", name="Create the token").click()
    token_shown = page.locator("#new-token")
    token_shown.wait_for()
    token = token_shown.inner_text().strip()
    assert len(token) > 20
    assert "shown only once" in page.locator("main").inner_text()

    stored = ApiToken.objects.get(user=person, name="Reporting script")
    assert token.startswith(stored.prefix) and token not in stored.token_hash
    assert stored.revoked_at is None

    # Shown once: coming back to the page does not show it again.
    page.goto(url(live_server, "/en/account/api-tokens/"))
    assert page.locator("#new-token").count() == 0
    assert token not in page.content()
    assert page.get_by_role("row").filter(has_text="Reporting script").count() == 1

    api = url(live_server, "/api/v1/me")
    answer = page.request.get(api, headers={"Authorization": "Bearer " + token})
    assert answer.status == 200
    assert answer.json()["email"] == person.email

    page.get_by_role("button", name="Revoke Reporting script").click()
    page.wait_for_url(re.compile(r"/en/account/api-tokens/$"))
    assert "has been revoked" in page.locator(".govuk-notification-banner--success").inner_text()
    assert "You have no API token." in page.locator("main").inner_text()
    assert_accessible(page)
    stored.refresh_from_db()
    assert stored.revoked_at is not None

    answer = page.request.get(api, headers={"Authorization": "Bearer " + token})
    assert answer.status == 401


def test_the_skip_link_is_the_first_stop_and_moves_focus_to_the_content(page, live_server):
    page.goto(url(live_server, "/en/"))
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "({cls: document.activeElement.className, href: document.activeElement.getAttribute('href'),"
        " text: document.activeElement.textContent.trim()})"
    )
    assert "govuk-skip-link" in focused["cls"]
    assert focused["href"] == "#main-content"
    assert focused["text"] == "Skip to main content"
    assert page.locator(".govuk-skip-link").is_visible()  # visible when focused

    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement && document.activeElement.id === 'main-content'")
    assert page.url.endswith("#main-content")
    # The next Tab goes into the content, not back to the header.
    page.keyboard.press("Tab")
    assert page.evaluate("document.getElementById('main-content').contains(document.activeElement)")


def test_signing_in_and_editing_the_profile_work_without_javascript(new_context, live_server, two_organisations):
    from civica.organisations.models import Organisation

    ours, _theirs, people = two_organisations
    page = new_context(java_script_enabled=False).new_page()
    sign_in(page, live_server, people["admin"].email, PASSWORD)
    assert urlsplit(page.url).path == "/en/dashboard/"
    assert "js-enabled" not in (page.locator("body").get_attribute("class") or "")

    page.goto(url(live_server, f"/en/organisations/{ours.slug}/edit/"))
    phone = page.get_by_label("phone")
    assert phone.input_value() == "021 000 0000"
    phone.fill("0264 123 456")
    with page.expect_navigation():
        page.get_by_role("button", name="Save").click()
    assert urlsplit(page.url).path == f"/en/organisations/{ours.slug}/"
    assert "The organisation's profile has been saved." in page.locator(".govuk-notification-banner").inner_text()
    assert "0264 123 456" in page.locator("main").inner_text()

    ours = Organisation.objects.get(pk=ours.pk)
    assert ours.phone == "0264 123 456"
    assert ours.email == "contact@ours.example"  # the rest of the profile is unchanged


def test_a_municipality_request_goes_from_submission_to_closure(
    new_context, live_server, make_organisation, make_member
):
    """A city hall asks the resource centre; the centre analyses, answers and closes; the city hall sees it."""
    from civica.cases.models import Case

    centre = make_organisation(name="Centrul de resurse", slug="centrul", kind="centre")
    city_hall = make_organisation(name="Primăria Sectorului 1", slug="ps1")
    requester = make_member(city_hall, role="staff", email="jurist@ps1.example")
    staff = make_member(centre, role="staff", email="consultant@centru.example")

    page = new_context().new_page()
    sign_in(page, live_server, requester.email, PASSWORD)
    page.goto(url(live_server, f"/en/cases/new/?to={centre.slug}"))
    page.locator("#id_title").fill("Dispute about the waste collection tax")
    page.locator("#id_summary").fill("Residents contest the new tax; we ask what mediation would involve.")
    page.locator("#id_language").select_option("en")
    with page.expect_navigation():
        page.get_by_role("button", name="Send the request").click()
    case = Case.objects.get()
    assert page.url.endswith(f"/en/cases/{case.reference}/")
    assert "Submitted" in page.locator("main").inner_text()
    page.context.close()

    page = new_context().new_page()
    sign_in(page, live_server, staff.email, PASSWORD)
    page.goto(url(live_server, f"/en/cases/{case.reference}/"))
    for step in ("Start the analysis", "Send the answer"):
        with page.expect_navigation():
            page.get_by_role("button", name=step).click()
    page.locator("#id_body").fill("Similar disputes were settled by mediation in Cluj-Napoca.")
    page.locator("#id_shared_with_requester").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Add the note").click()
    page.locator("#outcome-close").fill("Mediation recommended; model documents sent.")
    with page.expect_navigation():
        page.get_by_role("button", name="Close").click()
    assert_accessible(page)
    page.context.close()

    case.refresh_from_db()
    assert (case.state, case.outcome) == ("closed", "Mediation recommended; model documents sent.")
    page = new_context().new_page()
    sign_in(page, live_server, requester.email, PASSWORD)
    page.goto(url(live_server, f"/en/cases/{case.reference}/"))
    main = page.locator("main").inner_text()
    assert "Closed" in main and "Similar disputes were settled" in main


def test_the_directory_filters_as_you_type(page, live_server, make_organisation):
    """With JavaScript, htmx refreshes the results and the address without pressing the button."""
    make_organisation(name="Primăria Sibiu", slug="sibiu")
    make_organisation(name="Asociația Anais", slug="anais", kind="ngo")
    page.goto(url(live_server, "/en/organisations/"))
    page.locator("#id_q").fill("Anais")
    page.wait_for_function("location.search.includes('q=Anais')")
    results = page.locator("#directory-results")
    assert "Asociația Anais" in results.inner_text() and "Primăria Sibiu" not in results.inner_text()
    assert_accessible(page)


def test_a_member_records_an_exchange_from_an_offer_and_the_other_confirms_it(
    page, new_context, live_server, bank_people
):
    """From an offer, the receiver records the exchange; the provider confirms it in their own browser;
    the hours move from the receiver to the provider."""
    from civica.timebank.models import Account, Exchange

    bank, provider, receiver, _listing = bank_people
    sign_in(page, live_server, receiver.user.email, PASSWORD)
    page.goto(url(live_server, f"/en/timebank/{bank.uuid}/"))
    page.get_by_role("link", name="Yoga al parco").click()
    page.get_by_role("link", name="Record an exchange for this").click()
    assert page.get_by_label("Who gave the service").input_value() == "received"
    page.get_by_label("Time (minutes)").fill("50")
    page.get_by_role("button", name="Record the exchange").click()
    page.wait_for_url(re.compile(r"/en/timebank/exchanges/[0-9a-f-]+/$"))
    assert "waiting for confirmation" in page.locator("#exchange-status").inner_text()
    assert_accessible(page)
    exchange = Exchange.objects.get()
    assert exchange.minutes == 45  # rounded to the bank's 15 minutes

    other = new_context().new_page()
    sign_in(other, live_server, provider.user.email, PASSWORD)
    other.goto(url(live_server, "/en/timebank/"))
    other.get_by_role("link", name=re.compile("Yoga al parco")).click()
    other.get_by_role("button", name="Confirm the exchange").click()
    other.wait_for_url(re.compile(r"/en/timebank/exchanges/[0-9a-f-]+/$"))
    assert "confirmed" in other.locator("#exchange-status").inner_text()
    assert "the time has moved" in other.locator(".govuk-notification-banner--success").inner_text()
    assert Account.objects.get(member=provider).balance == 45
    assert Account.objects.get(member=receiver).balance == -45
    other.goto(url(live_server, f"/en/timebank/{bank.uuid}/account/"))
    assert "0:45" in other.locator("#balance").inner_text()


@pytest.fixture
def bank_people(make_organisation, make_member, make_user):
    from civica.timebank import services

    organisation = make_organisation(name="Banca del tempo", slug="bdt", country="IT")
    admin = make_member(organisation, role="admin")
    bank = services.bank_create(actor=admin, organisation=organisation, data={"name": "Banca del tempo sociale"})
    people = []
    for first in ("Chiara", "Paolo"):
        user = make_user(first_name=first, last_name="Test")
        request = services.membership_request(actor=user, bank=bank, data={})
        people.append(services.membership_decide(actor=admin, member=request, approve=True))
    provider, receiver = people
    listing = services.listing_save(
        actor=provider.user, bank=bank, data={"kind": "offer", "category": "yoga", "title": "Yoga al parco"}
    )
    return bank, provider, receiver, listing


def test_a_coordinator_writes_minutes_approves_them_and_the_follow_up_appears(
    page, live_server, two_organisations, make_member
):
    """Schedule a meeting, write minutes with a theme, a problem and an 'information to be provided',
    send them for review, approve them, and find the follow-up on the group's follow-ups page."""
    from civica.groups import services
    from civica.groups.models import FollowUp, Minutes

    ours, theirs, people = two_organisations
    coordinator = make_member(ours, role="member", email="coordinator@ours.example")
    group = services.group_create(
        actor=people["admin"], organisation=ours, name="Grupul de lucru", kind="working_group", visibility="private"
    )
    services.member_add(actor=people["admin"], group=group, user=coordinator, position="coordinator")

    sign_in(page, live_server, coordinator.email, PASSWORD)
    page.goto(url(live_server, f"/en/groups/{group.uuid}/"))
    page.get_by_role("link", name="Schedule a meeting").click()
    page.get_by_label("Title").fill("Restricted meeting with the local police")
    page.get_by_label("Kind").select_option("restricted")
    page.get_by_label("Starts").fill("2030-01-28T10:00")
    page.get_by_label("Ends").fill("2030-01-28T12:00")
    page.get_by_label("Place").fill("Sector 1 City Hall")
    page.get_by_role("button", name="Schedule and invite").click()
    page.wait_for_url(re.compile(r"/en/meetings/[0-9a-f-]+/$"))
    assert "The meeting has been scheduled" in page.locator(".govuk-notification-banner--success").inner_text()

    page.get_by_role("button", name="Write the minutes").click()
    page.wait_for_url(re.compile(r"/en/minutes/[0-9a-f-]+/$"))
    page.locator("#id_theme-title").fill("Crime and violence")
    page.get_by_role("button", name="Add the theme").click()
    page.wait_for_url(re.compile(r"/en/minutes/[0-9a-f-]+/$"))

    def add_point(kind, text, institution=None, due_on=None):
        page.get_by_text("Add a point to this theme").click()
        form = page.locator('main form:has(textarea[name$="-text"])')
        form.locator('select[name$="-kind"]').select_option(kind)
        form.locator('textarea[name$="-text"]').fill(text)
        if institution:
            form.locator('select[name$="-institution"]').select_option(institution)
        if due_on:
            form.locator('input[name$="-due_on"]').fill(due_on)
        with page.expect_navigation():
            form.get_by_role("button", name="Add the point").click()

    add_point("problem", "Unregistered victims")
    add_point("information", "Areas with a high crime potential", institution=theirs.slug, due_on="2030-02-15")
    assert "Unregistered victims" in page.locator("main").inner_text()
    assert_accessible(page)

    page.get_by_role("button", name="Send to the attendees for review").click()
    page.wait_for_load_state()
    assert page.locator("#minutes-state").inner_text() == "In review by the attendees"
    assert_accessible(page)  # with the attendees' comment form
    page.get_by_role("button", name="Approve the minutes").click()
    page.wait_for_load_state()
    assert page.locator("#minutes-state").inner_text() == "Approved"
    assert Minutes.objects.get().state == "approved"

    follow_up = FollowUp.objects.get()
    assert follow_up.institution == theirs and follow_up.description == "Areas with a high crime potential"
    page.goto(url(live_server, f"/en/groups/{group.uuid}/follow-ups/"))
    row = page.locator("tr", has_text="Areas with a high crime potential")
    assert row.count() == 1 and "Open" in row.inner_text()
    assert_accessible(page)


def test_a_member_adds_a_service_the_centre_approves_it_and_the_public_finds_it(
    new_context, live_server, make_organisation, make_member, settings
):
    """Bottom-up mapping end to end: proposal by a member NGO, review by the centre, public search."""
    from civica.directory import services as directory_services

    settings.CIVICA_MAP_TILE_URL = ""
    centre = make_organisation(name="Athens Coordination Centre", slug="accmr-test", kind="centre", country="GR")
    ngo = make_organisation(name="Legal Aid Athens", slug="legal-aid-athens", kind="ngo", country="GR")
    directory_services.organization_record_for(organisation=ngo, centre=centre)
    member = make_member(ngo, role="staff", email="lawyer@legal.example", password=PASSWORD)
    reviewer = make_member(centre, role="staff", email="reviewer@centre.example", password=PASSWORD)

    page = new_context().new_page()
    sign_in(page, live_server, member.email, PASSWORD)
    page.goto(url(live_server, "/en/directory/manage/"))
    with page.expect_navigation():
        page.get_by_role("link", name="Add a service").click()
    page.locator("#id_name").fill("Labour rights clinic")
    page.locator("#id_description").fill("Advice on work contracts, unpaid wages and work permits.")
    page.get_by_label("Labour market integration").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Send for review").click()
    assert "Waiting for review" in page.locator("main").inner_text()
    assert_accessible(page)
    page.context.close()

    anonymous = new_context().new_page()
    anonymous.goto(url(live_server, "/en/directory/?q=wages"))
    assert "Labour rights clinic" not in anonymous.locator("main").inner_text()

    page = new_context().new_page()
    sign_in(page, live_server, reviewer.email, PASSWORD)
    page.goto(url(live_server, "/en/directory/manage/"))
    with page.expect_navigation():
        page.get_by_role("link", name="Labour rights clinic").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Approve and publish").click()
    assert "Labour rights clinic" in page.locator("h1").inner_text()
    page.context.close()

    anonymous.goto(url(live_server, "/en/directory/?q=wages&category=labour"))
    results = anonymous.locator("main").inner_text()
    assert "Labour rights clinic" in results and "1 service" in results
    assert_accessible(anonymous)
