"""/api/v1/groups/...: groups, meetings, minutes and follow-ups, scoped like the pages (not visible → 404)."""

from uuid import UUID

from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.utils.translation import gettext as _
from ninja import Query, Router, Status
from ninja.errors import HttpError
from ninja.pagination import paginate

from civica.accounts.authentication import anyone, signed_in
from civica.core.pagination import PageNumberPagination
from civica.organisations import selectors as organisation_selectors
from civica.organisations.models import Organisation

from . import selectors, services
from .models import FollowUp, Group, Meeting, Minutes, SwotAnalysis, SwotEntry
from .schemas import (
    FollowUpFilters,
    FollowUpOut,
    FollowUpStatusIn,
    GroupFilters,
    GroupIn,
    GroupOut,
    MeetingIn,
    MeetingOut,
    MinutesOut,
    SwotEntryIn,
    SwotEntryOut,
    SwotIn,
    SwotOut,
    TransitionIn,
)

router = Router(tags=["groups"], auth=anyone)

MISSING = (
    Group.DoesNotExist,
    Meeting.DoesNotExist,
    Minutes.DoesNotExist,
    FollowUp.DoesNotExist,
    SwotAnalysis.DoesNotExist,
)


def _get(function, **lookup):
    try:
        return function(**lookup)
    except MISSING as error:
        raise HttpError(404, "Not found.") from error


@router.get("/groups", response=list[GroupOut], summary="Groups you may see")
@paginate(PageNumberPagination)
def list_groups(request, filters: Query[GroupFilters]):
    return selectors.group_directory(user=request.auth, query=filters.q or "", kind=filters.kind or "")


@router.post("/groups", response={201: GroupOut}, auth=signed_in, summary="Create a group")
def create_group(request, payload: GroupIn):
    try:
        organisation = organisation_selectors.organisation_get(user=request.auth, uuid=payload.organisation)
    except Organisation.DoesNotExist as error:
        raise HttpError(404, "Not found.") from error
    group = services.group_create(
        actor=request.auth,
        organisation=organisation,
        name=payload.name,
        kind=payload.kind,
        visibility=payload.visibility,
        description=payload.description,
        language=payload.language,
    )
    return Status(201, group)


@router.get("/groups/{uuid}", response=GroupOut)
def get_group(request, uuid: UUID):
    return _get(selectors.group_get, user=request.auth, uuid=uuid)


@router.get("/groups/{uuid}/meetings", response=list[MeetingOut])
@paginate(PageNumberPagination)
def list_meetings(request, uuid: UUID):
    group = _get(selectors.group_get, user=request.auth, uuid=uuid)
    return selectors.meetings_of(group).select_related("group")


@router.post("/groups/{uuid}/meetings", response={201: MeetingOut}, auth=signed_in, summary="Schedule a meeting")
def schedule_meeting(request, uuid: UUID, payload: MeetingIn):
    group = _get(selectors.group_get, user=request.auth, uuid=uuid)
    meeting = services.meeting_schedule(
        actor=request.auth,
        group=group,
        title=payload.title,
        kind=payload.kind,
        starts_at=payload.starts_at,
        ends_at=payload.ends_at,
        place=payload.place,
        video=payload.video,
    )
    return Status(201, meeting)


@router.get("/groups/{uuid}/follow-ups", response=list[FollowUpOut])
@paginate(PageNumberPagination)
def list_group_follow_ups(request, uuid: UUID, filters: Query[FollowUpFilters]):
    group = _get(selectors.group_get, user=request.auth, uuid=uuid)
    return selectors.follow_ups_of_group(user=request.auth, group=group, status=filters.status or "")


@router.get("/groups/meetings/{uuid}", response=MeetingOut)
def get_meeting(request, uuid: UUID):
    return _get(selectors.meeting_get, user=request.auth, uuid=uuid)


@router.get("/groups/minutes/{uuid}", response=MinutesOut)
def get_minutes(request, uuid: UUID):
    return _get(selectors.minutes_get, user=request.auth, uuid=uuid)


@router.post("/groups/minutes/{uuid}/transitions", response=MinutesOut, auth=signed_in, summary="Move the minutes on")
def transition_minutes(request, uuid: UUID, payload: TransitionIn):
    minutes = _get(selectors.minutes_get, user=request.auth, uuid=uuid)
    services.minutes_transition(actor=request.auth, minutes=minutes, transition=payload.transition)
    return get_minutes(request, uuid)


@router.get("/groups/follow-ups/{uuid}", response=FollowUpOut)
def get_follow_up(request, uuid: UUID):
    return _get(selectors.follow_up_get, user=request.auth, uuid=uuid)


@router.post("/groups/follow-ups/{uuid}/status", response=FollowUpOut, auth=signed_in)
def update_follow_up(request, uuid: UUID, payload: FollowUpStatusIn):
    follow_up = _get(selectors.follow_up_get, user=request.auth, uuid=uuid)
    return services.follow_up_update(actor=request.auth, follow_up=follow_up, status=payload.status)


# --- SWOT analyses: read within the group's visibility, written by those who run the group -----------


def _swot_with_entries(queryset):
    return queryset.select_related("group", "meeting").prefetch_related(
        Prefetch("entries", queryset=SwotEntry.objects.prefetch_related("points"))
    )


@router.get("/groups/{uuid}/swot", response=list[SwotOut], summary="The group's SWOT analyses")
@paginate(PageNumberPagination)
def list_swots(request, uuid: UUID):
    group = _get(selectors.group_get, user=request.auth, uuid=uuid)
    return _swot_with_entries(selectors.swots_visible_to(request.auth).filter(group=group)).order_by(
        "-created_at", "pk"
    )


@router.post("/groups/{uuid}/swot", response={201: SwotOut}, auth=signed_in, summary="Start a SWOT analysis")
def create_swot(request, uuid: UUID, payload: SwotIn):
    group = _get(selectors.group_get, user=request.auth, uuid=uuid)
    meeting = None
    if payload.meeting is not None:
        meeting = selectors.meetings_of(group).filter(uuid=payload.meeting).first()
        if meeting is None:
            raise ValidationError({"meeting": _("Choose a meeting of the same group.")})
    analysis = services.swot_create(actor=request.auth, group=group, title=payload.title, meeting=meeting)
    return Status(201, _get(selectors.swot_get, user=request.auth, uuid=analysis.uuid))


@router.get("/groups/swot/{uuid}", response=SwotOut)
def get_swot(request, uuid: UUID):
    return _get(lambda **lookup: _swot_with_entries(selectors.swots_visible_to(request.auth)).get(**lookup), uuid=uuid)


@router.post(
    "/groups/swot/{uuid}/entries", response={201: SwotEntryOut}, auth=signed_in, summary="Add an entry to a SWOT"
)
def add_swot_entry(request, uuid: UUID, payload: SwotEntryIn):
    analysis = _get(selectors.swot_get, user=request.auth, uuid=uuid)
    if not request.auth.has_perm("groups.manage_group", analysis.group):
        raise HttpError(404, "Not found.")
    points = list(selectors.swot_points_of(analysis.group).filter(uuid__in=payload.points))
    if len(points) != len(set(payload.points)):
        raise ValidationError({"points": _("Link only problems and solutions of this group's minutes.")})
    entry = services.swot_entry_add(
        actor=request.auth,
        analysis=analysis,
        kind=payload.kind,
        text=payload.text,
        points=points,
    )
    return Status(201, entry)
