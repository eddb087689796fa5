"""Who may do what with a case. Deny unless a rule allows; one predicate per action."""

import rules

from . import selectors
from .workflows import ADMIN, OWNER, REQUESTER, STAFF


@rules.predicate
def handles_case(user, case):
    return bool(selectors.capacities(user, case) & {STAFF, ADMIN, OWNER})


@rules.predicate
def is_assigned_to_case(user, case):
    return case is not None and getattr(user, "is_authenticated", False) and selectors.is_assigned(user, case)


@rules.predicate
def requested_case(user, case):
    return REQUESTER in selectors.capacities(user, case)


@rules.predicate
def administers_case(user, case):
    return bool(selectors.capacities(user, case) & {ADMIN})


rules.add_perm("cases.view_case", handles_case | is_assigned_to_case | requested_case)
rules.add_perm("cases.work_on_case", handles_case | is_assigned_to_case)
rules.add_perm("cases.assign_case", handles_case)
rules.add_perm("cases.add_shared_note", handles_case | is_assigned_to_case | requested_case)
