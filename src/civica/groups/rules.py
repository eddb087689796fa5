"""Who may do what in a group. Deny unless a predicate allows.

A private group is seen only by its members and its organisation's admins; the organisation's
admins and the group's coordinators run it (members, meetings, minutes). Admins and staff create
groups; staff who create one become its coordinator.
"""

import rules

from civica.organisations import selectors as organisation_selectors

from . import selectors


@rules.predicate
def works_for_organisation(user, organisation):
    return organisation_selectors.role_in(user, organisation) in {"admin", "staff"}


@rules.predicate
def sees_group(user, group):
    return selectors.can_see_group(user, group)


@rules.predicate
def is_group_member(user, group):
    return group.pk in selectors.group_positions(user)


@rules.predicate
def runs_group(user, group):
    return selectors.runs_group(user, group)


@rules.predicate
def runs_minutes_group(user, minutes):
    return selectors.runs_group(user, minutes.meeting.group)


@rules.predicate
def minutes_open(user, minutes):
    return not minutes.is_locked


@rules.predicate
def attended_or_member(user, minutes):
    return minutes.meeting.group_id in selectors.group_positions(user)


@rules.predicate
def owns_follow_up(user, follow_up):
    return follow_up.owner_id == getattr(user, "pk", None)


@rules.predicate
def runs_follow_up_group(user, follow_up):
    return selectors.runs_group(user, follow_up.group)


rules.add_perm("groups.create_group", works_for_organisation)
rules.add_perm("groups.view_group", sees_group)
rules.add_perm("groups.manage_group", runs_group)
rules.add_perm("groups.register", is_group_member)
rules.add_perm("groups.edit_minutes", runs_minutes_group & minutes_open)
rules.add_perm("groups.review_minutes", attended_or_member)
rules.add_perm("groups.move_minutes", runs_minutes_group)
rules.add_perm("groups.update_follow_up", runs_follow_up_group | owns_follow_up)
