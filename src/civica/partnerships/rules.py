"""Who may do what with pilot actions and memoranda. Deny unless a predicate allows."""

import rules

from civica.organisations import selectors as organisation_selectors

from . import selectors


@rules.predicate
def is_platform_admin(user):
    return organisation_selectors.is_platform_admin(user)


@rules.predicate
def works_for_organisation(user, organisation):
    return organisation is not None and selectors.works_for(user, organisation)


@rules.predicate
def may_propose_to_centre(user, centre):
    return centre is not None and selectors.centres_for_proposals(user).filter(pk=centre.pk).exists()


@rules.predicate
def works_for_the_centre(user, action):
    return action is not None and selectors.works_for(user, action.centre)


@rules.predicate
def works_for_the_lead(user, action):
    return action is not None and selectors.works_for(user, action.lead)


@rules.predicate
def keeps_memorandum(user, memorandum):
    return memorandum is not None and selectors.works_for(user, memorandum.organisation)


@rules.predicate
def is_party_or_keeper(user, memorandum):
    return memorandum is not None and selectors.may_see_document(user, memorandum)


rules.add_perm("partnerships.propose_action", may_propose_to_centre)
rules.add_perm("partnerships.decide_action", works_for_the_centre | is_platform_admin)
rules.add_perm("partnerships.report_on_action", works_for_the_centre | works_for_the_lead)
rules.add_perm("partnerships.create_memorandum", works_for_organisation)
rules.add_perm("partnerships.manage_memorandum", keeps_memorandum)
rules.add_perm("partnerships.view_memorandum_document", is_party_or_keeper)
