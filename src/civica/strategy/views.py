"""Pages of a participatory strategy: thin, every read through a selector, every write through a
service; anything the person may not see is a 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from civica.core.documents import PDF_CONTENT_TYPE, DocumentError
from civica.core.forms import add_errors
from civica.groups import selectors as group_selectors
from civica.groups.models import SwotAnalysis
from civica.organisations import selectors as organisation_selectors
from civica.organisations.models import Organisation
from civica.sdg import selectors as sdg_selectors

from . import exports, selectors, services
from .forms import (
    ActionForm,
    AnswerForm,
    CharterForm,
    CloseVoteForm,
    CommentAnswerForm,
    CommentForm,
    DecisionForm,
    DocumentForm,
    FundingCallForm,
    FundingSourceForm,
    MeasureForm,
    ObjectiveForm,
    ObjectiveSwotForm,
    ProgressForm,
    ProposalForm,
    SignatureForm,
    StageAddForm,
    StageForm,
    StrategyForm,
    SurveyForm,
    SwotLinkForm,
    TokenForm,
    VersionForm,
    VoteForm,
)
from .models import Action, Charter, Comment, DraftVersion, Stage, Strategy, Survey

NOT_VISIBLE = (
    Strategy.DoesNotExist,
    Stage.DoesNotExist,
    Survey.DoesNotExist,
    DraftVersion.DoesNotExist,
    Comment.DoesNotExist,
    Action.DoesNotExist,
    Charter.DoesNotExist,
    Organisation.DoesNotExist,
    SwotAnalysis.DoesNotExist,
    ValidationError,
)


def _get(function, **lookup):
    try:
        return function(**lookup)
    except NOT_VISIBLE as error:
        raise Http404 from error


def _strategy(request, uuid, permission="strategy.view_strategy") -> Strategy:
    strategy = _get(selectors.strategy_get, user=request.user, uuid=uuid)
    if not request.user.has_perm(permission, strategy):
        raise Http404
    return strategy


def _do(request, form, function, success: str, **values):
    """Call a service; its refusals go onto the form (or raise 404 when not allowed). True when done."""
    try:
        function(**values)
    except PermissionDenied as error:
        raise Http404 from error
    except ValidationError as error:
        add_errors(form, error)
        return False
    messages.success(request, success)
    return True


# --- Strategies and stages ------------------------------------------------------------------------


def index(request):
    can_create = organisation_selectors.own_organisations(request.user, roles={"admin", "staff"}).exists()
    return render(
        request,
        "strategy/index.html",
        {"strategies": selectors.strategy_list(user=request.user)[:100], "can_create": can_create},
    )


@login_required
@require_http_methods(["GET", "POST"])
def create(request):
    organisations = organisation_selectors.own_organisations(request.user, roles={"admin", "staff"})
    if not organisations.exists():
        raise Http404
    groups = group_selectors.groups_visible_to(request.user).filter(organisation__in=organisations)
    form = StrategyForm(
        request.POST or None,
        organisations=organisations,
        groups=groups,
        initial={"language": get_language(), "organisation": organisations.first(), "from_template": True},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            strategy = services.strategy_create(
                actor=request.user,
                organisation=data["organisation"],
                title=data["title"],
                working_group=data["working_group"],
                summary=data["summary"],
                language=data["language"],
                period=data["period"],
                plan_year=data["plan_year"],
                from_template=data["from_template"],
            )
        except PermissionDenied as error:
            raise Http404 from error
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The strategy has been created."))
            return redirect("strategy:detail", uuid=strategy.uuid)
    return render(request, "strategy/create.html", {"form": form})


def detail(request, uuid, proposal_form=None, stage_form=None, swot_form=None):
    strategy = _strategy(request, uuid)
    manages = request.user.has_perm("strategy.manage_strategy", strategy)
    works = request.user.has_perm("strategy.work_on_strategy", strategy)
    context = {
        "strategy": strategy,
        "stages": list(strategy.stages.order_by("position", "pk")),
        "surveys": selectors.surveys_of(strategy),
        "versions": selectors.versions_of(strategy),
        "proposals": selectors.proposals_of(strategy)[:100],
        "decision": selectors.decision_of(strategy),
        "charters": strategy.charters.all(),
        "manages": manages,
        "works": works,
        "proposal_form": proposal_form
        or (
            ProposalForm(prefix="proposal", facilitator=works)
            if request.user.has_perm("strategy.propose", strategy)
            else None
        ),
        "stage_form": stage_form or (StageAddForm(prefix="stage") if manages else None),
        "swots": selectors.swots_of_strategy(user=request.user, strategy=strategy),
        "swot_form": swot_form or (_swot_form(request, strategy) if manages else None),
    }
    return render(request, "strategy/detail.html", context)


def _swot_form(request, strategy, data=None):
    return SwotLinkForm(data, analyses=selectors.linkable_swots(user=request.user, strategy=strategy), prefix="swot")


@login_required
@require_POST
def swot_link(request, uuid):
    strategy = _strategy(request, uuid, "strategy.manage_strategy")
    form = _swot_form(request, strategy, request.POST)
    if form.is_valid() and _do(
        request,
        form,
        services.strategy_swot_link,
        _("The SWOT analysis has been linked to the strategy."),
        actor=request.user,
        strategy=strategy,
        analysis=form.cleaned_data["analysis"],
    ):
        return redirect(f"{reverse('strategy:detail', args=[strategy.uuid])}#swot")
    return detail(request, uuid, swot_form=form)


@login_required
@require_POST
def swot_unlink(request, uuid, analysis_uuid):
    strategy = _strategy(request, uuid, "strategy.manage_strategy")
    analysis = _get(selectors.linked_swot_get, strategy=strategy, uuid=analysis_uuid)
    try:
        services.strategy_swot_unlink(actor=request.user, strategy=strategy, analysis=analysis)
    except PermissionDenied as error:
        raise Http404 from error
    messages.success(request, _("The SWOT analysis is no longer linked to the strategy."))
    return redirect(f"{reverse('strategy:detail', args=[strategy.uuid])}#swot")


@login_required
@require_POST
def publish(request, uuid):
    strategy = _strategy(request, uuid, "strategy.manage_strategy")
    services.strategy_publish(actor=request.user, strategy=strategy)
    messages.success(request, _("The strategy is now public."))
    return redirect("strategy:detail", uuid=strategy.uuid)


@login_required
@require_POST
def stage_add(request, uuid):
    strategy = _strategy(request, uuid, "strategy.manage_strategy")
    form = StageAddForm(request.POST, prefix="stage")
    if form.is_valid() and _do(
        request,
        form,
        services.stage_add,
        _("The stage has been added."),
        actor=request.user,
        strategy=strategy,
        title=form.cleaned_data["title"],
    ):
        return redirect("strategy:detail", uuid=strategy.uuid)
    return detail(request, uuid, stage_form=form)


@login_required
@require_POST
def proposal_add(request, uuid):
    strategy = _strategy(request, uuid)
    works = request.user.has_perm("strategy.work_on_strategy", strategy)
    form = ProposalForm(request.POST, prefix="proposal", facilitator=works)
    if form.is_valid() and _do(
        request,
        form,
        services.proposal_add,
        _("The proposal has been recorded."),
        actor=request.user,
        strategy=strategy,
        text=form.cleaned_data["text"],
        on_behalf_of=form.cleaned_data["on_behalf_of"],
        from_paper=form.cleaned_data.get("from_paper", False),
    ):
        return redirect("strategy:detail", uuid=strategy.uuid)
    return detail(request, uuid, proposal_form=form)


def _stage_form(request, stage, data=None):
    strategy = stage.strategy
    return StageForm(
        data,
        groups=selectors.linkable_groups(user=request.user, strategy=strategy),
        meetings=selectors.linkable_meetings(user=request.user, strategy=strategy),
        initial={
            "title": stage.title,
            "starts_on": stage.starts_on,
            "ends_on": stage.ends_on,
            "groups": [g.uuid for g in stage.groups.all()],
            "meetings": [m.uuid for m in stage.meetings.all()],
        },
        prefix="edit",
    )


def stage(request, uuid, form=None, document_form=None):
    stage = _get(selectors.stage_get, user=request.user, uuid=uuid)
    strategy = stage.strategy
    manages = request.user.has_perm("strategy.manage_strategy", strategy)
    works = request.user.has_perm("strategy.work_on_strategy", strategy)
    context = {
        "stage": stage,
        "strategy": strategy,
        "manages": manages,
        "form": form or (_stage_form(request, stage) if manages else None),
        "document_form": document_form or (DocumentForm(prefix="document") if works else None),
        "surveys": stage.surveys.all(),
    }
    return render(request, "strategy/stage.html", context)


@login_required
@require_POST
def stage_edit(request, uuid):
    stage_row = _get(selectors.stage_get, user=request.user, uuid=uuid)
    if not request.user.has_perm("strategy.manage_strategy", stage_row.strategy):
        raise Http404
    form = _stage_form(request, stage_row, request.POST)
    if form.is_valid():
        data = form.cleaned_data
        if _do(
            request,
            form,
            services.stage_update,
            _("The stage has been saved."),
            actor=request.user,
            stage=stage_row,
            title=data["title"],
            starts_on=data["starts_on"],
            ends_on=data["ends_on"],
            groups=list(data["groups"]),
            meetings=list(data["meetings"].select_related("group")),
        ):
            return redirect("strategy:stage", uuid=stage_row.uuid)
    return stage(request, uuid, form=form)


@login_required
@require_POST
def stage_transition(request, uuid):
    stage_row = _get(selectors.stage_get, user=request.user, uuid=uuid)
    try:
        services.stage_transition(actor=request.user, stage=stage_row, transition=request.POST.get("transition", ""))
    except PermissionDenied as error:
        raise Http404 from error
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The stage has moved on."))
    return redirect("strategy:detail", uuid=stage_row.strategy.uuid)


@login_required
@require_POST
def document_add(request, uuid):
    stage_row = _get(selectors.stage_get, user=request.user, uuid=uuid)
    form = DocumentForm(request.POST, request.FILES, prefix="document")
    if form.is_valid() and _do(
        request,
        form,
        services.stage_document_add,
        _("The document has been added."),
        actor=request.user,
        stage=stage_row,
        title=form.cleaned_data["title"],
        file=form.cleaned_data["file"],
    ):
        return redirect("strategy:stage", uuid=stage_row.uuid)
    return stage(request, uuid, document_form=form)


def document(request, uuid, document_uuid):
    """A stage's document, through the strategy's visibility rule (never a bare file link)."""
    stage_row = _get(selectors.stage_get, user=request.user, uuid=uuid)
    row = stage_row.documents.filter(uuid=document_uuid).first()
    if row is None:
        raise Http404
    return FileResponse(row.file.open("rb"), as_attachment=True, filename=row.file.name.rsplit("/", 1)[-1])


# --- Consultations --------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def survey_new(request, uuid):
    strategy = _strategy(request, uuid, "strategy.manage_strategy")
    form = SurveyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            survey = services.survey_create(
                actor=request.user,
                strategy=strategy,
                title=data["title"],
                purpose=data["purpose"],
                introduction=data["introduction"],
                questions=data["questions"],
                stage=selectors.active_stage(strategy),
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The survey has been created."))
            return redirect("strategy:survey", uuid=survey.uuid)
    return render(request, "strategy/survey_new.html", {"strategy": strategy, "form": form})


def survey(request, uuid, paper_form=None, token_form=None, codes=None):
    survey = _get(selectors.survey_get, user=request.user, uuid=uuid)
    strategy = survey.strategy
    works = request.user.has_perm("strategy.enter_answers", strategy)
    questions = selectors.questions_of(survey)
    context = {
        "survey": survey,
        "strategy": strategy,
        "results": selectors.survey_results(survey),
        "works": works,
        "manages": request.user.has_perm("strategy.manage_strategy", strategy),
        "paper_form": paper_form or (AnswerForm(questions=questions, prefix="paper") if works else None),
        "token_form": token_form or (TokenForm(prefix="codes") if works else None),
        "codes": codes,
        "can_answer": request.user.is_authenticated and not selectors.has_answered(request.user, survey),
    }
    return render(request, "strategy/survey.html", context)


@login_required
@require_POST
def survey_paper(request, uuid):
    survey_row = _get(selectors.survey_get, user=request.user, uuid=uuid)
    form = AnswerForm(request.POST, questions=selectors.questions_of(survey_row), prefix="paper")
    if form.is_valid() and _do(
        request,
        form,
        services.response_submit,
        _("The answers from paper have been recorded."),
        actor=request.user,
        survey=survey_row,
        answers=form.answers(),
        from_paper=True,
    ):
        return redirect("strategy:survey", uuid=survey_row.uuid)
    return survey(request, uuid, paper_form=form)


@login_required
@require_POST
def survey_codes(request, uuid):
    survey_row = _get(selectors.survey_get, user=request.user, uuid=uuid)
    form = TokenForm(request.POST, prefix="codes")
    codes = None
    if form.is_valid():
        try:
            codes = services.survey_tokens_issue(
                actor=request.user, survey=survey_row, count=form.cleaned_data["count"]
            )
        except PermissionDenied as error:
            raise Http404 from error
        except ValidationError as error:
            add_errors(form, error)
    return survey(request, uuid, token_form=form, codes=codes)


@login_required
@require_POST
def survey_open(request, uuid):
    survey_row = _get(selectors.survey_get, user=request.user, uuid=uuid)
    try:
        services.survey_set_open(actor=request.user, survey=survey_row, is_open=request.POST.get("open") == "1")
    except PermissionDenied as error:
        raise Http404 from error
    messages.success(request, _("The survey is open.") if survey_row.is_open else _("The survey is closed."))
    return redirect("strategy:survey", uuid=survey_row.uuid)


@require_http_methods(["GET", "POST"])
def survey_answer(request, uuid):
    """Answer a survey: signed in (once), or with a one-time code and no account."""
    anonymous = not request.user.is_authenticated
    code = request.POST.get("answer-token") or request.GET.get("code", "")
    if anonymous:
        survey_row = _get(selectors.open_survey_for_anyone, uuid=uuid, code=code[:40])
    else:
        survey_row = _get(selectors.survey_get, user=request.user, uuid=uuid)
    questions = selectors.questions_of(survey_row)
    form = AnswerForm(
        request.POST or None, questions=questions, with_code=anonymous, prefix="answer", initial={"token": code[:40]}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.response_submit(
                actor=request.user,
                survey=survey_row,
                answers=form.answers(),
                token=form.cleaned_data.get("token", ""),
            )
        except PermissionDenied as error:
            raise Http404 from error
        except ValidationError as error:
            add_errors(form, error)
        else:
            return render(request, "strategy/survey_thanks.html", {"survey": survey_row})
    return render(request, "strategy/survey_answer.html", {"survey": survey_row, "form": form})


# --- The draft ------------------------------------------------------------------------------------


def draft(request, uuid):
    strategy = _strategy(request, uuid)
    version = selectors.latest_version(strategy)
    if version is None:
        if request.user.has_perm("strategy.edit_draft", strategy):
            return redirect("strategy:version_new", uuid=strategy.uuid)
        raise Http404
    return redirect("strategy:version", uuid=version.uuid)


def version(request, uuid, comment_form=None, answer_forms=None):
    version = _get(selectors.version_get, user=request.user, uuid=uuid)
    strategy = version.strategy
    texts = selectors.paragraphs_with_comments(version)
    latest = selectors.latest_version(strategy)
    is_latest = latest is not None and latest.pk == version.pk
    stage = selectors.active_stage(strategy)
    commenting = (
        is_latest
        and stage is not None
        and stage.kind == Stage.Kind.CONSULTATION
        and request.user.has_perm("strategy.comment", strategy)
    )
    answering = request.user.has_perm("strategy.answer_comment", strategy)
    answer_forms = answer_forms or {}
    for text in texts:
        for comment in text.thread:
            comment.form = answer_forms.get(comment.pk) or (
                CommentAnswerForm(
                    prefix=f"answer-{comment.uuid}",
                    initial={"verdict": comment.verdict or "accepted", "reason": comment.reason},
                )
                if answering
                else None
            )
    initial = {"paragraph": request.GET.get("paragraph", "")}
    context = {
        "version": version,
        "strategy": strategy,
        "texts": texts,
        "orphans": selectors.orphan_comments(version),
        "versions": selectors.versions_of(strategy),
        "is_latest": is_latest,
        "commenting": commenting,
        "comment_form": comment_form
        or (CommentForm(texts=texts, prefix="comment", initial=initial) if commenting else None),
        "can_edit": is_latest and request.user.has_perm("strategy.edit_draft", strategy),
        "adopted": strategy.adopted_version_id == version.pk,
    }
    return render(request, "strategy/version.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def version_new(request, uuid):
    strategy = _strategy(request, uuid, "strategy.edit_draft")
    latest = selectors.latest_version(strategy)
    texts = list(latest.texts.select_related("paragraph").order_by("position", "pk")) if latest else []
    form = VersionForm(request.POST or None, texts=texts)
    if request.method == "POST" and form.is_valid():
        try:
            new = services.version_create(
                actor=request.user, strategy=strategy, paragraphs=form.paragraphs(), note=form.cleaned_data["note"]
            )
        except PermissionDenied as error:
            raise Http404 from error
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Version %(number)s of the draft has been saved.") % {"number": new.number})
            return redirect("strategy:version", uuid=new.uuid)
    return render(request, "strategy/version_new.html", {"strategy": strategy, "form": form, "latest": latest})


@login_required
@require_POST
def comment_add(request, uuid):
    version_row = _get(selectors.version_get, user=request.user, uuid=uuid)
    texts = selectors.paragraphs_with_comments(version_row)
    form = CommentForm(request.POST, texts=texts, prefix="comment")
    if form.is_valid() and _do(
        request,
        form,
        services.comment_add,
        _("Your comment has been added."),
        actor=request.user,
        strategy=version_row.strategy,
        paragraph_uuid=form.cleaned_data["paragraph"],
        text=form.cleaned_data["text"],
        on_behalf_of=form.cleaned_data["on_behalf_of"],
    ):
        return redirect("strategy:version", uuid=version_row.uuid)
    return version(request, uuid, comment_form=form)


@login_required
@require_POST
def comment_answer(request, uuid):
    comment = _get(selectors.comment_get, user=request.user, uuid=uuid)
    form = CommentAnswerForm(request.POST, prefix=f"answer-{comment.uuid}")
    target = selectors.latest_version(comment.strategy)
    if form.is_valid() and _do(
        request,
        form,
        services.comment_answer,
        _("The answer has been recorded."),
        actor=request.user,
        comment=comment,
        verdict=form.cleaned_data["verdict"],
        reason=form.cleaned_data["reason"],
    ):
        return redirect("strategy:version", uuid=target.uuid)
    return version(request, target.uuid, answer_forms={comment.pk: form})


# --- The plan -------------------------------------------------------------------------------------


def _plan_forms(request, strategy, data=None, which=""):
    objectives = strategy.objectives.all()
    return {
        "objective_form": ObjectiveForm(data if which == "objective" else None, prefix="objective"),
        "measure_form": MeasureForm(data if which == "measure" else None, objectives=objectives, prefix="measure"),
        "action_form": ActionForm(
            data if which == "action" else None,
            measures=selectors.measures_of(strategy),
            organisations=Organisation.objects.order_by("name"),
            calls=selectors.funding_calls(strategy.organisation),
            indicators=sdg_selectors.indicators(),
            prefix="action",
        ),
        "cite_form": ObjectiveSwotForm(
            data if which == "cite" else None,
            objectives=objectives,
            entries=selectors.citable_swot_entries(strategy),
            prefix="cite",
        ),
    }


def plan(request, uuid, forms=None):
    strategy = _strategy(request, uuid)
    manages = request.user.has_perm("strategy.manage_strategy", strategy)
    context = {"strategy": strategy, "plan": selectors.plan_of(strategy), "manages": manages}
    if manages:
        context.update(forms or _plan_forms(request, strategy))
    return render(request, "strategy/plan.html", context)


@login_required
@require_POST
def plan_add(request, uuid, which):
    strategy = _strategy(request, uuid, "strategy.manage_strategy")
    forms = _plan_forms(request, strategy, request.POST, which)
    form = forms[f"{which}_form"]
    if form.is_valid():
        data = form.cleaned_data
        if which == "objective":
            done = _do(
                request,
                form,
                services.objective_add,
                _("The objective has been added."),
                actor=request.user,
                strategy=strategy,
                code=data["code"],
                title=data["title"],
            )
        elif which == "cite":
            done = _do(
                request,
                form,
                services.objective_cite_swot,
                _("The objective's SWOT entries have been saved."),
                actor=request.user,
                objective=data["objective"],
                entries=data["swot_entries"],
            )
        elif which == "measure":
            done = _do(
                request,
                form,
                services.measure_add,
                _("The measure has been added."),
                actor=request.user,
                objective=data["objective"],
                code=data["code"],
                title=data["title"],
            )
        else:
            done = _do(
                request,
                form,
                services.action_add,
                _("The action has been added."),
                actor=request.user,
                measure=data["measure"],
                code=data["code"],
                title=data["title"],
                owner=data["owner"],
                institution=data["institution"],
                budget=data["budget"],
                funding_call=data["funding_call"],
                funding_source=data["funding_call"].source if data["funding_call"] else None,
                deadline=data["deadline"],
                indicator=data["indicator"],
                sdg_indicators=data["sdg_indicators"],
                progress=data["progress"],
            )
        if done:
            return redirect("strategy:plan", uuid=strategy.uuid)
    return plan(request, uuid, forms=forms)


@login_required
@require_POST
def action_progress(request, uuid):
    action = _get(selectors.action_get, user=request.user, uuid=uuid)
    strategy = action.measure.objective.strategy
    form = ProgressForm(request.POST, prefix=f"progress-{action.uuid}")
    if not form.is_valid():
        messages.error(request, _("Progress is a percentage from 0 to 100."))
    else:
        try:
            services.action_progress(actor=request.user, action=action, progress=form.cleaned_data["progress"])
        except PermissionDenied as error:
            raise Http404 from error
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The progress has been recorded."))
    return redirect("strategy:plan", uuid=strategy.uuid)


def progress(request, uuid):
    """The public progress page of a published strategy's action plan."""
    strategy = _strategy(request, uuid)
    if strategy.published_at is None:
        raise Http404
    return render(request, "strategy/progress.html", {"strategy": strategy, "plan": selectors.plan_of(strategy)})


@require_http_methods(["GET", "POST"])
def funding(request):
    organisations = organisation_selectors.own_organisations(request.user, roles={"admin", "staff"})
    mine = organisations.exists()
    source_form = call_form = None
    if mine:
        sources = selectors.funding_sources().filter(organisation__in=organisations)
        which = request.POST.get("which", "")
        source_form = FundingSourceForm(
            request.POST if which == "source" else None, organisations=organisations, prefix="source"
        )
        call_form = FundingCallForm(request.POST if which == "call" else None, sources=sources, prefix="call")
        if request.method == "POST":
            form = source_form if which == "source" else call_form
            if form.is_valid():
                data = form.cleaned_data
                if which == "source":
                    done = _do(
                        request,
                        form,
                        services.funding_source_add,
                        _("The funding source has been added."),
                        actor=request.user,
                        organisation=data["organisation"],
                        name=data["name"],
                        kind=data["kind"],
                        url=data["url"],
                    )
                else:
                    done = _do(
                        request,
                        form,
                        services.funding_call_add,
                        _("The call has been added."),
                        actor=request.user,
                        source=data["source"],
                        title=data["title"],
                        deadline=data["deadline"],
                        url=data["url"],
                    )
                if done:
                    return redirect("strategy:funding")
    elif request.method == "POST":
        raise Http404
    return render(
        request,
        "strategy/funding.html",
        {"sources": selectors.funding_sources()[:200], "source_form": source_form, "call_form": call_form},
    )


# --- The council ----------------------------------------------------------------------------------


def council(request, uuid, forms=None):
    strategy = _strategy(request, uuid)
    decision = selectors.decision_of(strategy)
    manages = request.user.has_perm("strategy.manage_strategy", strategy)
    forms = forms or {}
    context = {"strategy": strategy, "decision": decision, "manages": manages}
    if decision is not None:
        context["votes"] = selectors.votes_of(decision)
        context["tally"] = selectors.tally(decision)
    if manages and decision is None and not strategy.is_locked:
        context["decision_form"] = forms.get("decision") or DecisionForm(prefix="decision")
    if manages and decision is not None and decision.result == "pending":
        context["vote_form"] = forms.get("vote") or VoteForm(prefix="vote")
        context["close_form"] = forms.get("close") or CloseVoteForm(prefix="close")
    return render(request, "strategy/council.html", context)


@login_required
@require_POST
def council_action(request, uuid, which):
    strategy = _strategy(request, uuid, "strategy.manage_strategy")
    decision = selectors.decision_of(strategy)
    if which == "decision":
        form = DecisionForm(request.POST, prefix="decision")
        if form.is_valid() and _do(
            request,
            form,
            services.decision_submit,
            _("The draft decision has been submitted to the council."),
            actor=request.user,
            strategy=strategy,
            **form.cleaned_data,
        ):
            return redirect("strategy:council", uuid=strategy.uuid)
    elif decision is None:
        raise Http404
    elif which == "vote":
        form = VoteForm(request.POST, prefix="vote")
        if form.is_valid() and _do(
            request,
            form,
            services.vote_record,
            _("The vote has been recorded."),
            actor=request.user,
            decision=decision,
            **form.cleaned_data,
        ):
            return redirect("strategy:council", uuid=strategy.uuid)
    else:
        form = CloseVoteForm(request.POST, prefix="close")
        if form.is_valid() and _do(
            request,
            form,
            services.vote_close,
            _("The outcome of the vote has been recorded."),
            actor=request.user,
            decision=decision,
            voted_on=form.cleaned_data["voted_on"],
        ):
            return redirect("strategy:council", uuid=strategy.uuid)
    return council(request, uuid, forms={which: form})


# --- Charters -------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def charters(request):
    organisations = organisation_selectors.own_organisations(request.user, roles={"admin"})
    form = None
    if organisations.exists():
        form = CharterForm(request.POST or None, organisations=organisations, prefix="charter")
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                charter_row = services.charter_create(
                    actor=request.user, organisation=data["organisation"], title=data["title"], text=data["text"]
                )
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(request, _("The charter has been created."))
                return redirect("strategy:charter", uuid=charter_row.uuid)
    elif request.method == "POST":
        raise Http404
    return render(request, "strategy/charters.html", {"charters": selectors.charters_visible()[:200], "form": form})


def charter(request, uuid, form=None):
    charter_row = _get(selectors.charter_get, uuid=uuid)
    signs = request.user.has_perm("strategy.manage_charter", charter_row.organisation)
    context = {
        "charter": charter_row,
        "signatures": selectors.signatures_of(charter_row),
        "form": form or (SignatureForm(prefix="signature") if signs else None),
    }
    return render(request, "strategy/charter.html", context)


@login_required
@require_POST
def charter_sign(request, uuid):
    charter_row = _get(selectors.charter_get, uuid=uuid)
    form = SignatureForm(request.POST, prefix="signature")
    if form.is_valid() and _do(
        request,
        form,
        services.charter_sign,
        _("The signature has been recorded."),
        actor=request.user,
        charter=charter_row,
        **form.cleaned_data,
    ):
        return redirect("strategy:charter", uuid=charter_row.uuid)
    return charter(request, uuid, form=form)


# --- Exports --------------------------------------------------------------------------------------


def _pdf(request, strategy, make, filename):
    try:
        content = make()
    except DocumentError as error:
        messages.error(request, str(error))
        return redirect("strategy:detail", uuid=strategy.uuid)
    response = HttpResponse(content, content_type=PDF_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def strategy_pdf(request, uuid):
    strategy = _strategy(request, uuid)
    version_row = strategy.adopted_version or selectors.latest_version(strategy)
    if version_row is None:
        raise Http404
    return _pdf(request, strategy, lambda: exports.strategy_pdf(strategy, version_row), "strategy.pdf")


def plan_pdf(request, uuid):
    strategy = _strategy(request, uuid)
    return _pdf(request, strategy, lambda: exports.plan_pdf(strategy), "action-plan.pdf")


def actions_csv(request, uuid):
    strategy = _strategy(request, uuid)
    response = HttpResponse(exports.actions_csv(strategy), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="actions.csv"'
    return response
