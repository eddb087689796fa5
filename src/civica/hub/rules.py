"""Who may do what in a coordination centre's membership. Deny unless a rule allows."""

import rules

from civica.organisations import selectors as organisation_selectors

from . import selectors

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


# --- Needs, offers and the preparedness plan: the centre's staff manage; its members take part. ----------


def _works_for_a_member(user, centre) -> bool:
    return bool(selectors.member_organisation_ids(user, centre, working=True))


def _belongs_to_a_member(user, centre) -> bool:
    return bool(selectors.member_organisation_ids(user, centre, working=False))


@rules.predicate
def works_for_centre(user, centre):
    return centre is not None and organisation_selectors.role_in(user, centre) in WORKS


@rules.predicate
def works_for_a_member_of(user, centre):
    return centre is not None and _works_for_a_member(user, centre)


@rules.predicate
def belongs_to_a_member_of(user, centre):
    return centre is not None and _belongs_to_a_member(user, centre)


@rules.predicate
def works_for_the_offers_centre(user, offer):
    return offer is not None and organisation_selectors.role_in(user, offer.centre) in WORKS


@rules.predicate
def works_for_the_matched_organisation(user, offer):
    return (
        offer is not None
        and offer.matched_organisation_id is not None
        and organisation_selectors.role_in(user, offer.matched_organisation) in WORKS
    )


@rules.predicate
def works_for_the_tasks_centre(user, task):
    return task is not None and organisation_selectors.role_in(user, task.centre) in WORKS


@rules.predicate
def works_for_the_assigned_member(user, task):
    return task is not None and organisation_selectors.role_in(user, task.membership.organisation) in WORKS


@rules.predicate
def is_an_approved_member(user, membership):
    return membership is not None and membership.state == "approved"


rules.add_perm("hub.see_needs", works_for_centre | belongs_to_a_member_of)
rules.add_perm("hub.propose_need", works_for_centre | works_for_a_member_of)
rules.add_perm("hub.manage_needs", works_for_centre)
rules.add_perm("hub.manage_offers", works_for_centre)
rules.add_perm("hub.see_offer", works_for_the_offers_centre | works_for_the_matched_organisation)
rules.add_perm("hub.answer_offer", works_for_the_matched_organisation)
rules.add_perm("hub.see_preparedness", works_for_centre | belongs_to_a_member_of)
rules.add_perm("hub.manage_preparedness", works_for_centre)
rules.add_perm("hub.report_capacity", is_an_approved_member & (works_for_the_centre | works_for_the_member))
rules.add_perm("hub.update_task", works_for_the_tasks_centre | works_for_the_assigned_member)
