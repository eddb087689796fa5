import rules

from civica.groups import selectors as group_selectors
from civica.organisations import selectors as organisation_selectors


@rules.predicate
def edits_for_organisation(user, organisation):
    return organisation_selectors.role_in(user, organisation) in {"admin", "staff"}


rules.add_perm("knowledge.publish", edits_for_organisation)


@rules.predicate
def runs_meeting_group(user, meeting):
    return group_selectors.runs_group(user, meeting.group)


@rules.predicate
def edits_for_practice_organisation(user, practice):
    return organisation_selectors.role_in(user, practice.organisation) in {"admin", "staff"}


# A practice presented in a meeting is recorded by whoever runs the group (coordinators, admins).
rules.add_perm("knowledge.record_practice_from_meeting", runs_meeting_group)
rules.add_perm("knowledge.edit_practice", edits_for_practice_organisation)
rules.add_perm("knowledge.moderate_feedback", edits_for_practice_organisation)
