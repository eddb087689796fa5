"""The API: the same rules as the pages, field errors on bad input, nothing changed."""

import pytest

from civica.strategy import services

from .conftest import draft, run_to


def test_create_a_strategy_with_the_template(client, world):
    client.force_login(world["admin"])
    response = client.post(
        "/api/v1/strategies",
        {"organisation": str(world["ours"].uuid), "title": "Strategia 2026", "working_group": str(world["group"].uuid)},
        content_type="application/json",
    )
    assert response.status_code == 201
    uuid = response.json()["uuid"]
    stages = client.get(f"/api/v1/strategies/{uuid}/stages").json()
    assert stages[0]["kind"] == "vision" and len(stages) == 7


def test_bad_input_is_refused_with_field_errors(client, world):
    client.force_login(world["admin"])
    response = client.post(
        "/api/v1/strategies", {"organisation": str(world["ours"].uuid), "title": ""}, content_type="application/json"
    )
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "title"
    stage = world["strategy"].stages.get(kind="providers")
    response = client.post(
        f"/api/v1/strategies/stages/{stage.uuid}/transitions", {"transition": "start"}, content_type="application/json"
    )
    assert response.status_code == 400 and "order" in response.json()["errors"][0]["message"]


def test_versions_comments_and_answers(client, world):
    v1 = draft(world)
    run_to(world, "consultation")
    paragraph = v1.texts.get(position=2).paragraph
    client.force_login(world["member"])
    response = client.post(
        f"/api/v1/strategies/{world['strategy'].uuid}/comments",
        {"paragraph": str(paragraph.uuid), "text": "Precizați criteriile."},
        content_type="application/json",
    )
    assert response.status_code == 201
    comment = response.json()
    client.force_login(world["coordinator"])
    body = {
        "paragraphs": [
            {
                "paragraph": str(t.paragraph.uuid),
                "text": t.text + (" Criteriile: SPIRAL." if t.paragraph == paragraph else ""),
            }
            for t in v1.texts.order_by("position")
        ],
        "note": "După consultare",
    }
    response = client.post(
        f"/api/v1/strategies/{world['strategy'].uuid}/versions", body, content_type="application/json"
    )
    assert response.status_code == 201
    v2 = response.json()
    shown = next(p for p in v2["paragraphs"] if p["paragraph"] == str(paragraph.uuid))
    assert shown["comments"][0]["uuid"] == comment["uuid"] and shown["comments"][0]["text_changed"] is True
    response = client.post(
        f"/api/v1/strategies/comments/{comment['uuid']}/answer",
        {"verdict": "rejected", "reason": ""},
        content_type="application/json",
    )
    assert response.status_code == 400 and response.json()["errors"][0]["field"] == "reason"
    response = client.post(
        f"/api/v1/strategies/comments/{comment['uuid']}/answer",
        {"verdict": "accepted"},
        content_type="application/json",
    )
    assert response.status_code == 200 and response.json()["verdict"] == "accepted"


def test_actions_progress_and_votes(client, world):
    draft(world)
    objective = services.objective_add(actor=world["admin"], strategy=world["strategy"], code="O1", title="O")
    measure = services.measure_add(actor=world["admin"], objective=objective, code="M1", title="M")
    action = services.action_add(actor=world["admin"], measure=measure, code="A1", title="A", budget="250.50")
    services.decision_submit(actor=world["admin"], strategy=world["strategy"], reference="PH 3", seats=2)
    client.force_login(world["admin"])
    base = f"/api/v1/strategies/{world['strategy'].uuid}"
    items = client.get(f"{base}/actions").json()["items"]
    assert items[0]["budget"] == "250.50" and items[0]["objective"] == "O1"
    assert (
        client.post(
            f"/api/v1/strategies/actions/{action.uuid}/progress", {"progress": 140}, content_type="application/json"
        ).status_code
        == 422
    )
    response = client.post(
        f"/api/v1/strategies/actions/{action.uuid}/progress", {"progress": 40}, content_type="application/json"
    )
    assert response.json()["progress"] == 40
    response = client.post(f"{base}/votes", {"councillor": "Ion Pop", "option": "yes"}, content_type="application/json")
    assert response.status_code == 201 and response.json()["counts"]["yes"] == 1
    again = client.post(f"{base}/votes", {"councillor": "ion pop", "option": "no"}, content_type="application/json")
    assert again.status_code == 400 and again.json()["errors"][0]["field"] == "councillor"


@pytest.mark.parametrize("path", ["/api/v1/strategies/00000000-0000-0000-0000-000000000000", "/api/v1/strategies/x"])
def test_unknown_ids(client, world, path):
    assert client.get(path).status_code in {404, 422}
