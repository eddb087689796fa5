"""Pages that edit the minutes while they are a draft."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from civica.core.forms import add_errors
from civica.sdg import selectors as sdg_selectors

from .. import selectors, services
from ..forms import (
    ThemeForm,
)
from ..models import Minutes
from ._shared import _get
from .minutes import _introduction_form, _minutes_to_edit, _owner_from, _point_form, _point_values, minutes

# --- Editing the minutes while they are a draft ---------------------------------------------------


@login_required
@require_POST
def minutes_introduction(request, uuid):
    minutes_row = _minutes_to_edit(request, uuid)
    form = _introduction_form(minutes_row, request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.minutes_update(
                actor=request.user,
                minutes=minutes_row,
                introduction=data["introduction"],
                prepared_by=data["prepared_by"],
                coordinator=data["coordinator"],
                expert=data["expert"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The introduction and the signatories have been saved."))
            return redirect("groups:minutes", uuid=minutes_row.uuid)
    return minutes(request, uuid, forms={"introduction": form})


def _draft_to_edit(request, uuid) -> Minutes:
    minutes_row = _minutes_to_edit(request, uuid)
    if minutes_row.state != Minutes.State.DRAFT:
        raise Http404
    return minutes_row


@login_required
@require_http_methods(["GET", "POST"])
def theme_edit(request, uuid, theme_id):
    minutes_row = _draft_to_edit(request, uuid)
    theme = _get(selectors.theme_of_minutes, minutes=minutes_row, theme_id=theme_id)
    form = ThemeForm(
        request.POST or None,
        targets=sdg_selectors.targets(),
        prefix="theme",
        initial={"title": theme.title, "sdg_targets": list(theme.sdg_targets.all())},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.theme_update(
                actor=request.user,
                theme=theme,
                title=form.cleaned_data["title"],
                sdg_targets=form.cleaned_data["sdg_targets"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The theme has been changed."))
            return redirect("groups:minutes", uuid=minutes_row.uuid)
    return render(
        request,
        "groups/theme_edit.html",
        {
            "minutes": minutes_row,
            "meeting": minutes_row.meeting,
            "group": minutes_row.meeting.group,
            "theme": theme,
            "form": form,
        },
    )


@login_required
@require_POST
def theme_delete(request, uuid, theme_id):
    minutes_row = _draft_to_edit(request, uuid)
    theme = _get(selectors.theme_of_minutes, minutes=minutes_row, theme_id=theme_id)
    services.theme_delete(actor=request.user, theme=theme)
    messages.success(request, _("The theme and its points have been removed."))
    return redirect("groups:minutes", uuid=minutes_row.uuid)


@login_required
@require_http_methods(["GET", "POST"])
def point_edit(request, uuid, point_uuid):
    minutes_row = _draft_to_edit(request, uuid)
    point = _get(selectors.point_of_minutes, minutes=minutes_row, uuid=point_uuid)
    initial = {
        "kind": point.kind,
        "text": point.text,
        "institution": point.institution,
        "owner_email": point.owner.email if point.owner else "",
        "due_on": point.due_on,
        "sdg_targets": list(point.sdg_targets.all()),
        "sdg_indicators": list(point.sdg_indicators.all()),
    }
    form = _point_form(minutes_row, point.theme, request.POST or None, initial=initial, prefix="point", targets=True)
    if request.method == "POST" and form.is_valid():
        owner = _owner_from(form, minutes_row)
        if not form.errors:
            try:
                services.point_update(actor=request.user, point=point, **_point_values(form, owner))
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(request, _("The point has been changed."))
                return redirect("groups:minutes", uuid=minutes_row.uuid)
    return render(
        request,
        "groups/point_edit.html",
        {
            "minutes": minutes_row,
            "meeting": minutes_row.meeting,
            "group": minutes_row.meeting.group,
            "point": point,
            "form": form,
        },
    )


@login_required
@require_POST
def point_delete(request, uuid, point_uuid):
    minutes_row = _draft_to_edit(request, uuid)
    point = _get(selectors.point_of_minutes, minutes=minutes_row, uuid=point_uuid)
    services.point_delete(actor=request.user, point=point)
    messages.success(request, _("The point has been removed."))
    return redirect("groups:minutes", uuid=minutes_row.uuid)
