"""The demo municipality takes a dispute to mediation in the browser, end to end: the estimate, the
mediation opened, a mediator proposed, declared, accepted and confirmed, the contract's clauses, the
decision circuit, the documents made and downloaded, and the closure, each side seeing its own part."""

import pytest
from pypdf import PdfReader

from .conftest import assert_accessible, sign_in, url

pytestmark = pytest.mark.browser

CENTRE = "amr-centru-resurse"
REQUESTER = "ioana.marin@primarie-s1.example"  # Sector 1 City Hall
STAFF = "mihai.ionescu@amr.example"  # the resource centre's consultant
TITLE = "Compensation for the works in Polonă street"


def click(page, name):
    with page.expect_navigation():
        page.get_by_role("button", name=name, exact=True).click()


def make_document(page, live_server, reference, kind, fields, shared=True):
    page.goto(url(live_server, f"/en/cases/{reference}/documents/new/{kind}/"))
    assert_accessible(page)
    for selector, value in fields.items():
        page.locator(selector).fill(value)
    if shared:
        page.locator("#id_document-shared_with_requester").check()
    click(page, "Make the document")
    assert "has been made" in page.locator("main").inner_text()


def test_a_municipality_goes_from_a_dispute_to_a_closed_mediation(new_context, live_server, demo_world, libreoffice):
    from civica.cases.models import Case, CaseDocument

    _report, password = demo_world
    requester = new_context().new_page()
    sign_in(requester, live_server, REQUESTER, password)

    # What would it cost? The Romanian estimate shows the court fees mediation would save.
    requester.goto(url(live_server, "/en/mediation/estimate/?country=RO&matter=public_service&value=48000&parties=2"))
    assert "2045" in requester.locator("main").inner_text().replace(",", "")

    requester.goto(url(live_server, f"/en/mediation/new/?to={CENTRE}"))
    requester.locator("#id_country").select_option("RO")
    requester.locator("#id_matter").select_option("public_service")
    requester.locator("#id_value").fill("48000")
    requester.locator("#id_title").fill(TITLE)
    requester.locator("#id_summary").fill("Residents ask for compensation for damage caused by the works.")
    requester.locator("#id_other_parties").fill("Polonă 12 Owners' Association")
    requester.locator("#id_language").select_option("en")
    click(requester, "Start the mediation")
    case = Case.objects.get(title=TITLE)
    assert requester.url.endswith(f"/en/mediation/{case.reference}/")

    staff = new_context().new_page()
    sign_in(staff, live_server, STAFF, password)
    staff.goto(url(live_server, f"/en/mediation/{case.reference}/"))
    staff.locator("#id_mediator").select_option(label="Elena Dumitrescu")
    click(staff, "Propose this mediator")
    staff.locator("#id_no_conflict").check()
    staff.locator("#id_declaration").fill("No link with the parties or the dispute.")
    click(staff, "Record the declaration")

    requester.goto(url(live_server, f"/en/mediation/{case.reference}/"))
    click(requester, "Accept this mediator")

    staff.reload()
    staff.locator("#others_accepted").check()
    click(staff, "Confirm the mediator")
    for checkbox in staff.locator('input[name="clauses"]').all():
        checkbox.check()
    click(staff, "Save the clauses")
    assert_accessible(staff)

    staff.goto(url(live_server, f"/en/cases/{case.reference}/"))
    make_document(
        staff, live_server, case.reference, "contract_ro", {"#id_details-fee": "1500", "#id_details-copies": "3"}
    )
    for step in ("Record the signed contract", "Start the sessions", "Ask for the legal opinion and the mandate"):
        click(staff, step)
    make_document(
        staff,
        live_server,
        case.reference,
        "mandate",
        {
            "#id_details-representative": "Andrei Ionescu",
            "#id_details-position": "Head of the legal department",
            "#id_details-legal_opinion": "Legal opinion no. 77/2026",
            "#id_details-act": "Mayor's disposition no. 245/2026",
            "#id_details-limits": "At most 30,000 lei.",
        },
        shared=False,
    )
    staff.locator("#outcome-agree").fill("The city hall pays 30,000 lei to the association by March 2027.")
    click(staff, "Record the agreement")
    make_document(
        staff,
        live_server,
        case.reference,
        "closing_minutes",
        {"#id_details-place": "Bucharest", "#id_details-closed_on": "2026-11-20"},
    )
    assert "Agreement signed" in staff.locator("main").inner_text()
    assert_accessible(staff)

    # The municipality sees the contract and the closing minutes, not the internal mandate, and
    # downloads the minutes as a PDF that says what was agreed.
    requester.goto(url(live_server, f"/en/cases/{case.reference}/"))
    documents = requester.locator("#documents + table").inner_text()
    assert "Mediation contract (Romania)" in documents and "Closing minutes" in documents
    assert "Mandate" not in documents
    minutes = CaseDocument.objects.get(case=case, kind="closing_minutes")
    with requester.expect_download() as download:
        requester.locator(f'a[href$="/documents/{minutes.uuid}/pdf/"]').click()
    pdf = PdfReader(download.value.path())
    text = "\n".join(p.extract_text() for p in pdf.pages)
    assert "The city hall pays 30,000 lei to the association by March 2027." in text
    assert "Elena Dumitrescu" in text and case.reference in text
    case.refresh_from_db()
    assert case.state == "agreement" and case.closed_at is not None
