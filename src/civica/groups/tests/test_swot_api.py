"""/api/v1/groups/.../swot: read within the group's visibility, written by those who run it, bad input
answered field by field and nothing written."""

import pytest

from civica.groups import services
from civica.groups.models import SwotAnalysis, SwotEntry

from .conftest import minutes_with_information, schedule

PEOPLE = ["admin", "staff", "coordinator", "member", "outsider", "other_org", "anonymous"]
SEES = {"admin", "coordinator", "member"}
RUNS = {"admin", "coordinator"}


@pytest.fixture
def swot(world):
    meeting = schedule(world)
    minutes = minutes_with_information(world, meeting)
    problem = minutes.themes.get().points.get(kind="problem")
    analysis = services.swot_create(actor=world["coordinator"], group=world["group"], title="SWOT", meeting=meeting)
    services.swot_entry_add(
        actor=world["coordinator"], analysis=analysis, kind="weakness", text="Date lipsă", points=[problem]
    )
    return {"analysis": analysis, "problem": problem, "meeting": meeting}


def _login(client, world, who):
    if who != "anonymous":
        client.force_login(world[who])


@pytest.mark.parametrize("who", PEOPLE)
def test_swot_api_matrix(client, world, swot, who):
    _login(client, world, who)
    group, analysis = world["group"], swot["analysis"]
    response = client.get(f"/api/v1/groups/swot/{analysis.uuid}")
    assert response.status_code == (200 if who in SEES else 404), who
    if who in SEES:
        body = response.json()
        assert body["entries"][0]["points"] == [str(swot["problem"].uuid)]
        assert body["meeting"] == str(swot["meeting"].uuid)
    response = client.get(f"/api/v1/groups/{group.uuid}/swot")
    assert response.status_code == (200 if who in SEES else 404), who
    response = client.post(
        f"/api/v1/groups/swot/{analysis.uuid}/entries",
        {"kind": "strength", "text": "Parteneriate", "points": []},
        content_type="application/json",
    )
    assert response.status_code == (201 if who in RUNS else 401 if who == "anonymous" else 404), who
    response = client.post(
        f"/api/v1/groups/{group.uuid}/swot", {"title": "A doua analiză"}, content_type="application/json"
    )
    assert response.status_code == (201 if who in RUNS else 401 if who == "anonymous" else 404), who
    assert SwotAnalysis.objects.count() == (2 if who in RUNS else 1)


def test_swot_api_answers_bad_input_by_field(client, world, swot):
    client.force_login(world["coordinator"])
    analysis = swot["analysis"]
    response = client.post(
        f"/api/v1/groups/swot/{analysis.uuid}/entries", {"kind": "hope", "text": ""}, content_type="application/json"
    )
    assert response.status_code == 422
    fields = {error["field"] for error in response.json()["errors"]}
    assert {"kind", "text"} <= fields
    information = swot["problem"].theme.points.get(kind="information")
    response = client.post(
        f"/api/v1/groups/swot/{analysis.uuid}/entries",
        {"kind": "threat", "text": "x", "points": [str(information.uuid)]},
        content_type="application/json",
    )
    assert response.status_code == 400 and response.json()["errors"][0]["field"] == "points"
    response = client.post(
        f"/api/v1/groups/{world['group'].uuid}/swot",
        {"title": "x", "meeting": "00000000-0000-0000-0000-000000000000"},
        content_type="application/json",
    )
    assert response.status_code == 400 and response.json()["errors"][0]["field"] == "meeting"
    assert SwotEntry.objects.count() == 1 and SwotAnalysis.objects.count() == 1
    response = client.post(
        f"/api/v1/groups/swot/{analysis.uuid}/entries",
        {"kind": "strength", "text": "Experți", "points": [str(swot["problem"].uuid)]},
        content_type="application/json",
    )
    assert response.status_code == 201 and response.json()["points"] == [str(swot["problem"].uuid)]


def test_swot_list_keeps_its_query_count(client, world, swot):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(world["coordinator"])
    path = f"/api/v1/groups/{world['group'].uuid}/swot"

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        return len(queries)

    small = count()
    for index in range(9):
        analysis = services.swot_create(actor=world["coordinator"], group=world["group"], title=f"SWOT {index}")
        services.swot_entry_add(
            actor=world["coordinator"], analysis=analysis, kind="threat", text="t", points=[swot["problem"]]
        )
    assert count() == small
