"""The hub's needs, offers of support and preparedness pages, and the directory's new place and
confirmation pages: axe in four languages (one walk per language), and the journey of an offer from the
public form to delivery, e-mails included."""

import re

import pytest

from .conftest import LANGUAGES, PageChecker, sign_in, url

pytestmark = pytest.mark.browser

CENTRE_STAFF = "eleni.papadopoulou@athens.example"
MEMBER_STAFF = "dimitra.alexiou@nomiki.example"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_hub_pages_are_accessible(page, new_context, live_server, demo_world, lang):
    from civica.directory import jobs as confirmations
    from civica.directory.models import Organization, Service
    from civica.hub import services
    from civica.hub.models import Need, Offer

    _report, password = demo_world
    offered = Offer.objects.get(state="offered")
    matched = Offer.objects.get(state="matched")
    need = Need.objects.filter(centre__slug="accmr", services__isnull=False).first()
    record = Organization.objects.get(organisation__slug="nomiki-voitheia-prosfygon")
    service = Service.objects.filter(organization=record).first()

    # Anyone: the centres, the public offer form (empty, then with errors), the follow page, the
    # directory's confirmation question.
    anonymous = PageChecker(new_context().new_page(), live_server, lang)
    anonymous.visit(f"/{lang}/centres/", label="centres")
    anonymous.visit(f"/{lang}/centres/accmr/offer/", label="offer form")
    anonymous.submit(anonymous.page.locator("main form[method=post]"), label="offer form with errors")
    anonymous.visit(f"/{lang}/offers/follow/{services.offer_token(offered)}/", label="offer follow page")
    anonymous.visit(f"/{lang}/directory/confirm/{confirmations.confirm_token(service)}/", label="confirm question")
    anonymous.assert_clean()

    checker = PageChecker(page, live_server, lang)
    sign_in(page, live_server, CENTRE_STAFF, password, lang)
    checker.visit(f"/{lang}/centres/accmr/", label="centre")
    checker.visit(f"/{lang}/centres/accmr/needs/", label="needs")
    checker.visit(f"/{lang}/centres/accmr/needs/gaps/", label="gaps")
    checker.visit(f"/{lang}/centres/accmr/needs/new/", label="new need")
    checker.submit(page.locator("main form[method=post]"), label="new need with errors")
    checker.visit(f"/{lang}/centres/needs/{need.uuid}/", label="need")
    checker.visit(f"/{lang}/centres/accmr/offers/", label="offers")
    checker.visit(f"/{lang}/centres/offers/{offered.uuid}/", label="offer to match")
    checker.visit(f"/{lang}/centres/accmr/preparedness/contact-tree/", label="contact tree")
    checker.visit(f"/{lang}/centres/accmr/preparedness/", label="preparedness")
    form = page.locator("form:has(textarea[name='emergency-reason'])")
    form.locator("textarea").fill("Arrivals")
    checker.submit(form, label="preparedness in emergency mode")
    if "Arrivals" not in page.content():
        checker.problems.append("the emergency banner is missing")
    checker.visit(f"/{lang}/centres/accmr/needs/", label="needs in emergency mode")
    checker.assert_clean()

    member = PageChecker(new_context().new_page(), live_server, lang)
    sign_in(member.page, live_server, MEMBER_STAFF, password, lang)
    member.visit(f"/{lang}/centres/offers/{matched.uuid}/", label="matched offer (member)")
    member.visit(f"/{lang}/centres/accmr/needs/new/", label="propose a need")
    member.visit(f"/{lang}/centres/accmr/preparedness/", label="preparedness (member)")
    member.visit(f"/{lang}/directory/organizations/{record.id}/new-place/", label="new place")
    member.assert_clean()


def _follow_link(outbox, email: str) -> str:
    bodies = [m.body for m in outbox if email in m.to]
    assert bodies, f"no e-mail to {email}"
    return re.search(r"https?://[^/\s]+(/\S*/offers/follow/\S+/)", bodies[-1]).group(1)


def test_an_offer_goes_from_the_public_form_to_delivery(page, new_context, live_server, demo_world, outbox):
    from civica.hub.models import Need, Offer
    from civica.organisations.models import Organisation

    _report, password = demo_world
    outbox.clear()
    # A company offers support without an account.
    page.goto(url(live_server, "/en/centres/accmr/offer/"))
    form = page.locator("main form[method=post]")
    form.locator("input[name='offerer_kind'][value='company']").check()
    form.locator("input[name='kind'][value='volunteers']").check()
    form.locator("textarea[name='description']").fill("Four lawyers for asylum interviews")
    form.locator("input[name='quantity']").fill("4 lawyers, 2 days a week")
    form.locator("input[name='contact_name']").fill("Nikos Alexiou")
    form.locator("input[name='company_name']").fill("Alexiou Law Firm")
    form.locator("input[name='contact_email']").fill("nikos@alexiou-law.example")
    form.locator("input[name='consent_to_contact']").check()
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    offer = Offer.objects.get(contact_email="nikos@alexiou-law.example")
    assert "/offers/follow/" in page.url and offer.reference in page.content()
    follow = _follow_link(outbox, "nikos@alexiou-law.example")
    assert any("eleni.papadopoulou@athens.example" in m.to for m in outbox)

    # The centre matches it to a need and a member organisation.
    need = Need.objects.get(title="Διερμηνεία σε συνεντεύξεις ασύλου")
    staff = new_context().new_page()
    sign_in(staff, live_server, CENTRE_STAFF, password, "en")
    staff.goto(url(live_server, f"/en/centres/offers/{offer.uuid}/"))
    match = staff.locator("form:has(button[name='match'])")
    member_organisation = Organisation.objects.get(slug="nomiki-voitheia-prosfygon")
    match.locator("select[name='match-organisation']").select_option(value=str(member_organisation.pk))
    match.locator(f"input[name='match-needs'][value='{need.pk}']").check()
    with staff.expect_navigation():
        match.locator("button[name='match']").click()
    offer.refresh_from_db()
    assert offer.state == "matched" and list(offer.needs.all()) == [need]
    assert any(MEMBER_STAFF in m.to for m in outbox)

    # The member organisation accepts, then marks it delivered.
    sign_in(page, live_server, MEMBER_STAFF, password, "en")
    page.goto(url(live_server, f"/en/centres/offers/{offer.uuid}/"))
    assert "nikos@alexiou-law.example" in page.content()  # after matching, the member sees the contact
    for step in ("accepted", "delivered"):
        with page.expect_navigation():
            page.locator(f"button[name='move'][value='{step}']").click()
    offer.refresh_from_db()
    assert offer.state == "delivered"
    subjects = [m.subject for m in outbox if "nikos@alexiou-law.example" in m.to]
    assert len(subjects) == 4  # offered, matched, accepted, delivered

    # The offerer follows it through the private link, without signing in.
    visitor = new_context().new_page()
    visitor.goto(url(live_server, follow))
    assert "Delivered" in visitor.content()
