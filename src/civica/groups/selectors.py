"""Every read of groups, meetings, minutes and follow-ups, scoped to what the person may see.

Public groups are seen by everyone; a private group only by its members and by its organisation's
admins. Minutes that are not yet published are read only by the group's members and those who run it.
"""

from django.contrib.auth import get_user_model
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from civica.core import request_cache, search
from civica.organisations import selectors as organisation_selectors
from civica.organisations.models import Organisation

from .models import (
    AgendaItem,
    CalendarFeedToken,
    FollowUp,
    Group,
    GroupMember,
    Meeting,
    Minutes,
    Participation,
    Point,
    SwotAnalysis,
    SwotEntry,
    Theme,
)


def group_positions(user) -> dict[int, str]:
    """{group id: position} for the person's current group memberships, read once per request."""
    if not getattr(user, "is_authenticated", False):
        return {}

    def positions() -> dict[int, str]:
        today = timezone.localdate()
        return dict(
            GroupMember.objects.filter(user=user)
            .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today))
            .values_list("group_id", "position")
        )

    return request_cache.cached_on(user, "group_positions", positions)


def forget_positions(user) -> None:
    request_cache.forget(user, "group_positions")


def _visible_q(user) -> Q:
    admin_of = organisation_selectors.administered_organisation_ids(user)
    return (
        Q(visibility=Group.Visibility.PUBLIC) | Q(pk__in=list(group_positions(user))) | Q(organisation_id__in=admin_of)
    )


def can_see_group(user, group: Group) -> bool:
    return (
        group.visibility == Group.Visibility.PUBLIC
        or group.pk in group_positions(user)
        or group.organisation_id in organisation_selectors.administered_organisation_ids(user)
    )


def runs_group(user, group: Group) -> bool:
    """The group's coordinators and its organisation's admins (who see even its private groups)."""
    coordinator = group_positions(user).get(group.pk) == GroupMember.Position.COORDINATOR
    return coordinator or organisation_selectors.role_in(user, group.organisation) == "admin"


def groups_visible_to(user) -> QuerySet[Group]:
    return Group.objects.filter(_visible_q(user)).select_related("organisation")


def group_directory(*, user, query: str = "", kind: str = "") -> QuerySet[Group]:
    groups = groups_visible_to(user).annotate(member_count=Count("members", distinct=True))
    if query:
        groups = groups.filter(Q(name__icontains=query) | Q(description__icontains=query))
    if kind:
        groups = groups.filter(kind=kind)
    return groups.order_by("name", "pk")


def group_get(*, user, uuid) -> Group:
    return groups_visible_to(user).prefetch_related("sdg_targets").get(uuid=uuid)


def members_of(group: Group) -> QuerySet[GroupMember]:
    return group.members.select_related("user", "organisation").order_by("position", "user__last_name", "pk")


def coordinator_of(group: Group):
    member = group.members.filter(position=GroupMember.Position.COORDINATOR).select_related("user").first()
    return member.user if member else None


def meetings_of(group: Group) -> QuerySet[Meeting]:
    return group.meetings.select_related("minutes").order_by("-starts_at", "pk")


def meetings_visible_to(user) -> QuerySet[Meeting]:
    return Meeting.objects.filter(group__in=groups_visible_to(user)).select_related("group", "group__organisation")


def meeting_get(*, user, uuid) -> Meeting:
    return meetings_visible_to(user).prefetch_related("institutions").get(uuid=uuid)


def agenda_of(meeting: Meeting) -> list[AgendaItem]:
    """Top-level items, each with `.subitems` (one query for the whole tree, two levels deep)."""
    items = list(meeting.agenda.select_related("follow_up", "follow_up__raised_in").order_by("position", "pk"))
    children: dict[int, list] = {}
    for item in items:
        children.setdefault(item.parent_id, []).append(item)
    for item in items:
        item.subitems = children.get(item.pk, [])
    return children.get(None, [])


def participations_of(meeting: Meeting) -> QuerySet[Participation]:
    return meeting.participations.select_related("user", "organisation").order_by("user__last_name", "pk")


def minutes_visible_to(user) -> QuerySet[Minutes]:
    """Published minutes of the groups the person sees; any state for the group's members and runners."""
    groups = groups_visible_to(user)
    running = Q(meeting__group__organisation_id__in=organisation_selectors.administered_organisation_ids(user))
    member = Q(meeting__group_id__in=list(group_positions(user)))
    return (
        Minutes.objects.filter(meeting__group__in=groups)
        .filter(Q(state=Minutes.State.PUBLISHED) | member | running)
        .select_related(
            "meeting", "meeting__group", "meeting__group__organisation", "prepared_by", "coordinator", "expert"
        )
    )


def minutes_get(*, user, uuid) -> Minutes:
    return minutes_visible_to(user).get(uuid=uuid)


def minutes_of_meeting(*, user, meeting: Meeting) -> Minutes | None:
    return minutes_visible_to(user).filter(meeting=meeting).first()


def themes_of(minutes: Minutes) -> QuerySet[Theme]:
    points = Point.objects.select_related("owner", "institution", "follow_up").prefetch_related(
        "sdg_targets", "sdg_indicators"
    )
    return minutes.themes.prefetch_related(Prefetch("points", queryset=points), "sdg_targets")


def follow_ups_visible_to(user) -> QuerySet[FollowUp]:
    return FollowUp.objects.filter(group__in=groups_visible_to(user)).select_related(
        "group", "owner", "institution", "raised_in", "resolved_in"
    )


def follow_up_get(*, user, uuid) -> FollowUp:
    return follow_ups_visible_to(user).get(uuid=uuid)


def follow_ups_of_group(*, user, group: Group, status: str = "") -> QuerySet[FollowUp]:
    follow_ups = follow_ups_visible_to(user).filter(group=group)
    return follow_ups.filter(status=status) if status else follow_ups


def follow_ups_of_institution(*, user, organisation, status: str = "") -> QuerySet[FollowUp]:
    follow_ups = follow_ups_visible_to(user).filter(institution=organisation)
    return follow_ups.filter(status=status) if status else follow_ups


def institution_get(*, user, slug: str) -> Organisation:
    """An organisation whose profile the person may see, or one that owes a follow-up in a group they see."""
    owing = FollowUp.objects.filter(group__in=groups_visible_to(user), institution__slug=slug)
    visible = organisation_selectors.organisations_visible_to(user).filter(slug=slug)
    if visible.exists() or owing.exists():
        return Organisation.objects.get(slug=slug)
    raise Organisation.DoesNotExist


def open_follow_ups_for_carry_over(group: Group) -> QuerySet[FollowUp]:
    """System read for the meeting service: what is still open in the group, oldest first."""
    return group.follow_ups.filter(status=FollowUp.Status.OPEN).select_related("raised_in").order_by("pk")


def follow_ups_to_remind(*, due_before, overdue_since) -> QuerySet[FollowUp]:
    """System read for the reminder job: open follow-ups with an owner, due soon or overdue."""
    return (
        FollowUp.objects.filter(status=FollowUp.Status.OPEN, owner__isnull=False, due_on__isnull=False)
        .filter(Q(due_on__lte=due_before) | Q(due_on__lt=overdue_since))
        .select_related("owner", "group")
        .prefetch_related("reminders")
    )


def swots_of(group: Group) -> QuerySet[SwotAnalysis]:
    entries = SwotEntry.objects.prefetch_related("points")
    return group.swots.prefetch_related(Prefetch("entries", queryset=entries))


def swot_get(*, user, uuid) -> SwotAnalysis:
    return swots_visible_to(user).select_related("meeting").get(uuid=uuid)


def meetings_for_person(user) -> QuerySet[Meeting]:
    """The meetings of every group the person belongs to, for their private calendar feed."""
    return Meeting.objects.filter(group_id__in=list(group_positions(user))).select_related("group")


def user_for_calendar_token(token_hash: str):
    row = CalendarFeedToken.objects.select_related("user").filter(token_hash=token_hash).first()
    return row.user if row and row.user.is_active else None


def groups_of(organisation) -> QuerySet[Group]:
    """For system work (the demo), never for a person's page."""
    return Group.objects.filter(organisation=organisation)


def search_minutes_and_follow_ups(*, user, query: str, limit: int = 50) -> dict[str, list]:
    """Full-text search over minutes and follow-ups. The index knows organisations, and a private group
    is narrower than its organisation, so the hits pass again through the pages' visibility rules."""
    organisations = set(groups_visible_to(user).values_list("organisation__uuid", flat=True))
    if not organisations or not query.strip():
        return {"minutes": [], "follow_ups": []}
    hits = search.search(
        query,
        visible_organisation_uuids=list(organisations),
        include_public=False,
        record_types=["groups.minutes", "groups.followup"],
        limit=limit * 4,
    )
    order = {hit.record_uuid: index for index, hit in enumerate(hits)}
    minutes = minutes_visible_to(user).filter(uuid__in=list(order))
    follow_ups = follow_ups_visible_to(user).filter(uuid__in=list(order))
    return {
        "minutes": sorted(minutes, key=lambda row: order[row.uuid])[:limit],
        "follow_ups": sorted(follow_ups, key=lambda row: order[row.uuid])[:limit],
    }


def people_of_group(group: Group):
    """The group's members as people, for choosing who prepared and signs the minutes."""
    return get_user_model().objects.filter(group_memberships__group=group).order_by("last_name", "first_name", "pk")


def point_of_minutes(minutes: Minutes, uuid) -> Point:
    return Point.objects.select_related("theme", "theme__minutes", "owner", "institution").get(
        theme__minutes=minutes, uuid=uuid
    )


def theme_of_minutes(minutes: Minutes, theme_id: int) -> Theme:
    return minutes.themes.prefetch_related("sdg_targets").get(pk=theme_id)


def swot_points_of(group: Group) -> QuerySet[Point]:
    """The problems and solutions of the group's minutes, which SWOT entries may come from."""
    return (
        Point.objects.filter(theme__minutes__meeting__group=group, kind__in=[Point.Kind.PROBLEM, Point.Kind.SOLUTION])
        .select_related("theme")
        .order_by("theme__minutes__meeting__starts_at", "theme__position", "position", "pk")
    )


def swot_entries_of(analysis: SwotAnalysis) -> QuerySet[SwotEntry]:
    points = Point.objects.select_related("theme__minutes__meeting")
    return analysis.entries.prefetch_related(Prefetch("points", queryset=points))


def swot_entry_of(analysis: SwotAnalysis, entry_id: int) -> SwotEntry:
    return analysis.entries.select_related("analysis", "analysis__group").get(pk=entry_id)


def swots_visible_to(user) -> QuerySet[SwotAnalysis]:
    return SwotAnalysis.objects.filter(group__in=groups_visible_to(user)).select_related("group", "organisation")


def follow_up_detail(*, user, uuid) -> FollowUp:
    return (
        follow_ups_visible_to(user)
        .select_related("point__theme__minutes")
        .prefetch_related("sdg_indicators__target")
        .get(uuid=uuid)
    )


def group_member_by_email(group: Group, email: str):
    """The group's member with this e-mail (any case), or None: owners of points are members."""
    return get_user_model().objects.filter(email__iexact=email, group_memberships__group=group).first()
