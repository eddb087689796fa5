"""Pages of a strategy and its stages: thin, every read through a selector, every write through a service."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from civica.core.forms import add_errors
from civica.groups import selectors as group_selectors
from civica.organisations import selectors as organisation_selectors

from .. import selectors, services
from ..forms import (
    DocumentForm,
    ProposalForm,
    StageAddForm,
    StageForm,
    StrategyForm,
    SwotLinkForm,
)
from ._shared import _do, _get, _strategy

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
    services.strategy_swot_unlink(actor=request.user, strategy=strategy, analysis=analysis)
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
