"""Pages of the draft: versions, comments and their answers."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from civica.core.forms import add_errors

from .. import selectors, services
from ..forms import (
    CommentAnswerForm,
    CommentForm,
    VersionForm,
)
from ..models import Stage
from ._shared import _do, _get, _strategy

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
