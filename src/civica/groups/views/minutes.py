"""Pages of the minutes: themes, points, review and export."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from civica.core.documents import DOCX_CONTENT_TYPE, PDF_CONTENT_TYPE, DocumentError
from civica.core.forms import add_errors
from civica.organisations.models import Organisation
from civica.sdg import selectors as sdg_selectors

from .. import exports, selectors, services
from ..forms import (
    IntroductionForm,
    PointForm,
    ReviewCommentForm,
    ThemeForm,
)
from ..models import Minutes
from ._shared import _get
from .meetings import _meeting_to_run

# --- Minutes ---------------------------------------------------------------------------------------


@login_required
@require_POST
def minutes_start(request, uuid):
    meeting = _meeting_to_run(request, uuid)
    minutes = services.minutes_start(actor=request.user, meeting=meeting)
    return redirect("groups:minutes", uuid=minutes.uuid)


def _point_form(minutes, theme, data=None, *, initial=None, prefix=None, targets=True):
    return PointForm(
        data,
        organisations=Organisation.objects.order_by("name"),
        indicators=sdg_selectors.indicators(),
        targets=sdg_selectors.targets() if targets else None,
        initial=initial,
        prefix=prefix or f"point-{theme.pk}",
    )


def _introduction_form(minutes, data=None):
    return IntroductionForm(
        data,
        people=selectors.people_of_group(minutes.meeting.group),
        prefix="introduction",
        initial={
            "introduction": minutes.introduction,
            "prepared_by": minutes.prepared_by,
            "coordinator": minutes.coordinator,
            "expert": minutes.expert,
        },
    )


def minutes(request, uuid, forms=None):
    minutes = _get(selectors.minutes_get, user=request.user, uuid=uuid)
    themes = list(selectors.themes_of(minutes))
    can_edit = request.user.has_perm("groups.edit_minutes", minutes)
    forms = forms or {}
    context = {
        "minutes": minutes,
        "meeting": minutes.meeting,
        "group": minutes.meeting.group,
        "themes": [
            (theme, forms.get(theme.pk) or (_point_form(minutes, theme) if can_edit else None)) for theme in themes
        ],
        "can_edit": can_edit,
        "is_draft": minutes.state == Minutes.State.DRAFT,
        "introduction_form": forms.get("introduction") or (_introduction_form(minutes) if can_edit else None),
        "theme_form": forms.get("theme")
        or (ThemeForm(targets=sdg_selectors.targets(), prefix="theme") if can_edit else None),
        "transitions": services.transitions_for(request.user, minutes),
        "comments": minutes.comments.select_related("author"),
        "comment_form": forms.get("comment")
        or (
            ReviewCommentForm(prefix="comment")
            if minutes.state == Minutes.State.REVIEW and request.user.has_perm("groups.review_minutes", minutes)
            else None
        ),
        "language": get_language(),
    }
    return render(request, "groups/minutes.html", context)


def _minutes_to_edit(request, uuid) -> Minutes:
    minutes = _get(selectors.minutes_get, user=request.user, uuid=uuid)
    if not request.user.has_perm("groups.edit_minutes", minutes):
        raise Http404
    return minutes


@login_required
@require_POST
def theme_add(request, uuid):
    minutes_row = _minutes_to_edit(request, uuid)
    form = ThemeForm(request.POST, targets=sdg_selectors.targets(), prefix="theme")
    if form.is_valid():
        try:
            services.theme_add(
                actor=request.user,
                minutes=minutes_row,
                title=form.cleaned_data["title"],
                sdg_targets=form.cleaned_data["sdg_targets"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            return redirect("groups:minutes", uuid=minutes_row.uuid)
    return minutes(request, uuid, forms={"theme": form})


@login_required
@require_POST
def point_add(request, uuid, theme_id):
    minutes_row = _minutes_to_edit(request, uuid)
    theme = minutes_row.themes.filter(pk=theme_id).first()
    if theme is None:
        raise Http404
    form = _point_form(minutes_row, theme, request.POST)
    if form.is_valid():
        owner = _owner_from(form, minutes_row)
        if not form.errors:
            try:
                services.point_add(actor=request.user, theme=theme, **_point_values(form, owner))
            except ValidationError as error:
                add_errors(form, error)
            else:
                return redirect("groups:minutes", uuid=minutes_row.uuid)
    return minutes(request, uuid, forms={theme.pk: form})


@login_required
@require_POST
def review_comment(request, uuid):
    minutes_row = _get(selectors.minutes_get, user=request.user, uuid=uuid)
    form = ReviewCommentForm(request.POST, prefix="comment")
    if form.is_valid():
        try:
            services.review_comment_add(actor=request.user, minutes=minutes_row, text=form.cleaned_data["text"])
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Your comment has been added."))
            return redirect("groups:minutes", uuid=minutes_row.uuid)
    return minutes(request, uuid, forms={"comment": form})


@login_required
@require_POST
def minutes_transition(request, uuid):
    minutes_row = _get(selectors.minutes_get, user=request.user, uuid=uuid)
    try:
        services.minutes_transition(
            actor=request.user, minutes=minutes_row, transition=request.POST.get("transition", "")
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The minutes have moved to the next step."))
    return redirect("groups:minutes", uuid=minutes_row.uuid)


def minutes_export(request, uuid, format):
    minutes_row = _get(selectors.minutes_get, user=request.user, uuid=uuid)
    try:
        if format == "pdf":
            content, content_type = exports.minutes_pdf(minutes_row), PDF_CONTENT_TYPE
        else:
            content, content_type = exports.minutes_docx(minutes_row), DOCX_CONTENT_TYPE
    except DocumentError as error:
        messages.error(request, str(error))
        return redirect("groups:minutes", uuid=minutes_row.uuid)
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = (
        f'attachment; filename="minutes-{minutes_row.meeting.starts_at:%Y-%m-%d}.{format}"'
    )
    return response


def _point_values(form, owner) -> dict:
    """What the add and edit forms of a point give its service (they take the same fields)."""
    data = form.cleaned_data
    keys = ("kind", "text", "institution", "due_on", "sdg_targets", "sdg_indicators")
    return {"owner": owner, **{key: data[key] for key in keys}}


def _owner_from(form, minutes_row):
    email = form.cleaned_data.get("owner_email")
    if not email:
        return None
    owner = selectors.group_member_by_email(minutes_row.meeting.group, email)
    if owner is None:
        form.add_error("owner_email", _("This person is not a member of the group."))
    return owner
