"""Writes to consultations: surveys, paper tokens, responses and proposals."""

import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from civica.core import audit
from civica.core.permissions import as_user, require
from civica.core.tokens import fingerprint

from .. import selectors
from ..models import (
    Answer,
    Proposal,
    Question,
    Response,
    Stage,
    Strategy,
    Survey,
    SurveyToken,
)
from ._shared import CODE_LETTERS, _record

# --- Consultations --------------------------------------------------------------------------------


@transaction.atomic
def survey_create(
    *,
    actor,
    strategy: Strategy,
    title: str,
    questions: list[dict],
    purpose: str = Survey.Purpose.SURVEY,
    stage: Stage | None = None,
    introduction: str = "",
) -> Survey:
    """A survey and its questions: [{"kind": "choice"|"scale"|"text", "text": ..., "choices": [...]}]."""
    require(actor, "strategy.manage_strategy", strategy)
    errors = {}
    if not title.strip():
        errors["title"] = _("Give the survey a title.")
    if purpose not in Survey.Purpose.values:
        errors["purpose"] = _("Choose what the survey is for.")
    if stage is not None and stage.strategy_id != strategy.pk:
        errors["stage"] = _("Choose a stage of this strategy.")
    if not questions:
        errors["questions"] = _("Ask at least one question.")
    for question in questions:
        if question.get("kind") not in Question.Kind.values or not str(question.get("text", "")).strip():
            errors["questions"] = _("Each question needs a kind and a text.")
        elif question["kind"] == Question.Kind.CHOICE and len([c for c in question.get("choices", []) if c]) < 2:
            errors["questions"] = _("A choice question needs at least two choices.")
    if errors:
        raise ValidationError(errors)
    survey = Survey.objects.create(
        strategy=strategy, stage=stage, purpose=purpose, title=title.strip(), introduction=introduction.strip()
    )
    Question.objects.bulk_create(
        [
            Question(
                survey=survey,
                position=index,
                kind=question["kind"],
                text=question["text"].strip(),
                choices=[c.strip() for c in question.get("choices", []) if c.strip()]
                if question["kind"] == Question.Kind.CHOICE
                else [],
            )
            for index, question in enumerate(questions, start=1)
        ]
    )
    _record(actor, survey, "create", strategy, after=audit.snapshot(survey))
    return survey


@transaction.atomic
def survey_set_open(*, actor, survey: Survey, is_open: bool) -> Survey:
    """Close a survey when its stage is over (answers are refused), or open it again."""
    require(actor, "strategy.manage_strategy", survey.strategy)
    if survey.is_open != is_open:
        survey.is_open = is_open
        survey.save(update_fields=["is_open", "updated_at"])
        _record(actor, survey, "update", survey.strategy, after={"is_open": is_open})
    return survey


@transaction.atomic
def survey_tokens_issue(*, actor, survey: Survey, count: int) -> list[str]:
    """One-time codes to hand out on paper; shown once, only their fingerprints are kept."""
    require(actor, "strategy.work_on_strategy", survey.strategy)
    if not 1 <= count <= 500:
        raise ValidationError({"count": _("Issue between 1 and 500 codes at a time.")})
    codes = ["".join(secrets.choice(CODE_LETTERS) for _i in range(12)) for _n in range(count)]
    SurveyToken.objects.bulk_create([SurveyToken(survey=survey, token_hash=fingerprint(code)) for code in codes])
    _record(actor, survey, "event", survey.strategy, summary=f"{count} one-time codes issued")
    return codes


def _clean_answers(survey: Survey, answers: dict) -> list[Answer]:
    """{question id: value} → Answer rows; every question must be answered with a value it accepts."""
    rows, errors = [], {}
    for question in selectors.questions_of(survey):
        value = answers.get(question.pk)
        value = value.strip() if isinstance(value, str) else value
        field = f"question_{question.pk}"
        if value in (None, ""):
            errors[field] = _("Answer this question.")
        elif question.kind == Question.Kind.CHOICE:
            if value not in question.choices:
                errors[field] = _("Choose one of the answers offered.")
            else:
                rows.append(Answer(question=question, choice=value))
        elif question.kind == Question.Kind.SCALE:
            try:
                number = int(value)
            except (TypeError, ValueError):
                number = 0
            if not 1 <= number <= 5:
                errors[field] = _("Choose a number from 1 to 5.")
            else:
                rows.append(Answer(question=question, scale=number))
        else:
            rows.append(Answer(question=question, text=str(value)[:5000]))
    if errors:
        raise ValidationError(errors)
    return rows


@transaction.atomic
def response_submit(*, actor, survey: Survey, answers: dict, token: str = "", from_paper: bool = False) -> Response:
    """An answer to a survey: from a signed-in person (once), from anyone with a one-time code (which is
    then spent), or entered from paper by someone who works on the strategy (marked as such)."""
    if not survey.is_open:
        raise ValidationError(_("This survey is closed."))
    respondent = entered_by = None
    token_row = None
    if from_paper:
        require(actor, "strategy.enter_answers", survey.strategy)
        channel, entered_by = Response.Channel.PAPER, as_user(actor)
    elif token:
        token_row = (
            SurveyToken.objects.select_for_update()
            .filter(survey=survey, token_hash=fingerprint(token.strip().upper()), used_at__isnull=True)
            .first()
        )
        if token_row is None:
            raise ValidationError({"token": _("This code is not valid or has already been used.")})
        channel = Response.Channel.TOKEN
    else:
        if actor is None or not getattr(actor, "is_authenticated", False):
            raise PermissionDenied("strategy.answer")
        require(actor, "strategy.view_strategy", survey.strategy)
        if selectors.has_answered(actor, survey):
            raise ValidationError(_("You have already answered this survey."))
        channel, respondent = Response.Channel.ONLINE, actor
    rows = _clean_answers(survey, answers)
    response = Response.objects.create(survey=survey, channel=channel, respondent=respondent, entered_by=entered_by)
    for row in rows:
        row.response = response
    Answer.objects.bulk_create(rows)
    if token_row is not None:
        token_row.used_at = timezone.now()
        token_row.save(update_fields=["used_at"])
    # The trail says how an answer came in, never who gave it (anonymous participation).
    _record(actor if from_paper else None, response, "create", survey.strategy, after={"channel": channel})
    return response


@transaction.atomic
def proposal_add(
    *, actor, strategy: Strategy, text: str, on_behalf_of: str = "", from_paper: bool = False, stage=None
) -> Proposal:
    require(actor, "strategy.enter_answers" if from_paper else "strategy.propose", strategy)
    if not text.strip():
        raise ValidationError({"text": _("Write the proposal.")})
    if from_paper and not on_behalf_of.strip():
        raise ValidationError({"on_behalf_of": _("Say whose proposal this is (a person or a group).")})
    proposal = Proposal.objects.create(
        strategy=strategy,
        stage=stage or selectors.active_stage(strategy),
        author=as_user(actor),
        on_behalf_of=on_behalf_of.strip(),
        from_paper=from_paper,
        text=text.strip(),
    )
    _record(actor, proposal, "create", strategy, after=audit.snapshot(proposal))
    return proposal
