"""Local indicators from the pages and the API: created and measured by their organisation's staff,
read by everyone when public, by the organisation only when not; bad input refused field by field."""

from decimal import Decimal

import pytest

from civica.sdg import services
from civica.sdg.models import LocalIndicator, Measurement

PEOPLE = ["admin", "staff", "member", "other_admin", "anonymous"]
MANAGES = {"admin", "staff"}


@pytest.fixture
def local(two_organisations):
    ours, _theirs, people = two_organisations
    indicator = services.local_indicator_create(
        actor=people["admin"],
        organisation=ours,
        name="Cazuri de violență domestică raportate",
        unit="cazuri",
        baseline=Decimal("120"),
        baseline_year=2019,
        target_value=Decimal("60"),
        target_year=2025,
        is_public=False,
    )
    return {"ours": ours, "people": people, "indicator": indicator}


def _login(client, people, who):
    if who != "anonymous":
        client.force_login(people[who])


@pytest.mark.parametrize("who", PEOPLE)
def test_private_local_indicator_matrix(client, local, who):
    people, indicator = local["people"], local["indicator"]
    _login(client, people, who)
    sees = who in MANAGES | {"member"}
    assert client.get(f"/en/sdg/indicators/{indicator.uuid}/").status_code == (200 if sees else 404)
    assert client.get(f"/api/v1/groups/sdg/local-indicators/{indicator.uuid}").status_code == (200 if sees else 404)
    response = client.post(
        f"/en/sdg/indicators/{indicator.uuid}/measurements/",
        {"measurement-measured_on": "2021-06-30", "measurement-value": "101"},
    )
    assert response.status_code == (302 if who in MANAGES or who == "anonymous" else 404), who
    response = client.post(
        f"/api/v1/groups/sdg/local-indicators/{indicator.uuid}/measurements",
        {"measured_on": "2022-06-30", "value": "95.5"},
        content_type="application/json",
    )
    assert response.status_code == (201 if who in MANAGES else 401 if who == "anonymous" else 404), who
    assert Measurement.objects.count() == (2 if who in MANAGES else 0)
    expected_new = 200 if who in MANAGES | {"other_admin"} else (302 if who == "anonymous" else 404)
    assert client.get("/en/sdg/indicators/new/").status_code == expected_new


def test_create_from_the_page_then_measure_and_see_the_chart(client, local):
    client.force_login(local["people"]["staff"])
    response = client.post(
        "/en/sdg/indicators/new/",
        {
            "organisation": local["ours"].slug,
            "name": "Plângeri de corupție soluționate",
            "unit": "%",
            "indicator": "16.5.1",
            "baseline": "40",
            "baseline_year": "2019",
            "target_value": "80",
            "target_year": "2025",
            "is_public": "on",
        },
    )
    created = LocalIndicator.objects.get(name="Plângeri de corupție soluționate")
    assert response["Location"].endswith(f"/sdg/indicators/{created.uuid}/")
    assert created.indicator.code == "16.5.1" and created.is_public
    client.post(
        f"/en/sdg/indicators/{created.uuid}/measurements/",
        {"measurement-measured_on": "2021-12-31", "measurement-value": "55", "measurement-note": "Raport anual"},
    )
    page = client.get(f"/en/sdg/indicators/{created.uuid}/").content.decode()
    assert "<svg" in page and "<polyline" in page and "Raport anual" in page and "55" in page
    # Bad input: a measurement before the baseline year is refused, the typed values stay.
    response = client.post(
        f"/en/sdg/indicators/{created.uuid}/measurements/",
        {"measurement-measured_on": "2010-01-01", "measurement-value": "77", "measurement-note": "greșit"},
    )
    assert response.status_code == 200 and "greșit" in response.content.decode()
    assert created.measurements.count() == 1
    response = client.post(
        "/en/sdg/indicators/new/",
        {
            "organisation": local["ours"].slug,
            "name": "Păstrat",
            "baseline": "1",
            "baseline_year": "2025",
            "target_value": "2",
            "target_year": "2020",
        },
    )
    assert response.status_code == 200 and "Păstrat" in response.content.decode()
    assert not LocalIndicator.objects.filter(name="Păstrat").exists()
    measurement = created.measurements.get()
    assert client.post(f"/en/sdg/indicators/{created.uuid}/measurements/{measurement.pk}/delete/").status_code == 302
    assert not created.measurements.exists()


def test_api_creates_and_validates_by_field(client, local):
    client.force_login(local["people"]["admin"])
    payload = {
        "organisation": str(local["ours"].uuid),
        "name": "Timp mediu de răspuns",
        "indicator": "16.6.2",
        "baseline": "10",
        "baseline_year": 2019,
        "target_value": "5",
        "target_year": 2026,
    }
    response = client.post("/api/v1/groups/sdg/local-indicators", payload, content_type="application/json")
    assert response.status_code == 201 and response.json()["indicator"] == "16.6.2"
    bad = {**payload, "baseline_year": 1200, "name": ""}
    response = client.post("/api/v1/groups/sdg/local-indicators", bad, content_type="application/json")
    assert response.status_code == 422
    assert {"baseline_year", "name"} <= {error["field"] for error in response.json()["errors"]}
    response = client.post(
        "/api/v1/groups/sdg/local-indicators", {**payload, "indicator": "16.9.9"}, content_type="application/json"
    )
    assert response.status_code == 400 and response.json()["errors"][0]["field"] == "indicator"
    assert LocalIndicator.objects.filter(name="Timp mediu de răspuns").count() == 1
    client.force_login(local["people"]["other_admin"])
    listed = client.get("/api/v1/groups/sdg/local-indicators").json()["items"]
    assert [item["name"] for item in listed] == ["Timp mediu de răspuns"]  # the private one stays hidden


def test_indicator_page_keeps_its_query_count(client, local):
    from datetime import date

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(local["people"]["staff"])
    indicator = local["indicator"]
    path = f"/en/sdg/indicators/{indicator.uuid}/"

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        return len(queries)

    services.measurement_record(actor=None, local_indicator=indicator, measured_on=date(2020, 1, 1), value=Decimal(1))
    small = count()
    for month in range(2, 12):
        services.measurement_record(
            actor=None, local_indicator=indicator, measured_on=date(2020, month, 1), value=Decimal(month)
        )
    assert count() == small
