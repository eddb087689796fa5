"""Who may do what in a time bank. Deny unless a rule allows; one permission per action."""

import rules

from . import selectors
from .models import BankMember


@rules.predicate
def is_bank_staff(user, bank):
    return bank is not None and selectors.is_bank_staff(user, bank)


@rules.predicate
def is_bank_admin(user, bank):
    return bank is not None and selectors.is_bank_admin(user, bank)


@rules.predicate
def is_active_member(user, bank):
    member = selectors.membership_of(user, bank) if bank is not None else None
    return member is not None and member.status == BankMember.Status.ACTIVE


@rules.predicate
def may_ask_to_join(user, bank):
    return bool(
        user.is_authenticated and bank is not None and bank.is_open and selectors.membership_of(user, bank) is None
    )


rules.add_perm("timebank.join", may_ask_to_join)
rules.add_perm("timebank.trade", is_active_member)
rules.add_perm("timebank.manage_members", is_bank_staff)
rules.add_perm("timebank.pay_from_fund", is_bank_staff)
rules.add_perm("timebank.enter_cheque", is_bank_staff)
rules.add_perm("timebank.correct", is_bank_staff)
rules.add_perm("timebank.view_ledger", is_bank_staff)
rules.add_perm("timebank.change_bank", is_bank_admin)
