"""Writes to a strategy and its stages, and the SWOT analyses it cites."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from civica.core import audit
from civica.core.permissions import as_user, is_system, require
from civica.groups import selectors as group_selectors

from .. import selectors
from ..models import (
    Objective,
    Stage,
    StageDocument,
    Strategy,
)
from ._shared import DOCUMENT_TYPES, MAX_DOCUMENT, SEED_001_STAGES, _record

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
    require(actor, "strategy.create_strategy", organisation)
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
    require(actor, "strategy.manage_strategy", strategy)
    if strategy.published_at is None:
        strategy.published_at = timezone.now()
        strategy.save(update_fields=["published_at", "updated_at"])
        _record(actor, strategy, "update", strategy, after={"published_at": str(strategy.published_at)})
    return strategy


@transaction.atomic
def stage_add(*, actor, strategy: Strategy, title: str, kind: str = Stage.Kind.OTHER) -> Stage:
    require(actor, "strategy.manage_strategy", strategy)
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
    require(actor, "strategy.manage_strategy", stage.strategy)
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
    require(actor, "strategy.manage_strategy", stage.strategy)
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
    require(actor, "strategy.manage_strategy", stage.strategy)
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
    require(actor, "strategy.work_on_strategy", stage.strategy)
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
    document = StageDocument.objects.create(stage=stage, title=title.strip(), file=file, uploaded_by=as_user(actor))
    _record(actor, document, "create", stage.strategy, after={"title": document.title, "file": document.file.name})
    return document


# --- SWOT analyses -------------------------------------------------------------------------------


@transaction.atomic
def strategy_swot_link(*, actor, strategy: Strategy, analysis) -> Strategy:
    """Link a SWOT analysis of a group the process uses (its working group or a stage's group), of the same
    organisation and seen by the actor under the groups' rules; any other is refused on the `analysis` field."""
    require(actor, "strategy.manage_strategy", strategy)
    allowed = analysis.organisation_id == strategy.organisation_id and analysis.group_id in (
        selectors.process_group_ids(strategy)
    )
    if allowed and not is_system(actor):
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
    require(actor, "strategy.manage_strategy", strategy)
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
    require(actor, "strategy.manage_strategy", strategy)
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
