"""Every write to groups, meetings, minutes, follow-ups and SWOT analyses: atomic, audited, keyword-only actor."""

import secrets
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from civica.core import audit, search
from civica.core import calendar as core_calendar
from civica.core.permissions import SYSTEM, as_user, is_system, require
from civica.core.tokens import fingerprint
from civica.organisations import selectors as organisation_selectors

from . import selectors
from .calendar import invitation_ics
from .models import (
    AgendaItem,
    CalendarFeedToken,
    FollowUp,
    Group,
    GroupMember,
    Meeting,
    MeetingDocument,
    Minutes,
    Participation,
    Point,
    ReviewComment,
    SwotAnalysis,
    SwotEntry,
    Theme,
)


def _record(actor, instance, action, organisation, **values) -> None:
    audit.record_change(actor=actor, instance=instance, action=action, organisation_uuid=organisation.uuid, **values)


# --- Groups and members -------------------------------------------------------------------------


@transaction.atomic
def group_create(
    *, actor, organisation, name: str, kind: str, visibility: str, description: str = "", language: str = "en"
) -> Group:
    require(actor, "groups.create_group", organisation)
    if not name.strip():
        raise ValidationError({"name": _("Give the group a name.")})
    if kind not in Group.Kind.values or visibility not in Group.Visibility.values:
        raise ValidationError({"kind": _("Choose a kind of group and who can see it.")})
    group = Group.objects.create(
        organisation=organisation,
        name=name.strip(),
        kind=kind,
        visibility=visibility,
        description=description.strip(),
        language=language,
    )
    _record(actor, group, "create", organisation, after=audit.snapshot(group))
    if not is_system(actor) and organisation_selectors.role_in(actor, organisation) != "admin":
        # Staff who create a group coordinate it; otherwise they could not see a private group they made.
        member_add(
            actor=SYSTEM, group=group, user=actor, position=GroupMember.Position.COORDINATOR, organisation=organisation
        )
    return group


@transaction.atomic
def member_add(
    *,
    actor,
    group: Group,
    user,
    position: str,
    organisation=None,
    starts_on: date | None = None,
    ends_on: date | None = None,
) -> GroupMember:
    require(actor, "groups.manage_group", group)
    if position not in GroupMember.Position.values:
        raise ValidationError({"position": _("Choose a position.")})
    if starts_on and ends_on and ends_on < starts_on:
        raise ValidationError({"ends_on": _("The end date cannot be before the start date.")})
    member, created = GroupMember.objects.update_or_create(
        group=group,
        user=user,
        defaults={"position": position, "organisation": organisation, "starts_on": starts_on, "ends_on": ends_on},
    )
    selectors.forget_positions(user)
    _record(actor, member, "create" if created else "update", group.organisation, after=audit.snapshot(member))
    return member


# --- Meetings ------------------------------------------------------------------------------------


@transaction.atomic
def meeting_schedule(
    *,
    actor,
    group: Group,
    title: str,
    starts_at: datetime,
    ends_at: datetime,
    kind: str = Meeting.Kind.PLENARY,
    place: str = "",
    video: bool = False,
    institutions=(),
    invite: bool = True,
) -> Meeting:
    """A meeting, its invitations (e-mail with an .ics file) and the open follow-ups carried onto its agenda."""
    require(actor, "groups.manage_group", group)
    errors = {}
    if not title.strip():
        errors["title"] = _("Give the meeting a title.")
    if ends_at <= starts_at:
        errors["ends_at"] = _("The meeting must end after it starts.")
    if not place.strip() and not video:
        errors["place"] = _("Say where the meeting is, or hold it by video.")
    if kind not in Meeting.Kind.values:
        errors["kind"] = _("Choose a kind of meeting.")
    if errors:
        raise ValidationError(errors)
    meeting = Meeting.objects.create(
        group=group,
        title=title.strip(),
        kind=kind,
        starts_at=starts_at,
        ends_at=ends_at,
        place=place.strip(),
        video_url=core_calendar.video_room_url() if video else "",
    )
    meeting.institutions.set(institutions)
    _carry_over(meeting)
    members = list(
        selectors.members_of(group).filter(ends_on__isnull=True)
        | selectors.members_of(group).filter(ends_on__gte=starts_at.date())
    )
    now = timezone.now() if invite else None
    Participation.objects.bulk_create(
        [Participation(meeting=meeting, user=m.user, organisation=m.organisation, invited_at=now) for m in members]
    )
    _record(actor, meeting, "create", group.organisation, after=audit.snapshot(meeting))
    if invite:
        _send_invitations(meeting, [m.user for m in members])
    return meeting


def _carry_over(meeting: Meeting) -> int:
    """Open follow-ups of the group become items of a "Follow-ups" section of the new agenda."""
    open_items = list(selectors.open_follow_ups_for_carry_over(meeting.group).exclude(raised_in=meeting))
    if not open_items:
        return 0
    with translation.override(meeting.group.language):
        heading = AgendaItem.objects.create(meeting=meeting, title=_("Open follow-ups"), position=0)
    AgendaItem.objects.bulk_create(
        [
            AgendaItem(meeting=meeting, parent=heading, title=item.description[:300], position=index, follow_up=item)
            for index, item in enumerate(open_items)
        ]
    )
    return len(open_items)


def _send_invitations(meeting: Meeting, people) -> None:
    people = [person for person in people if person.is_active and person.email]
    if not people:
        return
    attachment = invitation_ics(meeting, [person.email for person in people])

    def send():
        for person in people:
            with translation.override(person.preferred_language or meeting.group.language):
                subject = _("Invitation: %(group)s, %(title)s") % {"group": meeting.group.name, "title": meeting.title}
                body = render_to_string("groups/email/invitation.txt", {"meeting": meeting, "person": person})
            message = EmailMessage(subject, body, None, [person.email])
            message.attach("meeting.ics", attachment, "text/calendar; method=REQUEST; charset=UTF-8")
            message.send()

    transaction.on_commit(send)


@transaction.atomic
def agenda_item_add(
    *, actor, meeting: Meeting, title: str, duration_minutes: int = 0, parent: AgendaItem | None = None
) -> AgendaItem:
    require(actor, "groups.manage_group", meeting.group)
    if not title.strip():
        raise ValidationError({"title": _("Write the agenda item.")})
    if parent is not None and (parent.meeting_id != meeting.pk or parent.parent_id is not None):
        raise ValidationError({"parent": _("Choose a top-level item of this agenda.")})
    position = (meeting.agenda.filter(parent=parent).aggregate(last=Max("position"))["last"] or 0) + 1
    item = AgendaItem.objects.create(
        meeting=meeting, parent=parent, title=title.strip(), duration_minutes=duration_minutes, position=position
    )
    _record(actor, meeting, "update", meeting.group.organisation, summary=f"agenda: {item.title}"[:300])
    return item


@transaction.atomic
def meeting_register(*, actor, meeting: Meeting) -> Participation:
    require(actor, "groups.register", meeting.group)
    member = meeting.group.members.filter(user=actor).first()
    participation, _created = Participation.objects.get_or_create(
        meeting=meeting, user=actor, defaults={"organisation": member.organisation if member else None}
    )
    participation.registered_at = participation.registered_at or timezone.now()
    participation.save(update_fields=["registered_at"])
    _record(actor, meeting, "update", meeting.group.organisation, summary="registered")
    return participation


@transaction.atomic
def attendance_record(*, actor, meeting: Meeting, present_user_ids) -> int:
    """Who came; everyone else invited or registered is recorded as absent."""
    require(actor, "groups.manage_group", meeting.group)
    present = {int(pk) for pk in present_user_ids}
    participations = list(meeting.participations.all())
    for participation in participations:
        participation.attended = participation.user_id in present
    Participation.objects.bulk_update(participations, ["attended"])
    _record(actor, meeting, "update", meeting.group.organisation, summary=f"attendance: {len(present)} present")
    return sum(1 for p in participations if p.attended)


MAX_DOCUMENT = 10 * 1024 * 1024
DOCUMENT_TYPES = {"pdf", "docx", "doc", "odt", "xlsx", "ods", "pptx", "txt"}


@transaction.atomic
def document_add(*, actor, meeting: Meeting, title: str, file) -> MeetingDocument:
    """A document of the meeting (presentation, report, data), read through the meeting's visibility."""
    require(actor, "groups.manage_group", meeting.group)
    errors = {}
    if not title.strip():
        errors["title"] = _("Give the document a title.")
    if file is None:
        errors["file"] = _("Choose a file.")
    elif file.size > MAX_DOCUMENT:
        errors["file"] = _("The document is larger than 10 MB.")
    elif file.name.rsplit(".", 1)[-1].lower() not in DOCUMENT_TYPES:
        errors["file"] = _("Attach a PDF, Word, OpenDocument, Excel, PowerPoint or text file.")
    if errors:
        raise ValidationError(errors)
    document = MeetingDocument.objects.create(
        meeting=meeting, title=title.strip(), file=file, uploaded_by=as_user(actor)
    )
    _record(
        actor,
        document,
        "create",
        meeting.group.organisation,
        after={"title": document.title, "file": document.file.name},
    )
    return document


# --- Minutes -------------------------------------------------------------------------------------


@transaction.atomic
def minutes_start(*, actor, meeting: Meeting, introduction: str = "") -> Minutes:
    require(actor, "groups.manage_group", meeting.group)
    existing = Minutes.objects.filter(meeting=meeting).first()
    if existing:
        return existing
    expert = meeting.group.members.filter(position=GroupMember.Position.EXPERT).select_related("user").first()
    minutes = Minutes.objects.create(
        meeting=meeting,
        introduction=introduction.strip(),
        prepared_by=as_user(actor),
        coordinator=selectors.coordinator_of(meeting.group),
        expert=expert.user if expert else None,
    )
    _record(actor, minutes, "create", meeting.group.organisation, after=audit.snapshot(minutes))
    return minutes


def _editable(actor, minutes: Minutes) -> None:
    if minutes.is_locked:
        raise ValidationError(_("Approved minutes cannot be changed."))
    require(actor, "groups.edit_minutes", minutes)


@transaction.atomic
def minutes_update(*, actor, minutes: Minutes, introduction: str, prepared_by=None, coordinator=None, expert=None):
    _editable(actor, minutes)
    before = audit.snapshot(minutes)
    minutes.introduction = introduction.strip()
    minutes.prepared_by = prepared_by or minutes.prepared_by
    minutes.coordinator = coordinator or minutes.coordinator
    minutes.expert = expert or minutes.expert
    minutes.save()
    _record(actor, minutes, "update", minutes.meeting.group.organisation, before=before, after=audit.snapshot(minutes))
    return minutes


@transaction.atomic
def theme_add(*, actor, minutes: Minutes, title: str, sdg_targets=()) -> Theme:
    _editable(actor, minutes)
    if not title.strip():
        raise ValidationError({"title": _("Name the theme.")})
    position = (minutes.themes.aggregate(last=Max("position"))["last"] or 0) + 1
    theme = Theme.objects.create(minutes=minutes, title=title.strip(), position=position)
    theme.sdg_targets.set(sdg_targets)
    _record(actor, minutes, "update", minutes.meeting.group.organisation, summary=f"theme: {theme.title}"[:300])
    return theme


@transaction.atomic
def point_add(
    *,
    actor,
    theme: Theme,
    kind: str,
    text: str,
    owner=None,
    institution=None,
    due_on: date | None = None,
    sdg_targets=(),
    sdg_indicators=(),
) -> Point:
    _editable(actor, theme.minutes)
    errors = _point_errors(kind, text, owner, institution)
    if errors:
        raise ValidationError(errors)
    position = (theme.points.aggregate(last=Max("position"))["last"] or 0) + 1
    point = Point.objects.create(
        theme=theme,
        kind=kind,
        text=text.strip(),
        owner=owner,
        institution=institution,
        due_on=due_on,
        position=position,
    )
    point.sdg_targets.set(sdg_targets)
    point.sdg_indicators.set(sdg_indicators)
    minutes = theme.minutes
    _record(actor, minutes, "update", minutes.meeting.group.organisation, summary=f"{kind}: {point.text}"[:300])
    return point


def _draft(actor, minutes: Minutes) -> None:
    """Themes and points are changed or removed only while the minutes are still a draft."""
    require(actor, "groups.edit_minutes", minutes)
    if minutes.state != Minutes.State.DRAFT:
        raise ValidationError(_("Only draft minutes can be changed this way: return them to draft first."))


@transaction.atomic
def theme_update(*, actor, theme: Theme, title: str, sdg_targets=()) -> Theme:
    minutes = theme.minutes
    _draft(actor, minutes)
    if not title.strip():
        raise ValidationError({"title": _("Name the theme.")})
    before = theme.title
    theme.title = title.strip()
    theme.save(update_fields=["title"])
    theme.sdg_targets.set(sdg_targets)
    _record(
        actor,
        minutes,
        "update",
        minutes.meeting.group.organisation,
        summary=f"theme: {before} -> {theme.title}"[:300],
    )
    return theme


@transaction.atomic
def theme_delete(*, actor, theme: Theme) -> None:
    minutes = theme.minutes
    _draft(actor, minutes)
    _record(actor, minutes, "update", minutes.meeting.group.organisation, summary=f"theme removed: {theme.title}"[:300])
    theme.delete()


def _point_errors(kind: str, text: str, owner, institution) -> dict:
    errors = {}
    if kind not in Point.Kind.values:
        errors["kind"] = _("Choose what kind of point this is.")
    if not text.strip():
        errors["text"] = _("Write the point.")
    if kind in Point.FOLLOWED_UP and owner is None and institution is None:
        errors["institution"] = _("Say which person or institution will provide it.")
    return errors


@transaction.atomic
def point_update(
    *,
    actor,
    point: Point,
    kind: str,
    text: str,
    owner=None,
    institution=None,
    due_on: date | None = None,
    sdg_targets=(),
    sdg_indicators=(),
) -> Point:
    minutes = point.theme.minutes
    _draft(actor, minutes)
    errors = _point_errors(kind, text, owner, institution)
    if errors:
        raise ValidationError(errors)
    before = audit.snapshot(point)
    point.kind, point.text, point.owner, point.institution, point.due_on = (
        kind,
        text.strip(),
        owner,
        institution,
        due_on,
    )
    point.save()
    point.sdg_targets.set(sdg_targets)
    point.sdg_indicators.set(sdg_indicators)
    _record(actor, point, "update", minutes.meeting.group.organisation, before=before, after=audit.snapshot(point))
    return point


@transaction.atomic
def point_delete(*, actor, point: Point) -> None:
    minutes = point.theme.minutes
    _draft(actor, minutes)
    _record(actor, point, "delete", minutes.meeting.group.organisation, before=audit.snapshot(point))
    point.delete()


@transaction.atomic
def review_comment_add(*, actor, minutes: Minutes, text: str) -> ReviewComment:
    """The group's members comment on the minutes while they are in review."""
    require(actor, "groups.review_minutes", minutes)
    if minutes.state != Minutes.State.REVIEW:
        raise ValidationError(_("Comments are possible only while the minutes are in review."))
    if not text.strip():
        raise ValidationError({"text": _("Write your comment.")})
    comment = ReviewComment.objects.create(minutes=minutes, author=as_user(actor), text=text.strip())
    _record(actor, minutes, "update", minutes.meeting.group.organisation, summary=f"comment: {comment.text}"[:300])
    return comment


# Which step follows which, and who may take it: the group's runners take every step; moving a
# draft to review opens it to the attendees' comments, approval locks it and raises the follow-ups.
TRANSITIONS = {
    "submit": (Minutes.State.DRAFT, Minutes.State.REVIEW),
    "return": (Minutes.State.REVIEW, Minutes.State.DRAFT),
    "approve": (Minutes.State.REVIEW, Minutes.State.APPROVED),
    "publish": (Minutes.State.APPROVED, Minutes.State.PUBLISHED),
}


def transitions_for(actor, minutes: Minutes) -> list[str]:
    if not actor.has_perm("groups.move_minutes", minutes):
        return []
    return [name for name, (source, _target) in TRANSITIONS.items() if source == minutes.state]


@transaction.atomic
def minutes_transition(*, actor, minutes: Minutes, transition: str) -> Minutes:
    require(actor, "groups.move_minutes", minutes)
    minutes = Minutes.objects.select_for_update().select_related("meeting__group__organisation").get(pk=minutes.pk)
    if transition not in TRANSITIONS or TRANSITIONS[transition][0] != minutes.state:
        raise ValidationError(_("The minutes cannot take this step now."))
    if transition == "submit" and not minutes.themes.exists():
        raise ValidationError(_("Add at least one theme before sending the minutes for review."))
    before = audit.snapshot(minutes)
    minutes.state = TRANSITIONS[transition][1]
    if transition == "approve":
        minutes.approved_at = timezone.now()
        _raise_follow_ups(minutes)
    if transition == "publish":
        minutes.published_at = timezone.now()
    minutes.save()
    group = minutes.meeting.group
    _record(actor, minutes, "update", group.organisation, before=before, after=audit.snapshot(minutes))
    _index(minutes)
    return minutes


def _raise_follow_ups(minutes: Minutes) -> None:
    meeting = minutes.meeting
    points = Point.objects.filter(theme__minutes=minutes, kind__in=Point.FOLLOWED_UP, follow_up__isnull=True)
    for point in points.prefetch_related("sdg_indicators"):
        follow_up = FollowUp.objects.create(
            group=meeting.group,
            point=point,
            raised_in=meeting,
            description=point.text,
            owner=point.owner,
            institution=point.institution,
            due_on=point.due_on,
        )
        follow_up.sdg_indicators.set(point.sdg_indicators.all())
        _index_follow_up(follow_up)


def _index(minutes: Minutes) -> None:
    group = minutes.meeting.group
    texts = [minutes.introduction]
    for theme in minutes.themes.prefetch_related("points"):
        texts.append(theme.title)
        texts.extend(point.text for point in theme.points.all())
    search.index(
        instance=minutes,
        title=str(minutes.meeting),
        body="\n".join(texts),
        language=group.language,
        organisation_uuid=group.organisation.uuid,
        # Only published minutes of public groups are for everyone; the rest is filtered by the caller.
        is_public=group.visibility == Group.Visibility.PUBLIC and minutes.state == Minutes.State.PUBLISHED,
        tags=["minutes", str(group.uuid)],
    )


def _index_follow_up(follow_up: FollowUp) -> None:
    search.index(
        instance=follow_up,
        title=follow_up.description[:300],
        body=follow_up.description,
        language=follow_up.group.language,
        organisation_uuid=follow_up.group.organisation.uuid,
        is_public=False,
        tags=["follow-up", str(follow_up.group.uuid)],
    )


@transaction.atomic
def follow_up_update(*, actor, follow_up: FollowUp, status: str, resolved_in: Meeting | None = None) -> FollowUp:
    """Close (done or cancelled) or reopen a follow-up; closing records the meeting where it was resolved."""
    require(actor, "groups.update_follow_up", follow_up)
    if status not in FollowUp.Status.values:
        raise ValidationError({"status": _("Choose a status.")})
    if resolved_in is not None and resolved_in.group_id != follow_up.group_id:
        raise ValidationError({"resolved_in": _("Choose a meeting of the same group.")})
    before = audit.snapshot(follow_up)
    follow_up.status = status
    if status == FollowUp.Status.OPEN:
        follow_up.resolved_at, follow_up.resolved_in = None, None
    else:
        follow_up.resolved_at = timezone.now()
        follow_up.resolved_in = resolved_in or _latest_meeting(follow_up)
    follow_up.save()
    _record(actor, follow_up, "update", follow_up.group.organisation, before=before, after=audit.snapshot(follow_up))
    return follow_up


def _latest_meeting(follow_up: FollowUp) -> Meeting | None:
    """The most recent meeting that has started since the follow-up was raised: where it was delivered."""
    return (
        follow_up.group.meetings.filter(starts_at__gte=follow_up.raised_in.starts_at, starts_at__lte=timezone.now())
        .order_by("-starts_at")
        .first()
    )


# --- SWOT ----------------------------------------------------------------------------------------


@transaction.atomic
def swot_create(*, actor, group: Group, title: str, meeting: Meeting | None = None) -> SwotAnalysis:
    require(actor, "groups.manage_group", group)
    errors = {}
    if not title.strip():
        errors["title"] = _("Give the analysis a title.")
    if meeting is not None and meeting.group_id != group.pk:
        errors["meeting"] = _("Choose a meeting of the same group.")
    if errors:
        raise ValidationError(errors)
    analysis = SwotAnalysis.objects.create(
        organisation=group.organisation, group=group, title=title.strip(), meeting=meeting
    )
    _record(actor, analysis, "create", group.organisation, after=audit.snapshot(analysis))
    return analysis


@transaction.atomic
def swot_entry_add(*, actor, analysis: SwotAnalysis, kind: str, text: str, points=()) -> SwotEntry:
    require(actor, "groups.manage_group", analysis.group)
    errors = {}
    if kind not in SwotEntry.Kind.values:
        errors["kind"] = _("Choose strength, weakness, opportunity or threat.")
    if not text.strip():
        errors["text"] = _("Write the entry.")
    foreign = Point.objects.filter(pk__in=[p.pk for p in points]).exclude(
        theme__minutes__meeting__group_id=analysis.group_id, kind__in=[Point.Kind.PROBLEM, Point.Kind.SOLUTION]
    )
    if foreign.exists():
        errors["points"] = _("Link only problems and solutions of this group's minutes.")
    if errors:
        raise ValidationError(errors)
    entry = SwotEntry.objects.create(analysis=analysis, kind=kind, text=text.strip())
    entry.points.set(points)
    _record(actor, analysis, "update", analysis.organisation, summary=f"{kind}: {entry.text}"[:300])
    return entry


@transaction.atomic
def swot_entry_delete(*, actor, entry: SwotEntry) -> None:
    analysis = entry.analysis
    require(actor, "groups.manage_group", analysis.group)
    _record(actor, analysis, "update", analysis.organisation, summary=f"removed {entry.kind}: {entry.text}"[:300])
    entry.delete()


@transaction.atomic
def follow_up_link_sdg(*, actor, follow_up: FollowUp, sdg_indicators=()) -> FollowUp:
    """Which SDG 16 indicators a follow-up serves; set from the follow-up's page."""
    require(actor, "groups.update_follow_up", follow_up)
    before = sorted(follow_up.sdg_indicators.values_list("code", flat=True))
    follow_up.sdg_indicators.set(sdg_indicators)
    after = sorted(indicator.code for indicator in sdg_indicators)
    _record(
        actor,
        follow_up,
        "update",
        follow_up.group.organisation,
        before={"sdg_indicators": before},
        after={"sdg_indicators": after},
    )
    return follow_up


# --- Calendar feeds ------------------------------------------------------------------------------


@transaction.atomic
def calendar_token_issue(*, actor) -> str:
    """A new private feed address for the person (the old one stops working); the raw token is shown once."""
    raw = secrets.token_urlsafe(24)
    CalendarFeedToken.objects.update_or_create(user=actor, defaults={"token_hash": fingerprint(raw)})
    return raw
