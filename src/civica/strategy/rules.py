"""Who may do what with a strategy. Deny unless a predicate allows.

Drafts are private to the working group (and the organisation's admins) until published. The
organisation's admins and the working group's coordinators run the process: stages, versions,
answers to comments, the plan, the council's vote, the charter. Anyone who sees the strategy may
comment while the stakeholders' consultation is active; nobody may change the draft once adopted.
"""

import rules

from civica.organisations import selectors as organisation_selectors

from . import selectors


@rules.predicate
def works_for_organisation(user, organisation):
    return organisation_selectors.role_in(user, organisation) in {"admin", "staff"}


@rules.predicate
def sees_strategy(user, strategy):
    return selectors.can_see(user, strategy)


@rules.predicate
def works_on_strategy(user, strategy):
    return selectors.works_on(user, strategy)


@rules.predicate
def runs_strategy(user, strategy):
    return selectors.runs(user, strategy)


@rules.predicate
def not_adopted(user, strategy):
    return not strategy.is_locked


@rules.predicate
def is_signed_in(user, strategy):
    return bool(getattr(user, "is_authenticated", False))


@rules.predicate
def admin_of_organisation(user, organisation):
    return organisation_selectors.role_in(user, organisation) == "admin"


rules.add_perm("strategy.create_strategy", works_for_organisation)
rules.add_perm("strategy.view_strategy", sees_strategy)
rules.add_perm("strategy.work_on_strategy", works_on_strategy)
rules.add_perm("strategy.manage_strategy", runs_strategy)
rules.add_perm("strategy.edit_draft", runs_strategy & not_adopted)
rules.add_perm("strategy.comment", is_signed_in & sees_strategy & not_adopted)
rules.add_perm("strategy.answer_comment", runs_strategy & not_adopted)
rules.add_perm("strategy.enter_answers", works_on_strategy)
rules.add_perm("strategy.propose", is_signed_in & sees_strategy)
rules.add_perm("strategy.manage_funding", works_for_organisation)
rules.add_perm("strategy.manage_charter", admin_of_organisation)
