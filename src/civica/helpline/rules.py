"""Who may do what at a helpline. Deny unless a rule allows; one permission per action. The object is
the helpline (its conversations are checked through their helpline)."""

import rules

from . import selectors
from .models import Operator

_ALL = {Operator.Role.VOLUNTEER, Operator.Role.COUNSELLOR, Operator.Role.COORDINATOR}
_SENIOR = {Operator.Role.COUNSELLOR, Operator.Role.COORDINATOR}


def _role(user, helpline):
    operator = selectors.operator_of(user, helpline)
    return operator.role if operator else None


@rules.predicate
def is_operator(user, helpline):
    return _role(user, helpline) in _ALL


@rules.predicate
def is_senior(user, helpline):
    return _role(user, helpline) in _SENIOR


@rules.predicate
def is_coordinator(user, helpline):
    return _role(user, helpline) == Operator.Role.COORDINATOR


@rules.predicate
def needs_contacts(user, helpline):
    operator = selectors.operator_of(user, helpline)
    return bool(operator and (operator.sees_contacts or operator.role == Operator.Role.COORDINATOR))


rules.add_perm("helpline.operate", is_operator)
rules.add_perm("helpline.reply", is_operator)
rules.add_perm("helpline.annotate", is_operator)
rules.add_perm("helpline.assign_others", is_senior)
rules.add_perm("helpline.escalate", is_senior)
rules.add_perm("helpline.see_contacts", needs_contacts)
rules.add_perm("helpline.view_reports", is_senior)
rules.add_perm("helpline.manage", is_coordinator)
