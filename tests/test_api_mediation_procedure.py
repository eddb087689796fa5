"""A demo municipality's dispute through the API, end to end: a Romanian mediation opened, a mediator
proposed, declared, accepted and confirmed, the contract signed, the decision circuit recorded, the
agreement reached, and the documents made, listed and downloaded by whom may see them."""

import io
import json
from decimal import Decimal

import pytest
from pypdf import PdfReader

from civica.accounts.services import api_token_create
from civica.core.documents import docx_text
from civica.mediation.models import MediationCase, Mediator

pytestmark = pytest.mark.django_db


def _auth(user):
    return {"HTTP_AUTHORIZATION": f"Bearer {api_token_create(actor=user, name='test').raw}"}


@pytest.fixture
def world(make_organisation, make_member):
    centre = make_organisation(name="Centrul de mediere Sector 1", slug="cm", kind="centre", country="RO")
    city = make_organisation(name="Primăria Sectorului 1", slug="ps1", country="RO")
    other = make_organisation(name="Primăria Sibiu", slug="sibiu", country="RO")
    mediator = Mediator.objects.create(
        organisation=centre,
        full_name="Elena Dumitrescu",
        country="RO",
        authority="ro_consiliul_de_mediere",
        authorisation_number="2B/1234/2012",
        public_bodies=True,
    )
    return {
        "centre": centre,
        "city": city,
        "mediator": mediator,
        "staff": _auth(make_member(centre, role="staff")),
        "requester": _auth(make_member(city, role="staff")),
        "outsider": _auth(make_member(other, role="admin")),
    }


def call(client, method, url, auth, body=None):
    kwargs = {"content_type": "application/json"}
    if body is not None:
        kwargs["data"] = json.dumps(body)
    return getattr(client, method)(url, **kwargs, **auth)


def test_from_dispute_to_agreement_and_documents(client, world, libreoffice):
    staff, requester, outsider = world["staff"], world["requester"], world["outsider"]
    opened = call(
        client,
        "post",
        "/api/v1/mediations",
        requester,
        {
            "organisation": str(world["centre"].uuid),
            "requester_organisation": str(world["city"].uuid),
            "country": "RO",
            "matter": "public_service",
            "value": "48000",
            "public_body_party": True,
            "title": "Despăgubiri pentru lucrările de pe strada Polonă",
            "summary": "Locatarii cer despăgubiri.",
            "other_parties": "Asociația de proprietari Polonă 12",
            "language": "ro",
        },
    )
    assert opened.status_code == 201, opened.content
    reference = opened.json()["reference"]
    assert opened.json()["parties"] == ["Primăria Sectorului 1", "Asociația de proprietari Polonă 12"]
    assert call(client, "get", f"/api/v1/mediations/{reference}", outsider).status_code == 404

    base = f"/api/v1/mediations/{reference}"
    assert (
        call(client, "post", f"{base}/mediator", requester, {"mediator": str(world["mediator"].uuid)}).status_code
        == 404
    )
    assert call(client, "post", f"{base}/mediator", staff, {"mediator": str(world["mediator"].uuid)}).status_code == 200
    declared = call(
        client, "post", f"{base}/mediator/declaration", staff, {"no_conflict": True, "declaration": "Independentă."}
    )
    assert declared.json()["mediator"]["status"] == "declared"
    early = call(client, "post", f"{base}/mediator/confirmation", staff, {})
    assert early.status_code == 400 and "object" in json.dumps(early.json()["errors"])
    assert call(client, "post", f"{base}/mediator/acceptance", staff).status_code == 404  # not a party
    assert call(client, "post", f"{base}/mediator/acceptance", requester).status_code == 200
    confirmed = call(client, "post", f"{base}/mediator/confirmation", staff, {"others_accepted": True})
    assert confirmed.json()["mediator"]["status"] == "confirmed"

    clauses = [key for key, _label in MediationCase.RO_MANDATORY_CLAUSES]
    assert call(client, "put", f"{base}/contract-clauses", staff, {"clauses": clauses}).status_code == 200
    documents = f"/api/v1/cases/{reference}/documents"
    contract = call(
        client,
        "post",
        documents,
        staff,
        {"kind": "contract_ro", "details": {"fee": "1500", "copies": 3}, "shared_with_requester": True},
    )
    assert contract.status_code == 201, contract.content
    for step in ("sign_contract", "start_sessions", "seek_mandate"):
        moved = call(client, "post", f"/api/v1/cases/{reference}/transitions", staff, {"transition": step})
        assert moved.status_code == 200, (step, moved.content)

    bad = call(client, "post", documents, staff, {"kind": "mandate", "details": {"representative": "A. Ionescu"}})
    assert bad.status_code == 400
    assert {error["field"] for error in bad.json()["errors"]} >= {"details.position", "details.act", "details.limits"}
    mandate = call(
        client,
        "post",
        documents,
        staff,
        {
            "kind": "mandate",
            "details": {
                "representative": "Andrei Ionescu",
                "position": "consilier juridic",
                "legal_opinion": "Aviz nr. 77/2026",
                "act": "Dispoziția Primarului nr. 245/2026",
                "limits": "Cel mult 30.000 lei.",
            },
        },
    )
    assert mandate.status_code == 201
    agreed = call(
        client,
        "post",
        f"/api/v1/cases/{reference}/transitions",
        staff,
        {"transition": "agree", "outcome": "Primăria plătește 30.000 lei asociației."},
    )
    assert agreed.status_code == 200 and agreed.json()["state"] == "agreement"
    minutes = call(
        client,
        "post",
        documents,
        staff,
        {
            "kind": "closing_minutes",
            "details": {"place": "București", "closed_on": "2026-11-20"},
            "shared_with_requester": True,
        },
    )
    assert minutes.status_code == 201

    # The requester sees the two shared documents, not the internal mandate; an outsider sees nothing.
    listed = call(client, "get", documents, requester).json()
    assert {document["kind"] for document in listed} == {"contract_ro", "closing_minutes"}
    assert call(client, "get", documents, outsider).status_code == 404
    pdf = client.get(minutes.json()["pdf_url"], **requester)
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(b"".join(pdf.streaming_content))).pages)
    assert "Primăria plătește 30.000 lei asociației." in text and reference in text
    internal = client.get(mandate.json()["file_url"], **requester)
    assert internal.status_code == 404
    docx = client.get(mandate.json()["file_url"], **staff)
    assert "Andrei Ionescu" in docx_text(b"".join(docx.streaming_content))
    assert MediationCase.objects.get().value == Decimal("48000")


def test_opening_refuses_violence_and_bad_input_changes_nothing(client, world):
    body = {
        "organisation": str(world["centre"].uuid),
        "requester_organisation": str(world["city"].uuid),
        "country": "RO",
        "matter": "domestic_violence",
        "title": "Caz",
    }
    refused = call(client, "post", "/api/v1/mediations", world["requester"], body)
    assert refused.status_code == 400 and "Istanbul" in refused.json()["detail"] + json.dumps(refused.json()["errors"])
    assert call(client, "post", "/api/v1/mediations", world["requester"], {**body, "country": "FR"}).status_code in {
        400,
        422,
    }
    on_behalf_of_others = call(client, "post", "/api/v1/mediations", world["outsider"], {**body, "matter": "lease"})
    assert on_behalf_of_others.status_code == 404
    assert not MediationCase.objects.exists()


def test_estimate_api_carries_romanian_court_fees(client, db):
    answer = client.get("/api/v1/estimates", {"country": "RO", "matter": "public_service", "value": "48000"}).json()
    assert answer["court_fees"]["court_action"] == "2045.00"
    assert answer["court_fees"]["agreement_approval"] == "20.00"
