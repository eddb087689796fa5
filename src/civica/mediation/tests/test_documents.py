"""The mediation's documents, filled in from the case and read back: the Romanian contract with its
mandatory clauses, the representative's mandate, the agreement and the closing minutes."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from civica.cases import document_services
from civica.cases.services import case_transition
from civica.core.documents import docx_text
from civica.mediation import services
from civica.mediation.models import MediationCase, Mediator, MediatorSelection

pytestmark = pytest.mark.django_db


@pytest.fixture
def romanian(make_organisation, make_member):
    centre = make_organisation(name="Centrul de mediere Sector 1", slug="cm-s1", kind="centre", country="RO")
    city = make_organisation(name="Primăria Sectorului 1", slug="ps1", country="RO")
    staff, requester = make_member(centre, role="staff"), make_member(city, role="staff")
    mediation = services.mediation_open(
        actor=requester,
        organisation=centre,
        requester_organisation=city,
        title="Despăgubiri pentru lucrările de pe strada Polonă",
        summary="Locatarii cer despăgubiri pentru avarii produse de lucrări.",
        country="RO",
        matter="public_service",
        value=Decimal("48000"),
        public_body_party=True,
        other_parties="Asociația de proprietari Polonă 12\nIon Marinescu",
        language="ro",
    )
    mediator = Mediator.objects.create(
        organisation=centre,
        full_name="Elena Dumitrescu",
        country="RO",
        authority="ro_consiliul_de_mediere",
        authorisation_number="2B/1234/2012",
    )
    return {"mediation": mediation, "staff": staff, "requester": requester, "mediator": mediator}


def confirm(world):
    selection = services.mediator_propose(
        actor=world["staff"], mediation=world["mediation"], mediator=world["mediator"]
    )
    services.mediator_declare(actor=world["staff"], selection=selection, no_conflict=True, declaration="Independentă.")
    MediatorSelection.objects.filter(pk=selection.pk).update(
        objection_deadline=timezone.now() - datetime.timedelta(minutes=1)
    )
    selection.refresh_from_db()
    services.mediator_confirm(actor=world["staff"], selection=selection)


def make(world, kind, **details):
    case = world["mediation"].case
    case.refresh_from_db()  # the transitions work on their own locked copy of the case
    document = document_services.document_generate(actor=world["staff"], case=case, kind_key=kind, details=details)
    with document.file.open("rb") as handle:
        return docx_text(handle.read())


def test_the_contract_needs_a_confirmed_mediator_then_names_everyone(romanian):
    with pytest.raises(ValidationError, match="Confirm the mediator"):
        make(romanian, "contract_ro", fee=Decimal("1500"), fee_sharing="", copies=4)
    confirm(romanian)
    text = make(romanian, "contract_ro", fee=Decimal("1500"), fee_sharing="", copies=4)
    for expected in [
        "Elena Dumitrescu",
        "2B/1234/2012",
        "Primăria Sectorului 1",
        "Asociația de proprietari Polonă 12",
        "Ion Marinescu",
        "1.500,00",  # the fee as Romanian writes amounts
        "48.000,00",
        romanian["mediation"].case.reference,
    ]:
        assert expected in text, expected


def test_the_mandate_is_only_for_a_public_body(romanian):
    mediation = romanian["mediation"]
    mediation.contract_clauses = [key for key, _label in MediationCase.RO_MANDATORY_CLAUSES]
    mediation.save()
    case = mediation.case
    case_transition(actor=romanian["staff"], case=case, transition="sign_contract")
    case_transition(actor=romanian["staff"], case=case, transition="start_sessions")
    details = {
        "representative": "Andrei Ionescu",
        "position": "consilier juridic",
        "legal_opinion": "Aviz nr. 77/2026",
        "act": "Dispoziția Primarului nr. 245/2026",
        "limits": "Despăgubiri de cel mult 30.000 lei.",
    }
    text = make(romanian, "mandate", **details)
    assert "Andrei Ionescu" in text and "Dispoziția Primarului nr. 245/2026" in text and "30.000 lei" in text
    MediationCase.objects.filter(pk=mediation.pk).update(public_body_party=False)
    case.refresh_from_db()
    with pytest.raises(ValidationError, match="public body"):
        document_services.document_generate(actor=romanian["staff"], case=case, kind_key="mandate", details=details)


def test_closing_minutes_after_a_failure_carry_the_outcome(romanian):
    confirm(romanian)
    mediation = romanian["mediation"]
    mediation.contract_clauses = [key for key, _label in MediationCase.RO_MANDATORY_CLAUSES]
    mediation.save()
    case = mediation.case
    with pytest.raises(ValidationError):  # minutes only once the mediation has ended
        make(romanian, "closing_minutes", place="București", closed_on=datetime.date(2026, 11, 20))
    for step in ("sign_contract", "start_sessions"):
        case_transition(actor=romanian["staff"], case=case, transition=step)
    case_transition(
        actor=romanian["staff"], case=case, transition="record_failure", outcome="Părțile nu au ajuns la o înțelegere."
    )
    text = make(romanian, "closing_minutes", place="București", closed_on=datetime.date(2026, 11, 20))
    assert "Părțile nu au ajuns la o înțelegere." in text
    assert "20" in text and "București" in text


def test_an_italian_invitation_needs_a_place_or_a_link(client, make_organisation, make_member):
    body = make_organisation(name="Le Stanze della Mediazione", slug="stanze", kind="mediation_body", country="IT")
    comune = make_organisation(name="Comune di Lecce", slug="lecce", country="IT")
    staff, requester = make_member(body, role="staff"), make_member(comune, role="staff")
    mediation = services.mediation_open(
        actor=requester,
        organisation=body,
        requester_organisation=comune,
        title="Condominio via Roma",
        country="IT",
        matter="condominium",
        value=Decimal("12000"),
        language="it",
    )
    client.force_login(staff)
    url = f"/it/cases/{mediation.case.reference}/documents/new/invitation/"
    response = client.post(url, {"details-meeting_at": "2026-12-03T10:00", "document-language": "it"})
    assert response.status_code == 200 and 'value="2026-12-03T10:00"' in response.content.decode()
    response = client.post(
        url,
        {"details-meeting_at": "2026-12-03T10:00", "details-place": "Via Roma 1, Lecce", "document-language": "it"},
    )
    assert response.status_code == 302
    document = mediation.case.documents.get()
    with document.file.open("rb") as handle:
        text = docx_text(handle.read())
    assert "Via Roma 1, Lecce" in text and "Comune di Lecce" in text and "3 dicembre 2026" in text.lower()
