"""Pages of the council: decisions and votes."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import selectors, services
from ..forms import (
    CloseVoteForm,
    DecisionForm,
    VoteForm,
)
from ._shared import _do, _strategy

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
