"""Every write to a strategy: atomic, audited, keyword-only actor (None for system work such as the demo)."""

import secrets
from datetime import date
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from civica.core import audit
from civica.core.tokens import fingerprint
from civica.groups import selectors as group_selectors

from . import selectors
from .models import (
    Action,
    Answer,
    Charter,
    Comment,
    CouncilDecision,
    DraftVersion,
    FundingCall,
    FundingSource,
    Measure,
    Objective,
    Paragraph,
    ParagraphText,
    Proposal,
    Question,
    Response,
    Signature,
    Stage,
    StageDocument,
    Strategy,
    Survey,
    SurveyToken,
    Vote,
)

# Seed 001: the stages the three cities' working group proposed for a participatory strategy.
SEED_001_STAGES = [
    Stage.Kind.VISION,
    Stage.Kind.PROVIDERS,
    Stage.Kind.THEMATIC_GROUPS,
    Stage.Kind.PROCESSING,
    Stage.Kind.CONSULTATION,
    Stage.Kind.ACTION_PLAN,
    Stage.Kind.COUNCIL,
]
MAX_DOCUMENT = 10 * 1024 * 1024
DOCUMENT_TYPES = {"pdf", "doc", "docx", "odt", "ods", "xls", "xlsx", "ppt", "pptx", "odp", "txt", "csv"}
CODE_LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: codes are typed from paper


def _require(actor, permission: str, target) -> None:
    if actor is not None and not actor.has_perm(permission, target):
        raise PermissionDenied(permission)


def _record(actor, instance, action, strategy_or_organisation, **values) -> None:
    organisation = getattr(strategy_or_organisation, "organisation", strategy_or_organisation)
    audit.record_change(actor=actor, instance=instance, action=action, organisation_uuid=organisation.uuid, **values)


def _locked(strategy: Strategy) -> None:
    if strategy.is_locked:
        raise ValidationError(_("The strategy has been adopted by the council: its text can no longer change."))


# --- Strategies and stages ------------------------------------------------------------------------


@transaction.atomic
def strategy_create(
    *,
    actor,
    organisation,
    title: str,
    working_group=None,
    summary: str = "",
    language: str = "ro",
    period: str = "",
    plan_year: int | None = None,
    from_template: bool = True,
) -> Strategy:
    """A strategy; with the template, its seven stages from seed 001 in their order, all planned."""
    _require(actor, "strategy.create_strategy", organisation)
    errors = {}
    if not title.strip():
        errors["title"] = _("Give the strategy a title.")
    if working_group is not None and working_group.organisation_id != organisation.pk:
        errors["working_group"] = _("Choose a working group of the same organisation.")
    if errors:
        raise ValidationError(errors)
    strategy = Strategy.objects.create(
        organisation=organisation,
        working_group=working_group,
        title=title.strip(),
        summary=summary.strip(),
        language=language,
        period=period.strip(),
        plan_year=plan_year,
    )
    if from_template:
        from django.utils import translation

        with translation.override(language):
            Stage.objects.bulk_create(
                [
                    Stage(strategy=strategy, position=index, kind=kind, title=str(Stage.Kind(kind).label))
                    for index, kind in enumerate(SEED_001_STAGES, start=1)
                ]
            )
    _record(actor, strategy, "create", organisation, after=audit.snapshot(strategy))
    return strategy


@transaction.atomic
def strategy_publish(*, actor, strategy: Strategy) -> Strategy:
    _require(actor, "strategy.manage_strategy", strategy)
    if strategy.published_at is None:
        strategy.published_at = timezone.now()
        strategy.save(update_fields=["published_at", "updated_at"])
        _record(actor, strategy, "update", strategy, after={"published_at": str(strategy.published_at)})
    return strategy


@transaction.atomic
def stage_add(*, actor, strategy: Strategy, title: str, kind: str = Stage.Kind.OTHER) -> Stage:
    _require(actor, "strategy.manage_strategy", strategy)
    if not title.strip():
        raise ValidationError({"title": _("Give the stage a title.")})
    if kind not in Stage.Kind.values:
        raise ValidationError({"kind": _("Choose a kind of stage.")})
    last = strategy.stages.aggregate(last=Max("position"))["last"] or 0
    stage = Stage.objects.create(strategy=strategy, position=last + 1, kind=kind, title=title.strip())
    _record(actor, stage, "create", strategy, after=audit.snapshot(stage))
    return stage


@transaction.atomic
def stage_update(
    *,
    actor,
    stage: Stage,
    title: str,
    starts_on: date | None,
    ends_on: date | None,
    groups=None,
    meetings=None,
) -> Stage:
    _require(actor, "strategy.manage_strategy", stage.strategy)
    errors = {}
    if not title.strip():
        errors["title"] = _("Give the stage a title.")
    if starts_on and ends_on and ends_on < starts_on:
        errors["ends_on"] = _("The end date cannot be before the start date.")
    organisation_id = stage.strategy.organisation_id
    if groups is not None and any(group.organisation_id != organisation_id for group in groups):
        errors["groups"] = _("Choose groups of the strategy's organisation.")
    if meetings is not None and any(m.group.organisation_id != organisation_id for m in meetings):
        errors["meetings"] = _("Choose meetings of the strategy's organisation.")
    if errors:
        raise ValidationError(errors)
    before = audit.snapshot(stage)
    stage.title, stage.starts_on, stage.ends_on = title.strip(), starts_on, ends_on
    stage.save()
    if groups is not None:
        stage.groups.set(groups)
    if meetings is not None:
        stage.meetings.set(meetings)
    _record(actor, stage, "update", stage.strategy, before=before, after=audit.snapshot(stage))
    return stage


@transaction.atomic
def stage_start(*, actor, stage: Stage) -> Stage:
    """Planned → active, in order: every earlier stage done, no other stage active."""
    _require(actor, "strategy.manage_strategy", stage.strategy)
    stage = Stage.objects.select_for_update().get(pk=stage.pk)
    if stage.status != Stage.Status.PLANNED:
        raise ValidationError(_("Only a planned stage can start."))
    siblings = Stage.objects.filter(strategy_id=stage.strategy_id).exclude(pk=stage.pk)
    if siblings.filter(status=Stage.Status.ACTIVE).exists():
        raise ValidationError(_("Another stage is active: finish it first."))
    if siblings.filter(position__lt=stage.position).exclude(status=Stage.Status.DONE).exists():
        raise ValidationError(_("The stages run in order: finish the earlier stages first."))
    stage.status = Stage.Status.ACTIVE
    stage.starts_on = stage.starts_on or timezone.localdate()
    stage.save(update_fields=["status", "starts_on", "updated_at"])
    _record(actor, stage, "update", stage.strategy, summary="started", after={"status": stage.status})
    return stage


@transaction.atomic
def stage_finish(*, actor, stage: Stage) -> Stage:
    _require(actor, "strategy.manage_strategy", stage.strategy)
    stage = Stage.objects.select_for_update().get(pk=stage.pk)
    if stage.status != Stage.Status.ACTIVE:
        raise ValidationError(_("Only the active stage can be finished."))
    stage.status = Stage.Status.DONE
    stage.ends_on = stage.ends_on or timezone.localdate()
    stage.save(update_fields=["status", "ends_on", "updated_at"])
    _record(actor, stage, "update", stage.strategy, summary="finished", after={"status": stage.status})
    return stage


def stage_transition(*, actor, stage: Stage, transition: str) -> Stage:
    if transition == "start":
        return stage_start(actor=actor, stage=stage)
    if transition == "finish":
        return stage_finish(actor=actor, stage=stage)
    raise ValidationError(_("Choose a step the stage can take."))


@transaction.atomic
def stage_document_add(*, actor, stage: Stage, title: str, file) -> StageDocument:
    _require(actor, "strategy.work_on_strategy", stage.strategy)
    errors = {}
    if not title.strip():
        errors["title"] = _("Give the document a title.")
    if file is None:
        errors["file"] = _("Choose a file.")
    elif file.size > MAX_DOCUMENT:
        errors["file"] = _("The document is larger than 10 MB.")
    elif file.name.rsplit(".", 1)[-1].lower() not in DOCUMENT_TYPES:
        errors["file"] = _("Attach a PDF, Word, OpenDocument, Excel, PowerPoint or text file.")
    if errors:
        raise ValidationError(errors)
    document = StageDocument.objects.create(stage=stage, title=title.strip(), file=file, uploaded_by=actor)
    _record(actor, document, "create", stage.strategy, after={"title": document.title, "file": document.file.name})
    return document


# --- SWOT analyses -------------------------------------------------------------------------------


@transaction.atomic
def strategy_swot_link(*, actor, strategy: Strategy, analysis) -> Strategy:
    """Link a SWOT analysis of a group the process uses (its working group or a stage's group), of the same
    organisation and seen by the actor under the groups' rules; any other is refused on the `analysis` field."""
    _require(actor, "strategy.manage_strategy", strategy)
    allowed = analysis.organisation_id == strategy.organisation_id and analysis.group_id in (
        selectors.process_group_ids(strategy)
    )
    if allowed and actor is not None:
        allowed = group_selectors.swots_visible_to(actor).filter(pk=analysis.pk).exists()
    if not allowed:
        raise ValidationError(
            {"analysis": _("Choose a SWOT analysis of the working group or of a group linked to a stage.")}
        )
    if not strategy.swot_analyses.filter(pk=analysis.pk).exists():
        strategy.swot_analyses.add(analysis)
        _record(actor, strategy, "update", strategy, summary=f"linked SWOT: {analysis.title}"[:300])
    return strategy


@transaction.atomic
def strategy_swot_unlink(*, actor, strategy: Strategy, analysis) -> Strategy:
    """Unlink an analysis; the objectives stop citing its entries."""
    _require(actor, "strategy.manage_strategy", strategy)
    if not strategy.swot_analyses.filter(pk=analysis.pk).exists():
        raise ValidationError({"analysis": _("This SWOT analysis is not linked to the strategy.")})
    strategy.swot_analyses.remove(analysis)
    Objective.swot_entries.through.objects.filter(
        objective__strategy=strategy, swotentry__analysis_id=analysis.pk
    ).delete()
    _record(actor, strategy, "update", strategy, summary=f"unlinked SWOT: {analysis.title}"[:300])
    return strategy


@transaction.atomic
def objective_cite_swot(*, actor, objective: Objective, entries) -> Objective:
    """Which entries of the strategy's SWOT analyses the objective answers (replaces the earlier choice)."""
    strategy = objective.strategy
    _require(actor, "strategy.manage_strategy", strategy)
    entries = list(entries)
    citable = set(
        selectors.citable_swot_entries(strategy).filter(pk__in=[e.pk for e in entries]).values_list("pk", flat=True)
    )
    if any(entry.pk not in citable for entry in entries):
        raise ValidationError({"swot_entries": _("Cite only entries of the SWOT analyses linked to the strategy.")})
    before = sorted(objective.swot_entries.values_list("pk", flat=True))
    objective.swot_entries.set(entries)
    after = sorted(entry.pk for entry in entries)
    _record(actor, objective, "update", strategy, before={"swot_entries": before}, after={"swot_entries": after})
    return objective


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
    _require(actor, "strategy.manage_strategy", strategy)
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
    _require(actor, "strategy.manage_strategy", survey.strategy)
    if survey.is_open != is_open:
        survey.is_open = is_open
        survey.save(update_fields=["is_open", "updated_at"])
        _record(actor, survey, "update", survey.strategy, after={"is_open": is_open})
    return survey


@transaction.atomic
def survey_tokens_issue(*, actor, survey: Survey, count: int) -> list[str]:
    """One-time codes to hand out on paper; shown once, only their fingerprints are kept."""
    _require(actor, "strategy.work_on_strategy", survey.strategy)
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
        _require(actor, "strategy.enter_answers", survey.strategy)
        channel, entered_by = Response.Channel.PAPER, actor
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
        _require(actor, "strategy.view_strategy", survey.strategy)
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
    _require(actor, "strategy.enter_answers" if from_paper else "strategy.propose", strategy)
    if not text.strip():
        raise ValidationError({"text": _("Write the proposal.")})
    if from_paper and not on_behalf_of.strip():
        raise ValidationError({"on_behalf_of": _("Say whose proposal this is (a person or a group).")})
    proposal = Proposal.objects.create(
        strategy=strategy,
        stage=stage or selectors.active_stage(strategy),
        author=actor,
        on_behalf_of=on_behalf_of.strip(),
        from_paper=from_paper,
        text=text.strip(),
    )
    _record(actor, proposal, "create", strategy, after=audit.snapshot(proposal))
    return proposal


# --- The draft ------------------------------------------------------------------------------------


@transaction.atomic
def version_create(*, actor, strategy: Strategy, paragraphs: list[dict], note: str = "") -> DraftVersion:
    """A new version of the draft: [{"paragraph": <uuid of a paragraph to keep, or None for a new one>,
    "text": ..., "heading": bool}]. A kept paragraph keeps its identity, and so its comments."""
    _require(actor, "strategy.edit_draft", strategy)
    strategy = Strategy.objects.select_for_update().get(pk=strategy.pk)
    _locked(strategy)
    if not any(str(item.get("text", "")).strip() for item in paragraphs):
        raise ValidationError({"paragraphs": _("The draft needs at least one paragraph.")})
    known = {str(p.uuid): p for p in strategy.paragraphs.all()}
    seen = set()
    for item in paragraphs:
        key = str(item["paragraph"]) if item.get("paragraph") else None
        if key is not None and (key not in known or key in seen):
            raise ValidationError({"paragraphs": _("A paragraph does not belong to this draft or appears twice.")})
        seen.add(key)
    number = (strategy.versions.aggregate(last=Max("number"))["last"] or 0) + 1
    version = DraftVersion.objects.create(strategy=strategy, number=number, note=note.strip()[:500], created_by=actor)
    texts, position = [], 0
    for item in paragraphs:
        text = str(item.get("text", "")).strip()
        if not text:
            continue
        position += 1
        key = str(item["paragraph"]) if item.get("paragraph") else None
        paragraph = known[key] if key else Paragraph.objects.create(strategy=strategy)
        texts.append(
            ParagraphText(
                version=version, paragraph=paragraph, position=position, is_heading=bool(item.get("heading")), text=text
            )
        )
    ParagraphText.objects.bulk_create(texts)
    _record(actor, version, "create", strategy, after={"number": number, "paragraphs": len(texts)})
    return version


def paragraphs_from_text(text: str) -> list[dict]:
    """Plain text → paragraphs: blank lines separate them; a line starting with '#' is a heading."""
    items = []
    for block in text.replace("\r\n", "\n").split("\n\n"):
        block = block.strip()
        if block:
            heading = block.startswith("#")
            items.append(
                {"paragraph": None, "text": block.lstrip("#").strip() if heading else block, "heading": heading}
            )
    return items


@transaction.atomic
def comment_add(*, actor, strategy: Strategy, paragraph_uuid, text: str, on_behalf_of: str = "") -> Comment:
    """A comment on a paragraph of the newest version, while the stakeholders' consultation is active."""
    _require(actor, "strategy.comment", strategy)
    _locked(strategy)
    stage = selectors.active_stage(strategy)
    if stage is None or stage.kind != Stage.Kind.CONSULTATION:
        raise ValidationError(_("Comments on the draft are taken during the consultation on the draft."))
    if not text.strip():
        raise ValidationError({"text": _("Write your comment.")})
    version = selectors.latest_version(strategy)
    on_text = (
        ParagraphText.objects.filter(version=version, paragraph__uuid=paragraph_uuid)
        .select_related("paragraph")
        .first()
        if version
        else None
    )
    if on_text is None:
        raise ValidationError({"paragraph": _("Choose a paragraph of the current version.")})
    comment = Comment.objects.create(
        strategy=strategy,
        paragraph=on_text.paragraph,
        on_text=on_text,
        author=actor,
        on_behalf_of=on_behalf_of.strip()[:250],
        text=text.strip(),
    )
    _record(actor, comment, "create", strategy, after=audit.snapshot(comment))
    return comment


@transaction.atomic
def comment_answer(*, actor, comment: Comment, verdict: str, reason: str) -> Comment:
    _require(actor, "strategy.answer_comment", comment.strategy)
    _locked(comment.strategy)
    errors = {}
    if verdict not in Comment.Verdict.values:
        errors["verdict"] = _("Choose accepted, partly accepted or rejected.")
    elif verdict != Comment.Verdict.ACCEPTED and not reason.strip():
        errors["reason"] = _("Say why the comment is not (fully) accepted.")
    if errors:
        raise ValidationError(errors)
    before = audit.snapshot(comment, ["verdict", "reason"])
    comment.verdict, comment.reason = verdict, reason.strip()
    comment.answered_by, comment.answered_at = actor, timezone.now()
    comment.save()
    _record(
        actor, comment, "update", comment.strategy, before=before, after=audit.snapshot(comment, ["verdict", "reason"])
    )
    return comment


# --- Funding register and the action plan ---------------------------------------------------------


@transaction.atomic
def funding_source_add(*, actor, organisation, name: str, kind: str, url: str = "") -> FundingSource:
    _require(actor, "strategy.manage_funding", organisation)
    if not name.strip():
        raise ValidationError({"name": _("Give the funding source a name.")})
    if kind not in FundingSource.Kind.values:
        raise ValidationError({"kind": _("Choose a kind of funding source.")})
    source = FundingSource.objects.create(organisation=organisation, name=name.strip(), kind=kind, url=url)
    _record(actor, source, "create", organisation, after=audit.snapshot(source))
    return source


@transaction.atomic
def funding_call_add(*, actor, source: FundingSource, title: str, deadline: date, url: str = "") -> FundingCall:
    _require(actor, "strategy.manage_funding", source.organisation)
    if not title.strip():
        raise ValidationError({"title": _("Give the call a title.")})
    if deadline is None:
        raise ValidationError({"deadline": _("Give the call's deadline.")})
    call = FundingCall.objects.create(source=source, title=title.strip(), deadline=deadline, url=url)
    _record(actor, call, "create", source.organisation, after=audit.snapshot(call))
    return call


@transaction.atomic
def objective_add(*, actor, strategy: Strategy, code: str, title: str) -> Objective:
    _require(actor, "strategy.manage_strategy", strategy)
    if not code.strip() or not title.strip():
        raise ValidationError({"title": _("Give the objective a code and a title.")})
    if strategy.objectives.filter(code=code.strip()).exists():
        raise ValidationError({"code": _("This code is already used.")})
    objective = Objective.objects.create(strategy=strategy, code=code.strip(), title=title.strip())
    _record(actor, objective, "create", strategy, after=audit.snapshot(objective))
    return objective


@transaction.atomic
def measure_add(*, actor, objective: Objective, code: str, title: str) -> Measure:
    _require(actor, "strategy.manage_strategy", objective.strategy)
    if not code.strip() or not title.strip():
        raise ValidationError({"title": _("Give the measure a code and a title.")})
    if objective.measures.filter(code=code.strip()).exists():
        raise ValidationError({"code": _("This code is already used.")})
    measure = Measure.objects.create(objective=objective, code=code.strip(), title=title.strip())
    _record(actor, measure, "create", objective.strategy, after=audit.snapshot(measure))
    return measure


def _amount(value) -> Decimal:
    try:
        amount = Decimal(str(value if value not in (None, "") else 0))
    except InvalidOperation as error:
        raise ValidationError({"budget": _("Give the budget as a number.")}) from error
    if amount < 0 or amount.as_tuple().exponent < -2 or amount >= Decimal("1e12"):
        raise ValidationError({"budget": _("Give the budget as a positive amount with at most two decimals.")})
    return amount


@transaction.atomic
def action_add(
    *,
    actor,
    measure: Measure,
    code: str,
    title: str,
    owner: str = "",
    institution=None,
    budget=0,
    funding_source: FundingSource | None = None,
    funding_call: FundingCall | None = None,
    deadline: date | None = None,
    indicator: str = "",
    sdg_indicators=(),
    progress: int = 0,
) -> Action:
    strategy = measure.objective.strategy
    _require(actor, "strategy.manage_strategy", strategy)
    errors = {}
    if not code.strip() or not title.strip():
        errors["title"] = _("Give the action a code and a title.")
    elif measure.actions.filter(code=code.strip()).exists():
        errors["code"] = _("This code is already used.")
    if not 0 <= int(progress) <= 100:
        errors["progress"] = _("Progress is a percentage from 0 to 100.")
    if funding_call is not None and funding_source is not None and funding_call.source_id != funding_source.pk:
        errors["funding_call"] = _("The call must belong to the funding source chosen.")
    if errors:
        raise ValidationError(errors)
    action = Action.objects.create(
        measure=measure,
        code=code.strip(),
        title=title.strip(),
        owner=owner.strip(),
        institution=institution,
        budget=_amount(budget),
        funding_source=funding_source or (funding_call.source if funding_call else None),
        funding_call=funding_call,
        deadline=deadline,
        indicator=indicator.strip(),
        progress=int(progress),
    )
    action.sdg_indicators.set(sdg_indicators)
    _record(actor, action, "create", strategy, after=audit.snapshot(action))
    return action


@transaction.atomic
def action_progress(*, actor, action: Action, progress: int) -> Action:
    strategy = action.measure.objective.strategy
    _require(actor, "strategy.manage_strategy", strategy)
    if not isinstance(progress, int) or not 0 <= progress <= 100:
        raise ValidationError({"progress": _("Progress is a percentage from 0 to 100.")})
    before = {"progress": action.progress}
    action.progress = progress
    action.save(update_fields=["progress", "updated_at"])
    _record(actor, action, "update", strategy, before=before, after={"progress": progress})
    return action


# --- The council ----------------------------------------------------------------------------------


@transaction.atomic
def decision_submit(
    *, actor, strategy: Strategy, reference: str, seats: int, majority: str = CouncilDecision.Majority.SIMPLE
) -> CouncilDecision:
    """The newest version goes to the council as a draft decision."""
    _require(actor, "strategy.manage_strategy", strategy)
    _locked(strategy)
    errors = {}
    version = selectors.latest_version(strategy)
    if version is None:
        errors["reference"] = _("Write a draft of the strategy before submitting it.")
    if not reference.strip():
        errors["reference"] = _("Give the number of the draft decision.")
    if not 1 <= int(seats) <= 200:
        errors["seats"] = _("Give the number of councillors in office.")
    if majority not in CouncilDecision.Majority.values:
        errors["majority"] = _("Choose the majority required.")
    if CouncilDecision.objects.filter(strategy=strategy).exists():
        errors["reference"] = _("The strategy has already been submitted to the council.")
    if errors:
        raise ValidationError(errors)
    decision = CouncilDecision.objects.create(
        strategy=strategy,
        version=version,
        reference=reference.strip(),
        seats=int(seats),
        majority=majority,
        submitted_at=timezone.now(),
    )
    _record(actor, decision, "create", strategy, after=audit.snapshot(decision))
    return decision


@transaction.atomic
def vote_record(*, actor, decision: CouncilDecision, councillor: str, option: str, group: str = "") -> Vote:
    """One councillor's vote in the roll call: each councillor once, never more votes than seats."""
    _require(actor, "strategy.manage_strategy", decision.strategy)
    decision = CouncilDecision.objects.select_for_update().get(pk=decision.pk)
    errors = {}
    name = " ".join(councillor.split())
    if decision.result != CouncilDecision.Result.PENDING:
        raise ValidationError(_("The vote is closed."))
    if not name:
        errors["councillor"] = _("Give the councillor's name.")
    elif decision.votes.filter(councillor__iexact=name).exists():
        errors["councillor"] = _("This councillor's vote is already recorded.")
    if option not in Vote.Option.values:
        errors["option"] = _("Choose yes, no, abstain or absent.")
    if decision.votes.count() >= decision.seats:
        errors.setdefault("councillor", _("Every seat already has a vote recorded."))
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            vote = Vote.objects.create(decision=decision, councillor=name, option=option, group=group.strip()[:100])
    except IntegrityError as error:
        raise ValidationError({"councillor": _("This councillor's vote is already recorded.")}) from error
    _record(actor, decision, "event", decision.strategy, summary=f"vote: {name} {option}")
    return vote


@transaction.atomic
def vote_close(*, actor, decision: CouncilDecision, voted_on: date) -> CouncilDecision:
    """The outcome from the roll call: quorum, then majority. Adopted: the submitted version is locked."""
    _require(actor, "strategy.manage_strategy", decision.strategy)
    decision = CouncilDecision.objects.select_for_update().select_related("strategy").get(pk=decision.pk)
    if decision.result != CouncilDecision.Result.PENDING:
        raise ValidationError(_("The vote is closed."))
    if voted_on is None or voted_on > timezone.localdate():
        raise ValidationError({"voted_on": _("Give the date of the vote (not in the future).")})
    counted = selectors.tally(decision)
    if counted["recorded"] != decision.seats:
        raise ValidationError(
            _("Record a vote (or absence) for every councillor: %(recorded)s of %(seats)s recorded.")
            % {"recorded": counted["recorded"], "seats": decision.seats}
        )
    if not counted["quorum"]:
        decision.result = CouncilDecision.Result.NO_QUORUM
    elif counted["majority"]:
        decision.result = CouncilDecision.Result.ADOPTED
    else:
        decision.result = CouncilDecision.Result.REJECTED
    decision.voted_on = voted_on
    decision.save(update_fields=["result", "voted_on", "updated_at"])
    strategy = decision.strategy
    if decision.result == CouncilDecision.Result.ADOPTED:
        strategy.adopted_version = decision.version
        strategy.published_at = strategy.published_at or timezone.now()
        strategy.save(update_fields=["adopted_version", "published_at", "updated_at"])
        council = strategy.stages.filter(kind=Stage.Kind.COUNCIL, status=Stage.Status.ACTIVE).first()
        if council is not None:
            council.status, council.ends_on = Stage.Status.DONE, voted_on
            council.save(update_fields=["status", "ends_on", "updated_at"])
    _record(
        actor,
        decision,
        "update",
        strategy,
        summary=f"vote closed: {decision.result}",
        after={"result": decision.result, "voted_on": str(voted_on), "counts": counted["counts"]},
    )
    return decision


# --- The charter ----------------------------------------------------------------------------------


@transaction.atomic
def charter_create(*, actor, organisation, title: str, text: str = "", strategy=None, language="ro") -> Charter:
    _require(actor, "strategy.manage_charter", organisation)
    if not title.strip():
        raise ValidationError({"title": _("Give the charter a title.")})
    charter = Charter.objects.create(
        organisation=organisation, title=title.strip(), text=text.strip(), strategy=strategy, language=language
    )
    _record(actor, charter, "create", organisation, after=audit.snapshot(charter))
    return charter


@transaction.atomic
def charter_sign(
    *, actor, charter: Charter, organisation_name: str, representative: str, signed_on: date, organisation=None
) -> Signature:
    _require(actor, "strategy.manage_charter", charter.organisation)
    errors = {}
    name = (organisation.name if organisation else organisation_name).strip()
    if not name:
        errors["organisation_name"] = _("Give the organisation's name.")
    elif charter.signatures.filter(organisation_name__iexact=name).exists():
        errors["organisation_name"] = _("This organisation has already signed the charter.")
    if not representative.strip():
        errors["representative"] = _("Give the name of the representative who signed.")
    if signed_on is None or signed_on > timezone.localdate():
        errors["signed_on"] = _("Give the date of signature (not in the future).")
    if errors:
        raise ValidationError(errors)
    signature = Signature.objects.create(
        charter=charter,
        organisation=organisation,
        organisation_name=name,
        representative=representative.strip(),
        signed_on=signed_on,
    )
    _record(actor, signature, "create", charter.organisation, after=audit.snapshot(signature))
    return signature
