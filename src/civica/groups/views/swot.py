"""Pages of a SWOT analysis and its entries."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from civica.core.forms import add_errors

from .. import selectors, services
from ..forms import (
    SwotEntryForm,
)
from ..models import SwotAnalysis, SwotEntry
from ._shared import _get
from .groups import _swot_form, detail

# --- SWOT analyses ---------------------------------------------------------------------------------


@login_required
@require_POST
def swot_new(request, uuid):
    group = _get(selectors.group_get, user=request.user, uuid=uuid)
    if not request.user.has_perm("groups.manage_group", group):
        raise Http404
    form = _swot_form(group, request.POST)
    if form.is_valid():
        try:
            analysis = services.swot_create(
                actor=request.user, group=group, title=form.cleaned_data["title"], meeting=form.cleaned_data["meeting"]
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The SWOT analysis has been created: add its entries."))
            return redirect("groups:swot", uuid=analysis.uuid)
    return detail(request, uuid, swot_form=form)


def _entry_form(analysis, data=None):
    return SwotEntryForm(data, points=selectors.swot_points_of(analysis.group), prefix="entry")


def swot(request, uuid, entry_form=None):
    analysis = _get(selectors.swot_get, user=request.user, uuid=uuid)
    entries = {kind: [] for kind, _label in SwotEntry.Kind.choices}
    for entry in selectors.swot_entries_of(analysis):
        entries[entry.kind].append(entry)
    quadrants = [(kind, label, entries[kind]) for kind, label in SwotEntry.Kind.choices]
    runs = request.user.has_perm("groups.manage_group", analysis.group)
    context = {
        "analysis": analysis,
        "group": analysis.group,
        "quadrants": quadrants,
        "runs": runs,
        "entry_form": entry_form or (_entry_form(analysis) if runs else None),
    }
    return render(request, "groups/swot.html", context)


def _swot_to_run(request, uuid) -> SwotAnalysis:
    analysis = _get(selectors.swot_get, user=request.user, uuid=uuid)
    if not request.user.has_perm("groups.manage_group", analysis.group):
        raise Http404
    return analysis


@login_required
@require_POST
def swot_entry_add(request, uuid):
    analysis = _swot_to_run(request, uuid)
    form = _entry_form(analysis, request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.swot_entry_add(
                actor=request.user, analysis=analysis, kind=data["kind"], text=data["text"], points=data["points"]
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The entry has been added."))
            return redirect("groups:swot", uuid=analysis.uuid)
    return swot(request, uuid, entry_form=form)


@login_required
@require_POST
def swot_entry_delete(request, uuid, entry_id):
    analysis = _swot_to_run(request, uuid)
    entry = _get(selectors.swot_entry_of, analysis=analysis, entry_id=entry_id)
    services.swot_entry_delete(actor=request.user, entry=entry)
    messages.success(request, _("The entry has been removed."))
    return redirect("groups:swot", uuid=analysis.uuid)
