"""/api/v1/strategies/...: processes, stages, versions with paragraphs and comments, plan actions and the
council's votes, scoped like the pages (not visible → 404)."""

from uuid import UUID

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from ninja import Router, Status
from ninja.errors import HttpError
from ninja.pagination import paginate

from civica.accounts.authentication import anyone, signed_in
from civica.core.pagination import PageNumberPagination
from civica.groups import selectors as group_selectors
from civica.groups.models import Group, SwotAnalysis
from civica.organisations import selectors as organisation_selectors
from civica.organisations.models import Organisation

from . import selectors, services
from .models import Action, Comment, DraftVersion, Stage, Strategy
from .schemas import (
    ActionOut,
    AnswerIn,
    CommentIn,
    CommentOut,
    DecisionOut,
    ProgressIn,
    StageOut,
    StrategyDetailOut,
    StrategyIn,
    StrategyOut,
    SwotLinkIn,
    TransitionIn,
    VersionDetailOut,
    VersionIn,
    VersionOut,
    VoteIn,
)

router = Router(tags=["strategy"], auth=anyone)

MISSING = (
    Strategy.DoesNotExist,
    Stage.DoesNotExist,
    DraftVersion.DoesNotExist,
    Comment.DoesNotExist,
    Action.DoesNotExist,
    Organisation.DoesNotExist,
    Group.DoesNotExist,
    SwotAnalysis.DoesNotExist,
)


def _get(function, **lookup):
    try:
        return function(**lookup)
    except MISSING as error:
        raise HttpError(404, "Not found.") from error


@router.get("/strategies", response=list[StrategyOut], summary="Strategies you may see")
@paginate(PageNumberPagination)
def list_strategies(request):
    return selectors.strategies_visible_to(request.auth).order_by("-created_at", "pk")


@router.post("/strategies", response={201: StrategyOut}, auth=signed_in, summary="Start a strategy")
def create_strategy(request, payload: StrategyIn):
    organisation = _get(organisation_selectors.organisation_get, user=request.auth, uuid=payload.organisation)
    group = (
        _get(group_selectors.group_get, user=request.auth, uuid=payload.working_group)
        if payload.working_group
        else None
    )
    strategy = services.strategy_create(
        actor=request.auth,
        organisation=organisation,
        title=payload.title,
        working_group=group,
        summary=payload.summary,
        language=payload.language,
        period=payload.period,
        plan_year=payload.plan_year,
        from_template=payload.from_template,
    )
    return Status(201, strategy)


def _detail(request, strategy):
    """The strategy with its linked SWOT analyses, their sources filtered by what the caller may read."""
    strategy.swot_list = selectors.swots_of_strategy(user=request.auth, strategy=strategy)
    return strategy


@router.get("/strategies/{uuid}", response=StrategyDetailOut)
def get_strategy(request, uuid: UUID):
    return _detail(request, _get(selectors.strategy_get, user=request.auth, uuid=uuid))


@router.post(
    "/strategies/{uuid}/swot",
    response={201: StrategyDetailOut},
    auth=signed_in,
    summary="Link a SWOT analysis of a group the process uses",
)
def link_swot(request, uuid: UUID, payload: SwotLinkIn):
    strategy = _get(selectors.strategy_get, user=request.auth, uuid=uuid)
    if not request.auth.has_perm("strategy.manage_strategy", strategy):
        raise HttpError(404, "Not found.")
    analysis = selectors.linkable_swots(user=request.auth, strategy=strategy).filter(uuid=payload.analysis).first()
    if analysis is None:
        raise ValidationError(
            {"analysis": _("Choose a SWOT analysis of the working group or of a group linked to a stage.")}
        )
    services.strategy_swot_link(actor=request.auth, strategy=strategy, analysis=analysis)
    return Status(201, _detail(request, strategy))


@router.delete("/strategies/{uuid}/swot/{analysis}", response=StrategyDetailOut, auth=signed_in)
def unlink_swot(request, uuid: UUID, analysis: UUID):
    strategy = _get(selectors.strategy_get, user=request.auth, uuid=uuid)
    if not request.auth.has_perm("strategy.manage_strategy", strategy):
        raise HttpError(404, "Not found.")
    linked = _get(selectors.linked_swot_get, strategy=strategy, uuid=analysis)
    services.strategy_swot_unlink(actor=request.auth, strategy=strategy, analysis=linked)
    return _detail(request, strategy)


@router.get("/strategies/{uuid}/stages", response=list[StageOut])
def list_stages(request, uuid: UUID):
    strategy = _get(selectors.strategy_get, user=request.auth, uuid=uuid)
    return list(strategy.stages.order_by("position", "pk"))


@router.post(
    "/strategies/stages/{uuid}/transitions", response=StageOut, auth=signed_in, summary="Start or finish a stage"
)
def transition_stage(request, uuid: UUID, payload: TransitionIn):
    stage = _get(selectors.stage_get, user=request.auth, uuid=uuid)
    return services.stage_transition(actor=request.auth, stage=stage, transition=payload.transition)


@router.get("/strategies/{uuid}/versions", response=list[VersionOut])
def list_versions(request, uuid: UUID):
    strategy = _get(selectors.strategy_get, user=request.auth, uuid=uuid)
    return list(selectors.versions_of(strategy))


def _version_detail(version):
    return {
        "uuid": version.uuid,
        "number": version.number,
        "note": version.note,
        "created_at": version.created_at,
        "strategy": version.strategy.uuid,
        "paragraphs": selectors.paragraphs_with_comments(version),
    }


@router.get(
    "/strategies/versions/{uuid}", response=VersionDetailOut, summary="A version with its paragraphs and comments"
)
def get_version(request, uuid: UUID):
    return _version_detail(_get(selectors.version_get, user=request.auth, uuid=uuid))


@router.post("/strategies/{uuid}/versions", response={201: VersionDetailOut}, auth=signed_in, summary="A new version")
def create_version(request, uuid: UUID, payload: VersionIn):
    strategy = _get(selectors.strategy_get, user=request.auth, uuid=uuid)
    version = services.version_create(
        actor=request.auth,
        strategy=strategy,
        paragraphs=[item.dict() for item in payload.paragraphs],
        note=payload.note,
    )
    return Status(201, _version_detail(version))


@router.post(
    "/strategies/{uuid}/comments", response={201: CommentOut}, auth=signed_in, summary="Comment on a paragraph"
)
def add_comment(request, uuid: UUID, payload: CommentIn):
    strategy = _get(selectors.strategy_get, user=request.auth, uuid=uuid)
    comment = services.comment_add(
        actor=request.auth,
        strategy=strategy,
        paragraph_uuid=payload.paragraph,
        text=payload.text,
        on_behalf_of=payload.on_behalf_of,
    )
    return Status(201, comment)


@router.post("/strategies/comments/{uuid}/answer", response=CommentOut, auth=signed_in, summary="Answer a comment")
def answer_comment(request, uuid: UUID, payload: AnswerIn):
    comment = _get(selectors.comment_get, user=request.auth, uuid=uuid)
    return services.comment_answer(actor=request.auth, comment=comment, verdict=payload.verdict, reason=payload.reason)


@router.get("/strategies/{uuid}/actions", response=list[ActionOut], summary="The actions of the annual plan")
@paginate(PageNumberPagination, page_size=100)
def list_actions(request, uuid: UUID):
    strategy = _get(selectors.strategy_get, user=request.auth, uuid=uuid)
    return selectors.actions_of(strategy)


@router.post("/strategies/actions/{uuid}/progress", response=ActionOut, auth=signed_in, summary="Record progress")
def record_progress(request, uuid: UUID, payload: ProgressIn):
    action = _get(selectors.action_get, user=request.auth, uuid=uuid)
    services.action_progress(actor=request.auth, action=action, progress=payload.progress)
    return selectors.actions_of(action.measure.objective.strategy).get(pk=action.pk)


def _decision(strategy):
    decision = selectors.decision_of(strategy)
    if decision is None:
        raise HttpError(404, "Not found.")
    counted = selectors.tally(decision)
    return {
        "uuid": decision.uuid,
        "reference": decision.reference,
        "version": decision.version.number,
        "seats": decision.seats,
        "majority": decision.majority,
        "result": decision.result,
        "voted_on": decision.voted_on,
        "counts": counted["counts"],
        "quorum": counted["quorum"],
        "votes": list(selectors.votes_of(decision)),
    }


@router.get("/strategies/{uuid}/votes", response=DecisionOut, summary="The council's draft decision and roll call")
def get_votes(request, uuid: UUID):
    return _decision(_get(selectors.strategy_get, user=request.auth, uuid=uuid))


@router.post(
    "/strategies/{uuid}/votes", response={201: DecisionOut}, auth=signed_in, summary="Record a councillor's vote"
)
def record_vote(request, uuid: UUID, payload: VoteIn):
    strategy = _get(selectors.strategy_get, user=request.auth, uuid=uuid)
    decision = selectors.decision_of(strategy)
    if decision is None:
        raise HttpError(404, "Not found.")
    services.vote_record(actor=request.auth, decision=decision, **payload.dict())
    return Status(201, _decision(strategy))
