"""Protection cases in the browser: every new page checked with axe in four languages, and a referral
sent by the case manager, accepted, worked on and completed by the NGO, whose access then ends."""

import datetime

import pytest

from .conftest import (
    LANGUAGES,
    PageChecker,
    assert_accessible,
    sign_in,
    url,
)

pytestmark = pytest.mark.browser

MANAGER = "maria.georgescu@dgaspc-s1.example"  # DGASPC Sector 1 administrator, the accountable case manager
SOCIAL_WORKER = "elena.ionescu@dgaspc-s1.example"  # DGASPC staff, on the team of the first case only
POLICE = "andrei.stan@politia-s1.example"
NGO = "cristina.vasile@anais.example"
LEAD = "dgaspc-sector-1"


class Walk(PageChecker):
    """The common checker, with paths given without their language prefix."""

    def visit(self, path: str, status: int = 200):
        return super().visit(f"/{self.lang}{path}", status, label=path)

    def submit_empty(self, path: str):
        """The page's form sent empty: the error summary and the fields with their errors."""
        self.page.goto(url(self.live_server, f"/{self.lang}{path}"))
        self.submit(label=f"{path} (errors)")


def references():
    from civica.protection.models import ProtectionCase

    cases = {pcase.kind: pcase for pcase in ProtectionCase.objects.select_related("case", "person")}
    return cases["domestic_violence"], cases["elder_abuse"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_protection_page_is_accessible(new_context, live_server, demo_world, lang):
    _report, password = demo_world
    first, second = references()
    one, two = first.case.reference, second.case.reference
    referral = first.referrals.select_related("to_organisation").get(to_organisation__slug="politia-locala-sector-1")

    manager = new_context().new_page()
    sign_in(manager, live_server, MANAGER, password, lang)
    walk = Walk(manager, live_server, lang)
    walk.visit("/protection/")
    walk.visit("/protection/new/")
    walk.submit_empty("/protection/new/")
    walk.visit(f"/protection/{one}/")
    for what in ("risk", "safety_plan", "order", "service", "follow_up", "contribution", "narrative", "team"):
        walk.visit(f"/protection/{one}/add/{what}/")
    walk.submit_empty(f"/protection/{one}/add/order/")
    walk.visit(f"/protection/{one}/refer/")
    walk.submit_empty(f"/protection/{one}/refer/")
    walk.visit(f"/protection/referrals/{referral.uuid}/")
    walk.visit(f"/protection/access-log/{LEAD}/")
    walk.visit("/protection/statistics/")
    walk.visit(f"/protection/persons/{first.person.code}/")

    social_worker = new_context().new_page()
    sign_in(social_worker, live_server, SOCIAL_WORKER, password, lang)
    walk.page = social_worker
    walk.visit(f"/protection/{two}/", status=404)
    walk.visit(f"/protection/{two}/emergency/")
    walk.submit_empty(f"/protection/{two}/emergency/")

    police = new_context().new_page()
    sign_in(police, live_server, POLICE, password, lang)
    walk.page = police
    walk.visit("/protection/")
    walk.visit(f"/protection/{one}/")
    walk.visit(f"/protection/referrals/{second.referrals.get().uuid}/")
    walk.assert_clean()


def click(page, name):
    with page.expect_navigation():
        page.get_by_role("button", name=name, exact=True).click()


def test_a_referral_is_sent_accepted_worked_on_and_completed(new_context, live_server, demo_world):
    from civica.core.models import AccessLogEntry
    from civica.protection.models import Referral

    _report, password = demo_world
    _first, second = references()
    reference = second.case.reference

    manager = new_context().new_page()
    sign_in(manager, live_server, MANAGER, password)
    manager.goto(url(live_server, f"/en/protection/{reference}/"))
    assert "Gheorghe Dobre" in manager.locator("main").inner_text()
    manager.get_by_role("link", name="Refer to another agency").click()
    manager.locator("#id_to_organisation").select_option(label="Asociația Anais")
    manager.locator("#section-services").check()
    manager.locator("#section-risk").check()
    manager.locator("#id_purpose").fill("Consiliere și însoțire la medicul de familie.")
    manager.locator("#id_basis").select_option("consent")
    manager.locator("#id_basis_detail").fill("Consimțământul fiicei, tutore legal, 20 noiembrie")
    manager.locator("#id_deadline").fill((datetime.date.today() + datetime.timedelta(days=14)).isoformat())
    click(manager, "Send the referral")
    assert "The referral has been sent." in manager.locator("main").inner_text()
    assert_accessible(manager)
    referral = Referral.objects.get(case=second, to_organisation__slug="asociatia-anais")
    assert referral.sections == ["risk", "services"]

    ngo = new_context().new_page()
    sign_in(ngo, live_server, NGO, password)
    # before accepting, the case itself is not open to the NGO
    assert ngo.goto(url(live_server, f"/en/protection/{reference}/")).status == 404
    ngo.goto(url(live_server, "/en/protection/"))
    ngo.get_by_role("link", name=f"{reference} · {second.person.code}").click()
    click(ngo, "Accept the referral")
    ngo.get_by_role("link", name="Open the shared sections of the case").click()
    page_text = ngo.locator("main").inner_text()
    assert "Services provided" in page_text and "Gheorghe Dobre" not in page_text
    ngo.get_by_role("link", name="Record a service provided").click()
    ngo.locator("#id_kind").select_option("counselling")
    ngo.locator("#id_provided_on").fill(datetime.date.today().isoformat())
    ngo.locator("#id_notes").fill("Prima vizită la domiciliu.")
    click(ngo, "Save")
    assert "Counselling" in ngo.locator("main").inner_text()
    assert AccessLogEntry.objects.filter(actor__email=NGO, reason__startswith="services: referral").exists()

    ngo.goto(url(live_server, f"/en/protection/referrals/{referral.uuid}/"))
    ngo.locator("#id_outcome").fill("Consiliere începută; familia îndrumată către medicul de familie.")
    click(ngo, "Complete the referral")
    referral.refresh_from_db()
    assert referral.state == Referral.State.COMPLETED
    assert ngo.goto(url(live_server, f"/en/protection/{reference}/")).status == 404

    # the case manager sees the NGO's contribution in the integrated view
    manager.goto(url(live_server, f"/en/protection/{reference}/"))
    assert "Prima vizită la domiciliu." in manager.locator("main").inner_text()
