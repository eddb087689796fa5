"""Who may do what with protection cases. Deny unless a rule allows; one predicate per action."""

import rules

from civica.organisations import selectors as organisation_selectors
from civica.organisations.models import Role

from . import selectors
from .models import Referral


@rules.predicate
def works_somewhere(user):
    return bool(organisation_selectors.organisation_ids_with_role(user))


@rules.predicate
def reads_case(user, pcase):
    return pcase is not None and bool(selectors.access(user, pcase))


@rules.predicate
def leads_case(user, pcase):
    return pcase is not None and selectors.access(user, pcase).lead


@rules.predicate
def may_break_glass(user, pcase):
    return pcase is not None and not selectors.access(user, pcase) and selectors.may_break_glass(user, pcase)


@rules.predicate
def receives_referral(user, referral):
    return referral is not None and organisation_selectors.role_in(user, referral.to_organisation) in {
        Role.ADMIN,
        Role.STAFF,
    }


@rules.predicate
def referral_waiting(user, referral):
    return referral is not None and referral.state == Referral.State.SENT


@rules.predicate
def referral_running(user, referral):
    return referral is not None and referral.state in {Referral.State.SENT, Referral.State.ACCEPTED}


@rules.predicate
def referral_accepted(user, referral):
    return referral is not None and referral.state == Referral.State.ACCEPTED


@rules.predicate
def leads_referral_case(user, referral):
    return referral is not None and selectors.access(user, referral.case).lead


@rules.predicate
def administers(user, organisation):
    return organisation is not None and organisation.pk in organisation_selectors.administered_organisation_ids(user)


@rules.predicate
def administers_person(user, person):
    return person is not None and person.organisation_id in organisation_selectors.administered_organisation_ids(user)


rules.add_perm("protection.open_case", works_somewhere)
rules.add_perm("protection.view_case", reads_case)
rules.add_perm("protection.lead_case", leads_case)
rules.add_perm("protection.break_glass", may_break_glass)
rules.add_perm("protection.answer_referral", receives_referral & referral_waiting)
rules.add_perm("protection.end_referral", leads_referral_case & referral_running)
rules.add_perm("protection.complete_referral", (receives_referral | leads_referral_case) & referral_accepted)
rules.add_perm("protection.review_access_log", administers)
rules.add_perm("protection.view_statistics", works_somewhere)
rules.add_perm("protection.manage_person", administers_person)
