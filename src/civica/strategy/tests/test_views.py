"""Every page renders for those who run the strategy, and bad input re-renders the form filled in."""

import datetime

import pytest

from civica.strategy import services

from .conftest import draft, run_to


@pytest.fixture
def full(world):
    """A strategy with a survey, a draft in consultation with a comment, a plan, a charter and a vote pending."""
    strategy, admin = world["strategy"], world["admin"]
    survey = services.survey_create(
        actor=admin,
        strategy=strategy,
        title="Criterii de bunăstare",
        purpose="wellbeing",
        questions=[
            {"kind": "choice", "text": "Prioritate", "choices": ["Locuință", "Sănătate"]},
            {"kind": "scale", "text": "Cum vă descurcați?"},
            {"kind": "text", "text": "Ce lipsește?"},
        ],
    )
    version = draft(world)
    run_to(world, "consultation")
    comment = services.comment_add(
        actor=world["member"],
        strategy=strategy,
        paragraph_uuid=version.texts.get(position=2).paragraph.uuid,
        text="Includeți persoanele vârstnice.",
    )
    objective = services.objective_add(actor=admin, strategy=strategy, code="O1", title="Servicii integrate")
    measure = services.measure_add(actor=admin, objective=objective, code="M1", title="Centre de zi")
    action = services.action_add(
        actor=admin, measure=measure, code="A1", title="Centru de zi", budget="1000", progress=10
    )
    charter = services.charter_create(actor=admin, organisation=world["ours"], title="Charta", strategy=strategy)
    services.funding_source_add(actor=admin, organisation=world["ours"], name="Buget local", kind="local")
    return {"survey": survey, "version": version, "comment": comment, "action": action, "charter": charter}


def _pages(world, full):
    strategy = world["strategy"]
    stage = strategy.stages.first()
    return [
        "/en/strategies/",
        "/en/strategies/new/",
        f"/en/strategies/{strategy.uuid}/",
        f"/en/strategies/stages/{stage.uuid}/",
        f"/en/strategies/{strategy.uuid}/surveys/new/",
        f"/en/strategies/surveys/{full['survey'].uuid}/",
        f"/en/strategies/surveys/{full['survey'].uuid}/answer/",
        f"/en/strategies/versions/{full['version'].uuid}/",
        f"/en/strategies/{strategy.uuid}/draft/new/",
        f"/en/strategies/{strategy.uuid}/plan/",
        f"/en/strategies/{strategy.uuid}/council/",
        "/en/strategies/funding/",
        "/en/charters/",
        f"/en/charters/{full['charter'].uuid}/",
        f"/en/strategies/{strategy.uuid}/actions.csv",
    ]


def test_every_page_renders_for_the_organisation_admin(client, world, full):
    client.force_login(world["admin"])
    for path in _pages(world, full):
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)


def test_a_comment_and_its_answer_through_the_pages(client, world, full):
    version = full["version"]
    paragraph = version.texts.get(position=3).paragraph
    client.force_login(world["member"])
    response = client.post(
        f"/en/strategies/versions/{version.uuid}/comments/",
        {"comment-paragraph": str(paragraph.uuid), "comment-text": "  "},
    )
    assert response.status_code == 200 and b"govuk-error-summary" in response.content
    response = client.post(
        f"/en/strategies/versions/{version.uuid}/comments/",
        {"comment-paragraph": str(paragraph.uuid), "comment-text": "Mai multe centre."},
    )
    assert response.status_code == 302
    comment = world["strategy"].comments.get(text="Mai multe centre.")
    client.force_login(world["coordinator"])
    prefix = f"answer-{comment.uuid}"
    response = client.post(
        f"/en/strategies/comments/{comment.uuid}/answer/", {f"{prefix}-verdict": "rejected", f"{prefix}-reason": ""}
    )
    assert response.status_code == 200 and b"Say why" in response.content
    response = client.post(
        f"/en/strategies/comments/{comment.uuid}/answer/",
        {f"{prefix}-verdict": "partly", f"{prefix}-reason": "Un centru nou în 2026."},
    )
    assert response.status_code == 302
    page = client.get(f"/en/strategies/versions/{version.uuid}/").content.decode()
    assert "Partly accepted" in page and "Un centru nou în 2026." in page


def test_anonymous_answer_with_a_one_time_code(client, world, full):
    """On a published strategy the form is open to anyone; a wrong code re-renders it with what was typed."""
    services.strategy_publish(actor=world["admin"], strategy=world["strategy"])
    survey = full["survey"]
    code = services.survey_tokens_issue(actor=world["coordinator"], survey=survey, count=1)[0]
    questions = {q.kind: q.pk for q in survey.questions.all()}
    data = {
        "answer-token": "WRONGCODE",
        f"answer-question_{questions['choice']}": "Sănătate",
        f"answer-question_{questions['scale']}": "4",
        f"answer-question_{questions['text']}": "Un medic de familie",
    }
    response = client.post(f"/en/strategies/surveys/{survey.uuid}/answer/", data)
    assert response.status_code == 200 and "Un medic de familie" in response.content.decode()
    assert survey.responses.count() == 0
    response = client.post(f"/en/strategies/surveys/{survey.uuid}/answer/", {**data, "answer-token": code})
    assert response.status_code == 200 and survey.responses.get().channel == "token"


def test_the_council_vote_through_the_pages(client, world, full):
    client.force_login(world["admin"])
    strategy = world["strategy"]
    base = f"/en/strategies/{strategy.uuid}/council/"
    assert client.post(base + "decision/", {"decision-reference": "", "decision-seats": "3"}).status_code == 200
    client.post(
        base + "decision/", {"decision-reference": "PH 7/2025", "decision-seats": "3", "decision-majority": "simple"}
    )
    for name, option in (("Ana", "yes"), ("Bogdan", "yes"), ("Carmen", "absent")):
        assert client.post(base + "vote/", {"vote-councillor": name, "vote-option": option}).status_code == 302
    again = client.post(base + "vote/", {"vote-councillor": "ana", "vote-option": "no"})
    assert again.status_code == 200 and b"already recorded" in again.content
    today = datetime.date.today().isoformat()
    assert client.post(base + "close/", {"close-voted_on": today}).status_code == 302
    strategy.refresh_from_db()
    assert strategy.is_locked and client.get(f"/en/strategies/{strategy.uuid}/progress/").status_code == 200


def test_progress_of_an_action_from_the_plan_page(client, world, full):
    client.force_login(world["coordinator"])
    action = full["action"]
    client.post(f"/en/strategies/actions/{action.uuid}/progress/", {f"progress-{action.uuid}-progress": "75"})
    action.refresh_from_db()
    assert action.progress == 75


def test_stage_transition_and_document_upload(client, world, full):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(world["coordinator"])
    stage = world["strategy"].stages.get(kind="consultation")
    client.post(f"/en/strategies/stages/{stage.uuid}/transition/", {"transition": "finish"})
    stage.refresh_from_db()
    assert stage.status == "done"
    upload = SimpleUploadedFile("raport.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    response = client.post(
        f"/en/strategies/stages/{stage.uuid}/documents/", {"document-title": "Raport", "document-file": upload}
    )
    assert response.status_code == 302
    document = stage.documents.get()
    assert client.get(f"/en/strategies/stages/{stage.uuid}/documents/{document.uuid}/").status_code == 200


def test_bad_dates_re_render_the_stage_form_filled_in(client, world, full):
    client.force_login(world["coordinator"])
    stage = world["strategy"].stages.get(kind="action_plan")
    response = client.post(
        f"/en/strategies/stages/{stage.uuid}/edit/",
        {"edit-title": "Planul anual 2026", "edit-starts_on": "2026-06-01", "edit-ends_on": "2026-01-01"},
    )
    body = response.content.decode()
    assert response.status_code == 200 and "The end date cannot be before the start date." in body
    assert 'value="Planul anual 2026"' in body
    stage.refresh_from_db()
    assert stage.title != "Planul anual 2026"


def test_nothing_changes_on_an_adopted_strategy(client, world, full):
    strategy = world["strategy"]
    services.stage_finish(actor=world["admin"], stage=strategy.stages.get(kind="consultation"))
    decision = services.decision_submit(actor=world["admin"], strategy=strategy, reference="PH 9", seats=1)
    services.vote_record(actor=world["admin"], decision=decision, councillor="Unic", option="yes")
    services.vote_close(actor=world["admin"], decision=decision, voted_on=datetime.date.today())
    client.force_login(world["admin"])
    assert client.get(f"/en/strategies/{strategy.uuid}/draft/new/").status_code == 404
    prefix = f"answer-{full['comment'].uuid}"
    client.post(
        f"/en/strategies/comments/{full['comment'].uuid}/answer/",
        {f"{prefix}-verdict": "accepted", f"{prefix}-reason": ""},
    )
    full["comment"].refresh_from_db()
    assert full["comment"].verdict == ""
    page = client.get(f"/en/strategies/versions/{full['version'].uuid}/").content.decode()
    assert "Locked: adopted by the council" in page and "Answer the comment" not in page


def test_a_stakeholder_makes_a_proposal_and_a_facilitator_enters_one_from_paper(client, world, full):
    services.strategy_publish(actor=world["admin"], strategy=world["strategy"])
    client.force_login(world["outsider"])
    page = client.get(f"/en/strategies/{world['strategy'].uuid}/").content.decode()
    assert 'name="proposal-text"' in page and 'name="proposal-from_paper"' not in page
    client.post(
        f"/en/strategies/{world['strategy'].uuid}/proposals/", {"proposal-text": "Un centru de zi la Fratelia."}
    )
    client.force_login(world["member"])
    response = client.post(
        f"/en/strategies/{world['strategy'].uuid}/proposals/",
        {"proposal-text": "Transport gratuit la întâlniri.", "proposal-from_paper": "on"},
    )
    assert response.status_code == 200 and "Say whose proposal this is" in response.content.decode()
    client.post(
        f"/en/strategies/{world['strategy'].uuid}/proposals/",
        {
            "proposal-text": "Transport gratuit la întâlniri.",
            "proposal-from_paper": "on",
            "proposal-on_behalf_of": "Grupul de părinți din Freidorf",
        },
    )
    proposals = list(world["strategy"].proposals.values_list("text", "from_paper"))
    assert proposals == [("Un centru de zi la Fratelia.", False), ("Transport gratuit la întâlniri.", True)]


def test_closing_a_survey_from_its_page(client, world, full):
    survey = full["survey"]
    client.force_login(world["member"])  # works on the strategy, does not run it
    assert client.post(f"/en/strategies/surveys/{survey.uuid}/open/", {"open": "0"}).status_code == 404
    client.force_login(world["coordinator"])
    client.post(f"/en/strategies/surveys/{survey.uuid}/open/", {"open": "0"})
    survey.refresh_from_db()
    assert not survey.is_open
    assert "Closed for answers" in client.get(f"/en/strategies/surveys/{survey.uuid}/").content.decode()
