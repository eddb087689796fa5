"""Surveys with anonymous participation, paper answers marked as such, and summarised results."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from civica.strategy import selectors, services


@pytest.fixture
def survey(world):
    return services.survey_create(
        actor=world["coordinator"],
        strategy=world["strategy"],
        title="Ce înseamnă bunăstarea pentru dumneavoastră?",
        purpose="wellbeing",
        questions=[
            {"kind": "choice", "text": "Cel mai important", "choices": ["Locuință", "Sănătate", "Loc de muncă"]},
            {"kind": "scale", "text": "Cât de bine vă descurcați?"},
            {"kind": "text", "text": "Ce v-ar ajuta?"},
        ],
    )


def _answers(survey, choice, scale, text):
    q = {question.kind: question.pk for question in survey.questions.all()}
    return {q["choice"]: choice, q["scale"]: scale, q["text"]: text}


def test_one_time_codes_let_people_answer_without_an_account_once(world, survey):
    codes = services.survey_tokens_issue(actor=world["coordinator"], survey=survey, count=2)
    response = services.response_submit(
        actor=None, survey=survey, answers=_answers(survey, "Locuință", "2", "Un loc cald"), token=codes[0].lower()
    )
    assert response.channel == "token" and response.respondent is None
    with pytest.raises(ValidationError):
        services.response_submit(
            actor=None, survey=survey, answers=_answers(survey, "Sănătate", "3", ""), token=codes[0]
        )
    with pytest.raises(PermissionDenied):
        services.response_submit(actor=None, survey=survey, answers=_answers(survey, "Sănătate", "3", "x"))


def test_paper_answers_are_marked_and_entered_only_by_the_working_group(world, survey):
    with pytest.raises(PermissionDenied):
        services.response_submit(
            actor=world["outsider"], survey=survey, answers=_answers(survey, "Sănătate", "3", "x"), from_paper=True
        )
    response = services.response_submit(
        actor=world["member"], survey=survey, answers=_answers(survey, "Sănătate", "3", "Medic"), from_paper=True
    )
    assert response.channel == "paper" and response.entered_by == world["member"]


def test_bad_answers_are_refused_and_nothing_is_saved(world, survey):
    with pytest.raises(ValidationError) as error:
        services.response_submit(
            actor=world["member"], survey=survey, answers=_answers(survey, "Altceva", "9", ""), from_paper=True
        )
    assert len(error.value.message_dict) == 3
    assert survey.responses.count() == 0


def test_a_signed_in_person_answers_once(world, survey):
    services.response_submit(actor=world["member"], survey=survey, answers=_answers(survey, "Locuință", "4", "x"))
    with pytest.raises(ValidationError, match="already"):
        services.response_submit(actor=world["member"], survey=survey, answers=_answers(survey, "Locuință", "4", "x"))


def test_results_count_percentages_and_list_texts(world, survey):
    for choice, scale, text in (
        ("Locuință", "1", "Chirie mai mică"),
        ("Locuință", "2", ""),
        ("Sănătate", "5", "Medic"),
    ):
        services.response_submit(
            actor=world["coordinator"],
            survey=survey,
            answers=_answers(survey, choice, scale, text or "-"),
            from_paper=True,
        )
    results = selectors.survey_results(survey)
    choice, scale, text = results["questions"]
    assert results["total"] == 3 and results["by_channel"] == {"paper": 3}
    assert [(row["label"], row["count"], str(row["percent"])) for row in choice["rows"]] == [
        ("Locuință", 2, "66.7"),
        ("Sănătate", 1, "33.3"),
        ("Loc de muncă", 0, "0.0"),
    ]
    assert str(scale["mean"]) == "2.67"
    assert text["texts"] == ["Chirie mai mică", "-", "Medic"]


def test_a_choice_question_needs_two_choices(world):
    with pytest.raises(ValidationError):
        services.survey_create(
            actor=world["coordinator"],
            strategy=world["strategy"],
            title="x",
            questions=[{"kind": "choice", "text": "?", "choices": ["Da"]}],
        )


def test_a_closed_survey_takes_no_answer_until_opened_again(world, survey):
    with pytest.raises(PermissionDenied):
        services.survey_set_open(actor=world["member"], survey=survey, is_open=False)
    services.survey_set_open(actor=world["coordinator"], survey=survey, is_open=False)
    with pytest.raises(ValidationError, match="closed"):
        services.response_submit(
            actor=world["member"], survey=survey, answers=_answers(survey, "Sănătate", "3", "x"), from_paper=True
        )
    services.survey_set_open(actor=world["coordinator"], survey=survey, is_open=True)
    services.response_submit(
        actor=world["member"], survey=survey, answers=_answers(survey, "Sănătate", "3", "x"), from_paper=True
    )
    assert survey.responses.count() == 1
