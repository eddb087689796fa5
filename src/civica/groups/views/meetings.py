"""Pages of a meeting: agenda, registration, attendance, documents and its calendar file."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from civica.core.forms import add_errors
from civica.knowledge import selectors as knowledge_selectors
from civica.organisations.models import Organisation

from .. import selectors, services
from ..calendar import feed_ics
from ..forms import (
    AgendaItemForm,
    DocumentForm,
    MeetingForm,
)
from ..models import Meeting
from ._shared import _calendar, _get

# --- Meetings --------------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def meeting_new(request, uuid):
    group = _get(selectors.group_get, user=request.user, uuid=uuid)
    if not request.user.has_perm("groups.manage_group", group):
        raise Http404
    form = MeetingForm(request.POST or None, organisations=Organisation.objects.order_by("name"))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            meeting = services.meeting_schedule(
                actor=request.user,
                group=group,
                title=data["title"],
                kind=data["kind"],
                starts_at=data["starts_at"],
                ends_at=data["ends_at"],
                place=data["place"],
                video=data["video"],
                institutions=data["institutions"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The meeting has been scheduled and the members invited."))
            return redirect("groups:meeting", uuid=meeting.uuid)
    return render(request, "groups/meeting_new.html", {"group": group, "form": form})


def meeting(request, uuid, agenda_form=None, document_form=None):
    meeting = _get(selectors.meeting_get, user=request.user, uuid=uuid)
    group = meeting.group
    runs = request.user.has_perm("groups.manage_group", group)
    agenda = selectors.agenda_of(meeting)
    participations = (
        list(selectors.participations_of(meeting))
        if group.pk in selectors.group_positions(request.user) or runs
        else []
    )
    context = {
        "meeting": meeting,
        "group": group,
        "agenda": agenda,
        "total_minutes": sum(i.duration_minutes + sum(c.duration_minutes for c in i.subitems) for i in agenda),
        "participations": participations,
        "runs": runs,
        "can_register": request.user.has_perm("groups.register", group),
        "minutes": selectors.minutes_of_meeting(user=request.user, meeting=meeting),
        "documents": meeting.documents.order_by("created_at", "pk"),
        "document_form": document_form or (DocumentForm(prefix="document") if runs else None),
        "agenda_form": agenda_form or (AgendaItemForm(top_items=agenda, prefix="agenda") if runs else None),
        "practices": knowledge_selectors.practices_presented_in(user=request.user, meeting=meeting),
        "practice_choices": knowledge_selectors.practices_to_link(request.user) if runs else None,
    }
    return render(request, "groups/meeting.html", context)


def _meeting_to_run(request, uuid) -> Meeting:
    meeting = _get(selectors.meeting_get, user=request.user, uuid=uuid)
    if not request.user.has_perm("groups.manage_group", meeting.group):
        raise Http404
    return meeting


@login_required
@require_POST
def agenda_add(request, uuid):
    meeting = _meeting_to_run(request, uuid)
    agenda = selectors.agenda_of(meeting)
    form = AgendaItemForm(request.POST, top_items=agenda, prefix="agenda")
    if form.is_valid():
        data = form.cleaned_data
        parent = next((item for item in agenda if item.pk == data["parent"]), None)
        try:
            services.agenda_item_add(
                actor=request.user,
                meeting=meeting,
                title=data["title"],
                duration_minutes=data["duration_minutes"],
                parent=parent,
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            return redirect("groups:meeting", uuid=meeting.uuid)
    return meeting_view_with_form(request, uuid, form)


def meeting_view_with_form(request, uuid, form):
    return meeting(request, uuid, agenda_form=form)


@login_required
@require_POST
def register(request, uuid):
    meeting = _get(selectors.meeting_get, user=request.user, uuid=uuid)
    services.meeting_register(actor=request.user, meeting=meeting)
    messages.success(request, _("You are registered for the meeting."))
    return redirect("groups:meeting", uuid=meeting.uuid)


@login_required
@require_POST
def attendance(request, uuid):
    meeting = _meeting_to_run(request, uuid)
    services.attendance_record(actor=request.user, meeting=meeting, present_user_ids=request.POST.getlist("present"))
    messages.success(request, _("Attendance has been recorded."))
    return redirect("groups:meeting", uuid=meeting.uuid)


@login_required
@require_POST
def document_add(request, uuid):
    meeting_row = _meeting_to_run(request, uuid)
    form = DocumentForm(request.POST, request.FILES, prefix="document")
    if form.is_valid():
        try:
            services.document_add(
                actor=request.user,
                meeting=meeting_row,
                title=form.cleaned_data["title"],
                file=form.cleaned_data["file"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The document has been added."))
            return redirect("groups:meeting", uuid=meeting_row.uuid)
    return meeting(request, uuid, document_form=form)


def document(request, uuid, document_uuid):
    """A meeting's document, through the meeting's visibility rule (never a bare file link)."""
    meeting_row = _get(selectors.meeting_get, user=request.user, uuid=uuid)
    row = meeting_row.documents.filter(uuid=document_uuid).first()
    if row is None:
        raise Http404
    return FileResponse(row.file.open("rb"), as_attachment=True, filename=row.file.name.rsplit("/", 1)[-1])


def meeting_ics(request, uuid):
    meeting = _get(selectors.meeting_get, user=request.user, uuid=uuid)
    return _calendar(feed_ics([meeting], name=meeting.group.name), "meeting.ics")
