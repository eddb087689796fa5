"""Who may do what with organisations. Deny unless a rule allows; one predicate per action."""

import rules

from . import selectors
from .models import Role


@rules.predicate
def is_platform_admin(user):
    return selectors.is_platform_admin(user)


@rules.predicate
def is_member(user, organisation):
    return selectors.role_in(user, organisation) is not None


@rules.predicate
def is_organisation_admin(user, organisation):
    return selectors.role_in(user, organisation) == Role.ADMIN


@rules.predicate
def is_organisation_staff(user, organisation):
    return selectors.role_in(user, organisation) in {Role.ADMIN, Role.STAFF}


@rules.predicate
def has_public_profile(user, organisation):
    return bool(organisation and organisation.is_public)


rules.add_perm("organisations.view_organisation", has_public_profile | is_member | is_platform_admin)
rules.add_perm("organisations.view_contacts", is_member | is_platform_admin)
rules.add_perm("organisations.change_organisation", is_organisation_admin | is_platform_admin)
rules.add_perm("organisations.view_members", is_member | is_platform_admin)
rules.add_perm("organisations.manage_members", is_organisation_admin | is_platform_admin)
rules.add_perm("organisations.view_audit", is_organisation_admin | is_platform_admin)
