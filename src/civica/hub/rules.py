"""Who may do what in a coordination centre's membership. Deny unless a rule allows."""

import rules

from civica.organisations import selectors as organisation_selectors

WORKS = {"admin", "staff"}


@rules.predicate
def works_for_organisation(user, organisation):
    return organisation_selectors.role_in(user, organisation) in WORKS


@rules.predicate
def works_for_the_centre(user, membership):
    return membership is not None and organisation_selectors.role_in(user, membership.centre) in WORKS


@rules.predicate
def works_for_the_member(user, membership):
    return membership is not None and organisation_selectors.role_in(user, membership.organisation) in WORKS


rules.add_perm("hub.request_to_join", works_for_organisation)
rules.add_perm("hub.decide", works_for_the_centre)
rules.add_perm("hub.edit_profile", works_for_the_member)
rules.add_perm("hub.see_request", works_for_the_centre | works_for_the_member)
