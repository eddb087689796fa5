"""/api/v1/ for needs and offers: reads within visibility (not visible → 404), the public offer with
validation (422 for malformed, 400 for refused values), the rate limit."""

import pytest
from django.core.cache import cache

from civica.hub import services
from civica.hub.models import Offer

from .conftest import OFFER

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


def test_needs_for_staff_and_members_only(centre_world, client):
    w = centre_world
    w.need.services.add(w.service)
    assert client.get("/api/v1/centres/accmr/needs").status_code == 404
    client.force_login(w.ngo_member)
    body = client.get("/api/v1/centres/accmr/needs").json()
    assert [item["title"] for item in body["items"]] == ["Interpreters for asylum interviews"]
    assert body["items"][0]["services"] == [{"id": str(w.service.id), "name": "Asylum legal advice"}]
    assert client.get(f"/api/v1/needs/{w.need.uuid}").json()["sector"] == "legal"
    assert client.get(f"/api/v1/needs/{w.foreign_need.uuid}").status_code == 404
    assert client.get("/api/v1/centres/accmr/needs?unanswered=true").json()["count"] == 0
    assert client.get("/api/v1/centres/accmr/needs?sector=space").status_code == 422
    client.force_login(w.outsider_admin)
    assert client.get("/api/v1/centres/accmr/needs").status_code == 404
    assert client.get(f"/api/v1/needs/{w.need.uuid}").status_code == 404


def test_public_offer_by_api(centre_world, client):
    response = client.post("/api/v1/centres/accmr/offers", OFFER, content_type="application/json")
    assert response.status_code == 201 and response.json()["state"] == "offered"
    offer = Offer.objects.get(reference=response.json()["reference"])
    assert offer.contact_email == "giorgos@outdoor.example" and offer.language == "el"


def test_bad_offers_are_refused_with_field_errors(centre_world, client):
    missing = client.post("/api/v1/centres/accmr/offers", {"kind": "goods"}, content_type="application/json")
    assert missing.status_code == 422
    assert {"offerer_kind", "description", "contact_name"} <= {e["field"] for e in missing.json()["errors"]}
    refused = client.post(
        "/api/v1/centres/accmr/offers",
        {**OFFER, "consent_to_contact": False, "contact_email": "not-an-address"},
        content_type="application/json",
    )
    assert refused.status_code == 400
    assert {e["field"] for e in refused.json()["errors"]} == {"consent_to_contact", "contact_email"}
    assert client.post("/api/v1/centres/nowhere/offers", OFFER, content_type="application/json").status_code == 404
    assert not Offer.objects.filter(centre=centre_world.centre).exists()


def test_api_rate_limit(centre_world, client, settings):
    settings.CIVICA_OFFER_RATE_LIMIT = (1, 3600)
    codes = [
        client.post("/api/v1/centres/accmr/offers", OFFER, content_type="application/json").status_code
        for _i in range(2)
    ]
    assert codes == [201, 429]


def test_offers_for_the_centre_and_the_matched_member(centre_world, client):
    w = centre_world
    offer = services.offer_submit(centre=w.centre, data=dict(OFFER))
    client.force_login(w.centre_staff)
    assert client.get("/api/v1/centres/accmr/offers").json()["count"] == 1
    assert client.get(f"/api/v1/offers/{offer.uuid}").json()["contact_email"] == "giorgos@outdoor.example"
    assert client.get(f"/api/v1/offers/{w.foreign_offer.uuid}").status_code == 404
    client.force_login(w.ngo_staff)
    assert client.get("/api/v1/centres/accmr/offers").json()["count"] == 0
    assert client.get(f"/api/v1/offers/{offer.uuid}").status_code == 404
    services.offer_match(actor=w.centre_staff, offer=offer, needs=[w.need], organisation=w.ngo)
    assert client.get("/api/v1/centres/accmr/offers").json()["count"] == 1
    assert client.get(f"/api/v1/offers/{offer.uuid}").json()["state"] == "matched"
    for outsider in (w.ngo_member, w.outsider_admin, w.elsewhere_staff):
        client.force_login(outsider)
        assert client.get(f"/api/v1/offers/{offer.uuid}").status_code == 404
        assert client.get("/api/v1/centres/accmr/offers").status_code == 404
    client.logout()
    assert client.get(f"/api/v1/offers/{offer.uuid}").status_code == 404
    assert client.get("/api/v1/centres/accmr/offers").status_code == 404


def test_needs_api_query_count_is_pinned(centre_world, client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from civica.hub.models import Need

    w = centre_world
    client.force_login(w.centre_staff)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/api/v1/centres/accmr/needs").status_code == 200
        return len(queries)

    before = count()
    for number in range(10):
        need = Need.objects.create(centre=w.centre, title=f"Need {number}", sector="labour", committee=w.committee)
        need.services.add(w.service)
    assert count() == before
