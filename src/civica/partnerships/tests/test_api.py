"""The partnerships API: bad input answers 422/400 with the field, nothing changes; reads follow the pages."""

from civica.partnerships import services

from .conftest import make_action, make_memorandum


def test_bad_filters_and_bodies_are_refused_with_the_field(client, world):
    assert client.get("/api/v1/pilot-actions?state=flying").json()["errors"][0]["field"] == "state"
    action = make_action(world)
    client.force_login(world["centre_staff"])
    bad = client.post(
        f"/api/v1/pilot-actions/{action.uuid}/transitions", {"transition": "fly"}, content_type="application/json"
    )
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "transition"
    out_of_order = client.post(
        f"/api/v1/pilot-actions/{action.uuid}/transitions", {"transition": "evaluate"}, content_type="application/json"
    )
    assert out_of_order.status_code == 400 and out_of_order.json()["errors"][0]["field"] == "transition"
    action.refresh_from_db()
    assert action.state == "proposed"


def test_detail_carries_partners_indicators_and_the_memorandum_status(client, world):
    from decimal import Decimal

    action = make_action(world)
    services.indicator_add(
        actor=world["centre_staff"], action=action, name="Γονείς", baseline=Decimal(0), target=Decimal(50)
    )
    client.force_login(world["ngo_staff"])
    detail = client.get(f"/api/v1/pilot-actions/{action.uuid}").json()
    assert detail["partners"] == [str(world["city"].uuid)] and detail["budget"] == "12500.00"
    assert detail["indicators"][0]["target"] == "50.00"
    memorandum = make_memorandum(world, signed_on=None, expires_on=None, document=False)
    client.force_login(world["city_staff"])
    item = client.get(f"/api/v1/memoranda/{memorandum.uuid}").json()
    assert item["status"] == "draft" and item["has_document"] is False
    assert item["parties"] == [str(world["city"].uuid)]
