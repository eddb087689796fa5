"""Who is a verified resident of where. Deny unless a rule allows.

`user.has_perm("citizens.resident_of", territory)` is what a resident-only action (a budget vote, a
council petition) asks."""

import rules

from civica.organisations import selectors as organisations

from . import selectors


@rules.predicate
def is_verified_resident(user, territory):
    return selectors.is_verified_resident(user, territory)


@rules.predicate
def is_verifying_staff(user, organisation):
    return organisation is not None and organisations.role_in(user, organisation) in {"admin", "staff"}


@rules.predicate
def is_platform_admin(user):
    return organisations.is_platform_admin(user)


rules.add_perm("citizens.resident_of", is_verified_resident)
# Staff of a municipality see how many residents verified, never who.
rules.add_perm("citizens.view_verification_counts", is_verifying_staff | is_platform_admin)
rules.add_perm("citizens.manage_verification", is_verifying_staff | is_platform_admin)
