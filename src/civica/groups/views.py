"""Pages of groups, meetings, minutes and follow-ups: thin, every read through a selector, every write
through a service; anything the person may not see is a 404."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from civica.core.documents import DOCX_CONTENT_TYPE, PDF_CONTENT_TYPE, DocumentError
from civica.core.forms import add_errors
from civica.core.tokens import fingerprint
from civica.knowledge import selectors as knowledge_selectors
from civica.organisations import selectors as organisation_selectors
from civica.organisations.models import Organisation
from civica.sdg import selectors as sdg_selectors

from . import exports, selectors, services
from .calendar import feed_ics
from .forms import (
    AgendaItemForm,
    DocumentForm,
    FilterForm,
    FollowUpSdgForm,
    FollowUpStatusForm,
    GroupForm,
    IntroductionForm,
    MeetingForm,
    MemberForm,
    PointForm,
    ReviewCommentForm,
    SwotEntryForm,
    SwotForm,
    ThemeForm,
)
from .models import FollowUp, Group, Meeting, Minutes, Point, SwotAnalysis, SwotEntry, Theme

NOT_VISIBLE = (
    Group.DoesNotExist,
    Meeting.DoesNotExist,
    Minutes.DoesNotExist,
    FollowUp.DoesNotExist,
    ValidationError,
    Organisation.DoesNotExist,
    Point.DoesNotExist,
    Theme.DoesNotExist,
    SwotAnalysis.DoesNotExist,
    SwotEntry.DoesNotExist,
)


def _get(function, **lookup):
    try:
        return function(**lookup)
    except NOT_VISIBLE as error:
        raise Http404 from error


def _calendar(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# --- Groups ----------------------------------------------------------------------------------------


def directory(request):
    form = FilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    groups = selectors.group_directory(user=request.user, query=filters.get("q", ""), kind=filters.get("kind", ""))
    page = Paginator(groups, 25).get_page(request.GET.get("page"))
    can_create = organisation_selectors.own_organisations(request.user, roles={"admin", "staff"}).exists()
    mine = selectors.group_positions(request.user)
    found = selectors.search_minutes_and_follow_ups(user=request.user, query=filters.get("q", ""), limit=20)
    return render(
        request,
        "groups/directory.html",
        {"form": form, "page": page, "can_create": can_create, "mine": mine, "found": found},
    )


@login_required
@require_http_methods(["GET", "POST"])
def create(request):
    organisations = organisation_selectors.own_organisations(request.user, roles={"admin", "staff"})
    if not organisations.exists():
        raise Http404
    form = GroupForm(
        request.POST or None,
        organisations=organisations,
        initial={"language": get_language(), "organisation": organisations.first(), "visibility": "private"},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            group = services.group_create(
                actor=request.user,
                organisation=data["organisation"],
                name=data["name"],
                kind=data["kind"],
                visibility=data["visibility"],
                description=data["description"],
                language=data["language"],
            )
        except PermissionDenied as error:
            raise Http404 from error
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The group has been created."))
            return redirect("groups:detail", uuid=group.uuid)
    return render(request, "groups/create.html", {"form": form})


def _member_form(request, data=None):
    return MemberForm(data, organisations=Organisation.objects.order_by("name"), prefix="member")


def _swot_form(group, data=None):
    return SwotForm(data, meetings=selectors.meetings_of(group), prefix="swot")


def detail(request, uuid, member_form=None, swot_form=None):
    group = _get(selectors.group_get, user=request.user, uuid=uuid)
    runs = request.user.has_perm("groups.manage_group", group)
    context = {
        "swot_form": swot_form or (_swot_form(group) if runs else None),
        "group": group,
        "members": selectors.members_of(group),
        "meetings": selectors.meetings_of(group)[:50],
        "open_follow_ups": selectors.follow_ups_of_group(user=request.user, group=group, status="open")[:50],
        "swots": selectors.swots_of(group),
        "runs": runs,
        "is_member": group.pk in selectors.group_positions(request.user),
        "member_form": member_form or (_member_form(request) if runs else None),
        "swot_kinds": SwotEntry.Kind.choices,
        "practices": knowledge_selectors.practices_of_group(user=request.user, group=group),
    }
    return render(request, "groups/detail.html", context)


@login_required
@require_POST
def member_add(request, uuid):
    group = _get(selectors.group_get, user=request.user, uuid=uuid)
    if not request.user.has_perm("groups.manage_group", group):
        raise Http404
    form = _member_form(request, request.POST)
    if form.is_valid():
        data = form.cleaned_data
        person = get_user_model().objects.filter(email__iexact=data["email"], is_active=True).first()
        if person is None:
            form.add_error("email", _("Nobody with this e-mail address has an account on Civica."))
        else:
            try:
                services.member_add(
                    actor=request.user,
                    group=group,
                    user=person,
                    position=data["position"],
                    organisation=data["organisation"],
                    starts_on=data["starts_on"],
                    ends_on=data["ends_on"],
                )
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(request, _("%(name)s is now a member of the group.") % {"name": person.display_name})
                return redirect("groups:detail", uuid=group.uuid)
    return detail(request, uuid, member_form=form)


def group_calendar(request, uuid):
    group = _get(selectors.group_get, user=request.user, uuid=uuid)
    return _calendar(feed_ics(selectors.meetings_of(group)[:200], name=group.name), "group.ics")


def follow_ups(request, uuid):
    group = _get(selectors.group_get, user=request.user, uuid=uuid)
    status = request.GET.get("status", "open")
    status = status if status in FollowUp.Status.values or status == "" else "open"
    items = selectors.follow_ups_of_group(user=request.user, group=group, status=status)
    page = Paginator(items, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "groups/follow_ups.html",
        {
            "group": group,
            "institution": None,
            "page": page,
            "status": status,
            "statuses": FollowUp.Status.choices,
            "updatable": _updatable(request.user, page),
        },
    )


def _updatable(user, follow_ups) -> set[int]:
    return {item.pk for item in follow_ups if user.has_perm("groups.update_follow_up", item)}


def institution_follow_ups(request, slug):
    organisation = _get(selectors.institution_get, user=request.user, slug=slug)
    status = request.GET.get("status", "open")
    status = status if status in FollowUp.Status.values or status == "" else "open"
    items = selectors.follow_ups_of_institution(user=request.user, organisation=organisation, status=status)
    page = Paginator(items, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "groups/follow_ups.html",
        {
            "group": None,
            "institution": organisation,
            "page": page,
            "status": status,
            "statuses": FollowUp.Status.choices,
            "updatable": _updatable(request.user, page),
        },
    )


@login_required
@require_POST
def follow_up_update(request, uuid):
    follow_up = _get(selectors.follow_up_get, user=request.user, uuid=uuid)
    form = FollowUpStatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a status."))
    else:
        try:
            services.follow_up_update(actor=request.user, follow_up=follow_up, status=form.cleaned_data["status"])
        except PermissionDenied as error:
            raise Http404 from error
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The follow-up has been updated."))
    return redirect("groups:follow_ups", uuid=follow_up.group.uuid)


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
    try:
        services.meeting_register(actor=request.user, meeting=meeting)
    except PermissionDenied as error:
        raise Http404 from error
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
        except PermissionDenied as error:
            raise Http404 from error
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
    except PermissionDenied as error:
        raise Http404 from error
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


# --- Personal calendar -----------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def my_calendar(request):
    token = services.calendar_token_issue(actor=request.user) if request.method == "POST" else None
    feed_url = request.build_absolute_uri(reverse("groups:personal_feed", args=[token])) if token else None
    return render(request, "groups/my_calendar.html", {"feed_url": feed_url})


def personal_feed(request, token):
    person = selectors.user_for_calendar_token(fingerprint(token))
    if person is None:
        raise Http404
    return _calendar(feed_ics(selectors.meetings_for_person(person)[:500], name="Civica"), "civica.ics")


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


# --- One follow-up ---------------------------------------------------------------------------------


def _sdg_form(follow_up, data=None):
    return FollowUpSdgForm(
        data,
        indicators=sdg_selectors.indicators(),
        prefix="sdg",
        initial={"sdg_indicators": list(follow_up.sdg_indicators.all())},
    )


def follow_up(request, uuid, sdg_form=None):
    item = _get(selectors.follow_up_detail, user=request.user, uuid=uuid)
    can_update = request.user.has_perm("groups.update_follow_up", item)
    context = {
        "follow_up": item,
        "group": item.group,
        "can_update": can_update,
        "sdg_form": sdg_form or (_sdg_form(item) if can_update else None),
        "statuses": FollowUp.Status.choices,
    }
    return render(request, "groups/follow_up.html", context)


@login_required
@require_POST
def follow_up_sdg(request, uuid):
    item = _get(selectors.follow_up_detail, user=request.user, uuid=uuid)
    if not request.user.has_perm("groups.update_follow_up", item):
        raise Http404
    form = _sdg_form(item, request.POST)
    if form.is_valid():
        services.follow_up_link_sdg(
            actor=request.user, follow_up=item, sdg_indicators=list(form.cleaned_data["sdg_indicators"])
        )
        messages.success(request, _("The SDG 16 indicators of the follow-up have been saved."))
        return redirect("groups:follow_up", uuid=item.uuid)
    return follow_up(request, uuid, sdg_form=form)
