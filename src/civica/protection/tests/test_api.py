"""The protection API follows the same rules as the pages: codes in lists, only the sections a referral
names, every read logged (channel "api"), 404 for anything else, 400/422 with field errors."""

import datetime
import json

import pytest
from django.utils import timezone

from civica.accounts.services import api_token_create
from civica.core.models import AccessLogEntry
from civica.protection.models import Referral

from .conftest import SECRET_NAME, SECRET_NARRATIVE, refer

pytestmark = pytest.mark.django_db


def auth(user):
    return {"HTTP_AUTHORIZATION": f"Bearer {api_token_create(actor=user, name='test').raw}"}


def test_lists_carry_codes_and_only_for_those_who_may_open(client, pcase, world):
    manager = client.get("/api/v1/protection/cases", **auth(world["people"]["manager"])).json()
    assert manager["count"] == 1
    item = manager["items"][0]
    assert item["code"] == pcase.person.code and item["reference"] == pcase.case.reference
    assert SECRET_NAME not in json.dumps(manager)
    assert client.get("/api/v1/protection/cases", **auth(world["people"]["other"])).json()["count"] == 0


def test_a_referral_through_the_api_from_sending_to_completion(client, pcase, world):
    manager, police = auth(world["people"]["manager"]), auth(world["people"]["police"])
    url = f"/api/v1/protection/cases/{pcase.case.reference}"
    assert client.get(url, **police).status_code == 404
    body = {
        "to_organisation": str(world["police"].uuid),
        "sections": ["narrative"],
        "purpose": "Verificare",
        "basis": "consent",
        "basis_detail": "Consimțământ scris",
        "deadline": (timezone.localdate() + datetime.timedelta(days=5)).isoformat(),
    }
    bad = client.post(
        f"{url}/referrals", json.dumps({**body, "basis_detail": ""}), content_type="application/json", **manager
    )
    assert bad.status_code == 400 and {"field": "basis_detail"}.items() <= bad.json()["errors"][0].items()
    assert (
        client.post(
            f"{url}/referrals", json.dumps({**body, "sections": []}), content_type="application/json", **manager
        ).status_code
        == 422
    )
    created = client.post(f"{url}/referrals", json.dumps(body), content_type="application/json", **manager)
    assert created.status_code == 201, created.content
    uuid = created.json()["uuid"]
    assert [r["uuid"] for r in client.get("/api/v1/protection/referrals", **police).json()] == [uuid]
    accepted = client.post(
        f"/api/v1/protection/referrals/{uuid}/accept", "{}", content_type="application/json", **police
    )
    assert accepted.json()["state"] == "accepted"
    case = client.get(url, **police).json()
    assert list(case["sections"]) == ["narrative"]
    assert case["sections"]["narrative"]["narrative"] == SECRET_NARRATIVE
    assert SECRET_NAME not in json.dumps(case)
    assert AccessLogEntry.objects.filter(channel="api", reason__startswith="narrative: referral").count() == 1
    done = client.post(
        f"/api/v1/protection/referrals/{uuid}/complete",
        json.dumps({"outcome": "Verificat"}),
        content_type="application/json",
        **police,
    )
    assert done.json()["state"] == "completed"
    assert client.get(url, **police).status_code == 404


def test_the_lead_reads_every_section_as_json(client, pcase, world):
    from civica.protection import services

    manager = world["people"]["manager"]
    services.service_add(
        actor=manager, pcase=pcase, kind="legal", provided_on=timezone.localdate(), notes="Avocat numit"
    )
    services.risk_assessment_add(actor=manager, pcase=pcase, answers={"weapon": True})
    data = client.get(f"/api/v1/protection/cases/{pcase.case.reference}", **auth(manager)).json()
    assert data["sections"]["person"]["full_name"] == SECRET_NAME
    assert data["sections"]["services"]["services"][0]["notes"] == "Avocat numit"
    assert data["sections"]["risk"]["assessments"][0]["item"]["score"] == 3


def test_others_get_404_for_everything(client, pcase, world):
    referral = refer(pcase, world)
    other = auth(world["people"]["other"])
    assert client.get(f"/api/v1/protection/cases/{pcase.case.reference}", **other).status_code == 404
    for action in ("accept", "revoke", "nonsense"):
        response = client.post(
            f"/api/v1/protection/referrals/{referral.uuid}/{action}", "{}", content_type="application/json", **other
        )
        assert response.status_code == 404
    assert (
        client.post(
            "/api/v1/protection/referrals/not-a-uuid/accept", "{}", content_type="application/json", **other
        ).status_code
        == 404
    )
    referral.refresh_from_db()
    assert referral.state == Referral.State.SENT


def test_statistics_through_the_api(client, pcase, world):
    tables = client.get("/api/v1/protection/statistics", **auth(world["people"]["police"])).json()
    assert [t["title"] for t in tables] == ["By kind of violence", "By territory", "By age band", "By sex"]
    assert tables[0]["total"] == "<5"
    assert client.get("/api/v1/protection/statistics", **auth(world["people"]["police_member"])).status_code == 404
