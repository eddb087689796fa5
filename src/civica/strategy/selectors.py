"""Every read of strategies, scoped to what the person may see.

A strategy is private to its working group (and its organisation's admins) until it is published;
then anyone may read it. Its surveys, versions, comments, plan and vote follow the strategy.
"""

from decimal import Decimal

from django.db.models import Count, Prefetch, Q, QuerySet

from civica.core.tokens import fingerprint
from civica.groups import selectors as group_selectors
from civica.groups.models import Point, SwotAnalysis, SwotEntry
from civica.organisations import selectors as organisation_selectors

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
    ParagraphText,
    Proposal,
    Question,
    Signature,
    Stage,
    Strategy,
    Survey,
    SurveyToken,
    Vote,
)


def _working_q(user) -> Q:
    """The strategies whose drafts the person works on: their working group's and their organisation's (admins)."""
    groups = list(group_selectors.group_positions(user))
    admin_of = organisation_selectors.administered_organisation_ids(user)
    return Q(working_group_id__in=groups) | Q(organisation_id__in=admin_of)


def works_on(user, strategy: Strategy) -> bool:
    return strategy.working_group_id in group_selectors.group_positions(
        user
    ) or strategy.organisation_id in organisation_selectors.administered_organisation_ids(user)


def can_see(user, strategy: Strategy) -> bool:
    return strategy.published_at is not None or works_on(user, strategy)


def runs(user, strategy: Strategy) -> bool:
    """The organisation's admins and the coordinators of the working group."""
    if organisation_selectors.role_in(user, strategy.organisation) == "admin":
        return True
    position = group_selectors.group_positions(user).get(strategy.working_group_id)
    return strategy.working_group_id is not None and position == "coordinator"


def strategies_visible_to(user) -> QuerySet[Strategy]:
    return Strategy.objects.filter(Q(published_at__isnull=False) | _working_q(user)).select_related(
        "organisation", "working_group", "adopted_version"
    )


def strategy_list(*, user) -> QuerySet[Strategy]:
    active = Stage.objects.filter(status=Stage.Status.ACTIVE)
    return (
        strategies_visible_to(user)
        .prefetch_related(Prefetch("stages", queryset=active, to_attr="active_stages"))
        .order_by("-created_at", "pk")
    )


def strategy_get(*, user, uuid) -> Strategy:
    return strategies_visible_to(user).get(uuid=uuid)


def stages_of(strategy: Strategy) -> QuerySet[Stage]:
    return strategy.stages.prefetch_related("groups", "meetings__group", "documents").order_by("position", "pk")


def stage_get(*, user, uuid) -> Stage:
    return (
        Stage.objects.filter(strategy__in=strategies_visible_to(user))
        .select_related("strategy", "strategy__organisation", "strategy__working_group")
        .prefetch_related("groups", "meetings__group", "documents")
        .get(uuid=uuid)
    )


def active_stage(strategy: Strategy) -> Stage | None:
    return strategy.stages.filter(status=Stage.Status.ACTIVE).first()


def linkable_groups(*, user, strategy: Strategy):
    """Groups the person sees, of the strategy's organisation, to link to a stage."""
    return group_selectors.groups_visible_to(user).filter(organisation=strategy.organisation).order_by("name")


def linkable_meetings(*, user, strategy: Strategy):
    return group_selectors.meetings_visible_to(user).filter(group__organisation=strategy.organisation)


# --- SWOT analyses -------------------------------------------------------------------------------


def process_group_ids(strategy: Strategy) -> set[int]:
    """The groups the process uses: its working group and the groups linked to its stages."""
    ids = set(Stage.groups.through.objects.filter(stage__strategy=strategy).values_list("group_id", flat=True))
    if strategy.working_group_id:
        ids.add(strategy.working_group_id)
    return ids


def linkable_swots(*, user, strategy: Strategy) -> QuerySet[SwotAnalysis]:
    """SWOT analyses the person sees (by the groups' rules) of the groups the process uses, in its organisation,
    not linked yet."""
    return (
        group_selectors.swots_visible_to(user)
        .filter(organisation_id=strategy.organisation_id, group_id__in=process_group_ids(strategy))
        .exclude(pk__in=strategy.swot_analyses.values("pk"))
        .order_by("group__name", "-created_at", "pk")
    )


def linked_swot_get(*, strategy: Strategy, uuid) -> SwotAnalysis:
    return strategy.swot_analyses.get(uuid=uuid)


def swots_of_strategy(*, user, strategy: Strategy) -> list[SwotAnalysis]:
    """The linked analyses, each with `.quadrants`: [(kind, label, entries)] in the order S, W, O, T. An entry's
    `.sources` are the problems and solutions of the minutes it came from that the person may read (the
    groups' rule for minutes: published, or the group's members and runners); the others are left out, so a
    published strategy never shows the text of unpublished minutes."""
    points = Point.objects.select_related("theme__minutes__meeting").order_by(
        "theme__minutes__meeting__starts_at", "theme__position", "position", "pk"
    )
    entries = SwotEntry.objects.prefetch_related(Prefetch("points", queryset=points)).order_by("pk")
    analyses = list(
        strategy.swot_analyses.select_related("group", "meeting")
        .prefetch_related(Prefetch("entries", queryset=entries))
        .order_by("group__name", "-created_at", "pk")
    )
    minutes_ids = {
        point.theme.minutes_id
        for analysis in analyses
        for entry in analysis.entries.all()
        for point in entry.points.all()
    }
    readable = (
        set(group_selectors.minutes_visible_to(user).filter(pk__in=minutes_ids).values_list("pk", flat=True))
        if minutes_ids
        else set()
    )
    answered: dict[int, list[str]] = {}
    if analyses:
        cited = (
            Objective.swot_entries.through.objects.filter(
                objective__strategy=strategy, swotentry__analysis__in=[a.pk for a in analyses]
            )
            .order_by("objective__code", "objective__pk")
            .values_list("swotentry_id", "objective__code")
        )
        for entry_id, code in cited:
            answered.setdefault(entry_id, []).append(code)
    for analysis in analyses:
        analysis.viewable = group_selectors.can_see_group(user, analysis.group)
        by_kind = {kind: [] for kind in SwotEntry.Kind.values}
        for entry in analysis.entries.all():
            entry.objectives = answered.get(entry.pk, [])
            entry.sources = [point for point in entry.points.all() if point.theme.minutes_id in readable]
            by_kind[entry.kind].append(entry)
        analysis.quadrants = [(kind, label, by_kind[kind]) for kind, label in SwotEntry.Kind.choices]
    return analyses


def citable_swot_entries(strategy: Strategy) -> QuerySet[SwotEntry]:
    """The entries of the strategy's linked analyses, which its objectives may cite."""
    return (
        SwotEntry.objects.filter(analysis__in=strategy.swot_analyses.all())
        .select_related("analysis")
        .order_by("analysis__title", "kind", "pk")
    )


def measures_of(strategy: Strategy) -> QuerySet[Measure]:
    return Measure.objects.filter(objective__strategy=strategy).select_related("objective")


# --- Consultations --------------------------------------------------------------------------------


def surveys_of(strategy: Strategy) -> QuerySet[Survey]:
    return strategy.surveys.select_related("stage").annotate(response_count=Count("responses")).order_by("pk")


def survey_get(*, user, uuid) -> Survey:
    return (
        Survey.objects.filter(strategy__in=strategies_visible_to(user))
        .select_related("strategy", "strategy__organisation", "stage")
        .get(uuid=uuid)
    )


def open_survey_for_anyone(*, uuid, code: str = "") -> Survey:
    """The answer form for someone without an account: a published strategy's open survey, or a draft's
    when they bring a valid one-time code (the vision stage runs long before publication)."""
    survey = Survey.objects.select_related("strategy").filter(uuid=uuid, is_open=True).first()
    if survey is None:
        raise Survey.DoesNotExist
    if survey.strategy.published_at is None and not code_is_valid(survey, code):
        raise Survey.DoesNotExist
    return survey


def code_is_valid(survey: Survey, code: str) -> bool:
    if not code.strip():
        return False
    return SurveyToken.objects.filter(
        survey=survey, token_hash=fingerprint(code.strip().upper()), used_at__isnull=True
    ).exists()


def questions_of(survey: Survey) -> list[Question]:
    return list(survey.questions.order_by("position", "pk"))


def has_answered(user, survey: Survey) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and survey.responses.filter(respondent=user).exists()


def survey_results(survey: Survey) -> dict:
    """Counts and percentages per choice, the spread and mean of scales, the text answers listed.

    Percentages are of the people who answered that question (rounded to one decimal)."""
    questions = questions_of(survey)
    responses = survey.responses.all()
    by_channel = dict(responses.values_list("channel").annotate(count=Count("pk")).order_by())
    answers: dict[int, list] = {question.pk: [] for question in questions}
    for row in Answer.objects.filter(response__survey=survey).order_by("pk"):
        answers.setdefault(row.question_id, []).append(row)
    results = []
    for question in questions:
        rows = answers.get(question.pk, [])
        answered = len(rows)
        item = {"question": question, "answered": answered, "rows": [], "texts": [], "mean": None}
        if question.kind == Question.Kind.TEXT:
            item["texts"] = [row.text for row in rows if row.text]
        else:
            options = question.choices if question.kind == Question.Kind.CHOICE else [str(n) for n in range(1, 6)]
            counts = dict.fromkeys(options, 0)
            for row in rows:
                key = row.choice if question.kind == Question.Kind.CHOICE else str(row.scale)
                if key in counts:
                    counts[key] += 1
            item["rows"] = [
                {
                    "label": label,
                    "count": count,
                    "percent": round(Decimal(100 * count) / answered, 1) if answered else 0,
                }
                for label, count in counts.items()
            ]
            if question.kind == Question.Kind.SCALE and answered:
                item["mean"] = round(Decimal(sum(row.scale for row in rows)) / answered, 2)
        results.append(item)
    return {"total": sum(by_channel.values()), "by_channel": by_channel, "questions": results}


def proposals_of(strategy: Strategy) -> QuerySet[Proposal]:
    return strategy.proposals.select_related("author", "stage").order_by("created_at", "pk")


# --- The draft ------------------------------------------------------------------------------------


def versions_of(strategy: Strategy) -> QuerySet[DraftVersion]:
    return strategy.versions.select_related("created_by").annotate(paragraph_count=Count("texts")).order_by("number")


def latest_version(strategy: Strategy) -> DraftVersion | None:
    return strategy.versions.order_by("-number").first()


def version_get(*, user, uuid) -> DraftVersion:
    return (
        DraftVersion.objects.filter(strategy__in=strategies_visible_to(user))
        .select_related("strategy", "strategy__organisation", "strategy__working_group", "strategy__adopted_version")
        .get(uuid=uuid)
    )


def paragraphs_with_comments(version: DraftVersion) -> list[ParagraphText]:
    """The version's paragraphs, each with `.thread`: every comment on that paragraph, whichever version it
    was made on, flagged `.text_changed` when the paragraph's text differs from the one commented on."""
    texts = list(version.texts.select_related("paragraph").order_by("position", "pk"))
    comments = (
        Comment.objects.filter(paragraph_id__in=[t.paragraph_id for t in texts])
        .select_related("paragraph", "on_text__version", "author", "answered_by")
        .order_by("created_at", "pk")
    )
    threads: dict[int, list] = {}
    for comment in comments:
        comment.text_changed = comment.on_text.text != _text_of(texts, comment.paragraph_id)
        threads.setdefault(comment.paragraph_id, []).append(comment)
    for text in texts:
        text.thread = threads.get(text.paragraph_id, [])
    return texts


def _text_of(texts, paragraph_id) -> str:
    return next(t.text for t in texts if t.paragraph_id == paragraph_id)


def orphan_comments(version: DraftVersion) -> QuerySet[Comment]:
    """Comments on paragraphs the version no longer holds."""
    kept = version.texts.values("paragraph_id")
    return (
        Comment.objects.filter(strategy_id=version.strategy_id)
        .exclude(paragraph_id__in=kept)
        .select_related("paragraph", "on_text__version", "author", "answered_by")
    )


def comment_get(*, user, uuid) -> Comment:
    return (
        Comment.objects.filter(strategy__in=strategies_visible_to(user))
        .select_related("strategy", "strategy__organisation", "strategy__working_group", "on_text")
        .get(uuid=uuid)
    )


def comments_of(strategy: Strategy) -> QuerySet[Comment]:
    return strategy.comments.select_related("paragraph", "on_text__version", "author").order_by("created_at", "pk")


# --- The plan -------------------------------------------------------------------------------------


def weighted_progress(actions) -> Decimal:
    """Budget-weighted progress of a set of actions: sum(progress × budget) / sum(budget); when no action
    has a budget, each action counts the same. One decimal."""
    actions = list(actions)
    if not actions:
        return Decimal("0.0")
    total_budget = sum((action.budget for action in actions), Decimal(0))
    if total_budget > 0:
        value = sum((action.progress * action.budget for action in actions), Decimal(0)) / total_budget
    else:
        value = Decimal(sum(action.progress for action in actions)) / len(actions)
    return value.quantize(Decimal("0.1"))


def plan_of(strategy: Strategy) -> dict:
    """Objectives, each with its measures and their actions, and every level's progress and budget."""
    actions = Action.objects.select_related("institution", "funding_source", "funding_call").prefetch_related(
        "sdg_indicators"
    )
    objectives = list(
        strategy.objectives.prefetch_related(
            Prefetch("measures", queryset=Measure.objects.prefetch_related(Prefetch("actions", queryset=actions))),
            Prefetch("swot_entries", queryset=SwotEntry.objects.select_related("analysis").order_by("kind", "pk")),
        )
    )
    every = []
    for objective in objectives:
        objective_actions = []
        for measure in objective.measures.all():
            measure_actions = list(measure.actions.all())
            measure.progress = weighted_progress(measure_actions)
            measure.budget = sum((a.budget for a in measure_actions), Decimal(0))
            objective_actions += measure_actions
        objective.progress = weighted_progress(objective_actions)
        objective.budget = sum((a.budget for a in objective_actions), Decimal(0))
        every += objective_actions
    return {
        "objectives": objectives,
        "progress": weighted_progress(every),
        "budget": sum((a.budget for a in every), Decimal(0)),
        "actions": every,
    }


def actions_of(strategy: Strategy) -> QuerySet[Action]:
    return (
        Action.objects.filter(measure__objective__strategy=strategy)
        .select_related("measure__objective", "institution", "funding_source", "funding_call")
        .prefetch_related("sdg_indicators")
        .order_by("measure__objective__code", "measure__code", "code", "pk")
    )


def action_get(*, user, uuid) -> Action:
    return (
        Action.objects.filter(measure__objective__strategy__in=strategies_visible_to(user))
        .select_related("measure__objective__strategy__organisation", "measure__objective__strategy__working_group")
        .get(uuid=uuid)
    )


def objective_get(*, strategy: Strategy, uuid) -> Objective:
    return strategy.objectives.get(uuid=uuid)


def measure_get(*, strategy: Strategy, uuid) -> Measure:
    return Measure.objects.select_related("objective").get(objective__strategy=strategy, uuid=uuid)


def funding_sources(organisation=None) -> QuerySet[FundingSource]:
    """The register is public: where money for social services may come from is no secret."""
    sources = FundingSource.objects.select_related("organisation").prefetch_related(
        Prefetch("calls", queryset=FundingCall.objects.order_by("deadline"))
    )
    return sources.filter(organisation=organisation) if organisation is not None else sources


def funding_calls(organisation) -> QuerySet[FundingCall]:
    return FundingCall.objects.filter(source__organisation=organisation).select_related("source")


# --- The council and the charter ------------------------------------------------------------------


def decision_of(strategy: Strategy) -> CouncilDecision | None:
    return CouncilDecision.objects.filter(strategy=strategy).select_related("version").first()


def votes_of(decision: CouncilDecision) -> QuerySet[Vote]:
    return decision.votes.order_by("councillor", "pk")


def tally(decision: CouncilDecision) -> dict:
    """Counts per option, whether the quorum is met and whether the majority is reached.

    Quorum: more than half of the councillors in office present (yes, no or abstain). Majority: more than
    half of those present (simple) or of the councillors in office (absolute) voted yes."""
    counts = dict.fromkeys(Vote.Option.values, 0)
    for option, count in decision.votes.values_list("option").annotate(count=Count("pk")).order_by():
        counts[option] = count
    present = counts["yes"] + counts["no"] + counts["abstain"]
    quorum = present > decision.seats / 2
    base = present if decision.majority == CouncilDecision.Majority.SIMPLE else decision.seats
    needed = base // 2 + 1
    return {
        "counts": counts,
        "recorded": sum(counts.values()),
        "present": present,
        "quorum": quorum,
        "needed": needed,
        "majority": counts["yes"] >= needed,
    }


def charters_visible() -> QuerySet[Charter]:
    """Charters and their signatories are public by nature."""
    return Charter.objects.select_related("organisation", "strategy").annotate(signature_count=Count("signatures"))


def charter_get(*, uuid) -> Charter:
    return charters_visible().get(uuid=uuid)


def signatures_of(charter: Charter) -> QuerySet[Signature]:
    return charter.signatures.select_related("organisation").order_by("signed_on", "organisation_name", "pk")


def strategies_of(organisation) -> QuerySet[Strategy]:
    """For system work (the demo), never for a person's page."""
    return Strategy.objects.filter(organisation=organisation)
