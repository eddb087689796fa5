"""Pages of the action plan, its progress and the funding register."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from civica.organisations import selectors as organisation_selectors
from civica.organisations.models import Organisation
from civica.sdg import selectors as sdg_selectors

from .. import selectors, services
from ..forms import (
    ActionForm,
    FundingCallForm,
    FundingSourceForm,
    MeasureForm,
    ObjectiveForm,
    ObjectiveSwotForm,
    ProgressForm,
)
from ._shared import _do, _get, _strategy

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
