"""Who may do what in the directory. Deny unless a rule allows.

- An organisation's staff (admin or staff role) propose changes to their own services.
- The coordination centre's staff review them and import HSDS files.
- Both may see a confidential (shelter) address of those services; nobody else ever does."""

import rules

from civica.organisations import selectors as organisation_selectors
from civica.organisations.models import Organisation

WORKS = {"admin", "staff"}


@rules.predicate
def works_for_provider(user, organization):
    """`organization` is a directory record; its Civica organisation is the provider."""
    return organization is not None and organisation_selectors.role_in(user, organization.organisation) in WORKS


@rules.predicate
def works_for_reviewing_centre(user, organization):
    return organization is not None and organisation_selectors.role_in(user, organization.centre) in WORKS


@rules.predicate
def works_for_a_centre(user, centre):
    return (
        isinstance(centre, Organisation)
        and centre.kind == Organisation.Kind.CENTRE
        and organisation_selectors.role_in(user, centre) in WORKS
    )


rules.add_perm("directory.propose", works_for_provider)
rules.add_perm("directory.review", works_for_reviewing_centre)
rules.add_perm("directory.see_confidential", works_for_provider | works_for_reviewing_centre)
rules.add_perm("directory.import", works_for_a_centre)
