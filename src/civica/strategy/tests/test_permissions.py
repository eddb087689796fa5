"""The permission matrix: drafts are private to the working group (and the organisation's admins) until
published; everyone else gets 404, by page, API and export, including another organisation's admin."""

import pytest

from civica.strategy import services

from .conftest import draft, run_to

SEES = {"admin", "coordinator", "member"}
RUNS = {"admin", "coordinator"}
PEOPLE = ["admin", "staff", "coordinator", "member", "outsider", "other_org", "anonymous"]


@pytest.fixture
def content(world):
    strategy = world["strategy"]
    survey = services.survey_create(
        actor=world["admin"], strategy=strategy, title="Sondaj", questions=[{"kind": "text", "text": "Ce lipsește?"}]
    )
    version = draft(world)
    run_to(world, "consultation")
    comment = services.comment_add(
        actor=world["member"],
        strategy=strategy,
        paragraph_uuid=version.texts.get(position=2).paragraph.uuid,
        text="Comentariu",
    )
    objective = services.objective_add(actor=world["admin"], strategy=strategy, code="O1", title="Obiectiv")
    measure = services.measure_add(actor=world["admin"], objective=objective, code="M1", title="Măsură")
    action = services.action_add(actor=world["admin"], measure=measure, code="A1", title="Acțiune", budget="10")
    services.decision_submit(actor=world["admin"], strategy=strategy, reference="PH 1", seats=3)
    return {"survey": survey, "version": version, "comment": comment, "action": action}


def _login(client, world, who):
    if who != "anonymous":
        client.force_login(world[who])


def _pages(world, content):
    strategy = world["strategy"]
    return [
        f"/en/strategies/{strategy.uuid}/",
        f"/en/strategies/stages/{strategy.stages.first().uuid}/",
        f"/en/strategies/surveys/{content['survey'].uuid}/",
        f"/en/strategies/versions/{content['version'].uuid}/",
        f"/en/strategies/{strategy.uuid}/plan/",
        f"/en/strategies/{strategy.uuid}/council/",
        f"/en/strategies/{strategy.uuid}/actions.csv",
    ]


def _api(world, content):
    strategy = world["strategy"]
    return [
        f"/api/v1/strategies/{strategy.uuid}",
        f"/api/v1/strategies/{strategy.uuid}/stages",
        f"/api/v1/strategies/{strategy.uuid}/versions",
        f"/api/v1/strategies/versions/{content['version'].uuid}",
        f"/api/v1/strategies/{strategy.uuid}/actions",
        f"/api/v1/strategies/{strategy.uuid}/votes",
    ]


@pytest.mark.parametrize("who", PEOPLE)
def test_a_draft_strategy_is_private_to_its_working_group(client, world, content, who):
    _login(client, world, who)
    for path in _pages(world, content) + _api(world, content):
        status = client.get(path).status_code
        assert status == (200 if who in SEES else 404), (who, path, status)
    assert client.get(f"/en/strategies/{world['strategy'].uuid}/progress/").status_code == 404
    listed = client.get("/en/strategies/").content.decode()
    assert (world["strategy"].title in listed) == (who in SEES)
    api_listed = [item["uuid"] for item in client.get("/api/v1/strategies").json()["items"]]
    assert (str(world["strategy"].uuid) in api_listed) == (who in SEES)


@pytest.mark.parametrize("who", PEOPLE)
def test_a_published_strategy_is_read_by_everyone_and_run_by_few(client, world, content, who):
    services.strategy_publish(actor=world["admin"], strategy=world["strategy"])
    _login(client, world, who)
    for path in [*_pages(world, content), f"/en/strategies/{world['strategy'].uuid}/progress/"]:
        assert client.get(path).status_code == 200, (who, path)
    # Running the process: moving a stage, writing a version, answering a comment.
    stage = world["strategy"].stages.get(kind="consultation")
    client.post(f"/en/strategies/stages/{stage.uuid}/transition/", {"transition": "finish"})
    stage.refresh_from_db()
    assert (stage.status == "done") == (who in RUNS)
    response = client.post(
        f"/api/v1/strategies/comments/{content['comment'].uuid}/answer",
        {"verdict": "accepted", "reason": ""},
        content_type="application/json",
    )
    expected = 200 if who in RUNS else (401 if who == "anonymous" else 404)
    assert response.status_code == expected, (who, response.status_code)


@pytest.mark.parametrize("who", PEOPLE)
def test_commenting_on_a_draft_needs_to_see_it(client, world, content, who):
    _login(client, world, who)
    paragraph = content["version"].texts.get(position=3).paragraph
    response = client.post(
        f"/en/strategies/versions/{content['version'].uuid}/comments/",
        {"comment-paragraph": str(paragraph.uuid), "comment-text": "Părerea mea"},
    )
    created = world["strategy"].comments.filter(text="Părerea mea").exists()
    assert created == (who in SEES), (who, response.status_code)
    if who == "anonymous":
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    elif who not in SEES:
        assert response.status_code == 404


def test_another_organisation_cannot_use_its_ids_in_our_forms(client, world, content, make_organisation):
    """Funding calls, groups and objectives of another organisation are not choices here."""
    other = services.strategy_create(actor=world["other_org"], organisation=world["theirs"], title="Străină")
    objective = services.objective_add(actor=world["other_org"], strategy=other, code="X", title="X")
    client.force_login(world["admin"])
    response = client.post(
        f"/en/strategies/{world['strategy'].uuid}/plan/measure/",
        {"measure-objective": str(objective.uuid), "measure-code": "M9", "measure-title": "Intrusă"},
    )
    assert response.status_code == 200 and not objective.measures.exists()
    assert client.get(f"/en/strategies/{other.uuid}/").status_code == 404


def test_a_draft_survey_is_reached_without_an_account_only_with_a_code(client, world, content):
    survey = content["survey"]
    path = f"/en/strategies/surveys/{survey.uuid}/answer/"
    assert client.get(path).status_code == 404
    assert client.get(path + "?code=NOTACODE").status_code == 404
    code = services.survey_tokens_issue(actor=world["admin"], survey=survey, count=1)[0]
    response = client.get(path + f"?code={code}")
    assert response.status_code == 200 and code in response.content.decode()  # the code is filled in
    question = survey.questions.get()
    client.post(path, {"answer-token": code, f"answer-question_{question.pk}": "Un medic"})
    assert survey.responses.get().channel == "token"
    assert client.get(path + f"?code={code}").status_code == 404  # spent
