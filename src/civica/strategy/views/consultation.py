"""Pages of a consultation: surveys, paper answers, tokens."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from civica.core.forms import add_errors

from .. import selectors, services
from ..forms import (
    AnswerForm,
    SurveyForm,
    TokenForm,
)
from ._shared import _do, _get, _strategy

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
        except ValidationError as error:
            add_errors(form, error)
    return survey(request, uuid, token_form=form, codes=codes)


@login_required
@require_POST
def survey_open(request, uuid):
    survey_row = _get(selectors.survey_get, user=request.user, uuid=uuid)
    services.survey_set_open(actor=request.user, survey=survey_row, is_open=request.POST.get("open") == "1")
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
        except ValidationError as error:
            add_errors(form, error)
        else:
            return render(request, "strategy/survey_thanks.html", {"survey": survey_row})
    return render(request, "strategy/survey_answer.html", {"survey": survey_row, "form": form})
