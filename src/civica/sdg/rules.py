import rules

from civica.organisations import selectors as organisation_selectors


@rules.predicate
def works_for_organisation(user, organisation):
    return organisation_selectors.role_in(user, organisation) in {"admin", "staff"}


rules.add_perm("sdg.manage_indicators", works_for_organisation)
