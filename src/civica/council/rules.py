"""Who may do what with the council. Deny unless a predicate allows.

The municipality's admins and staff and the council's secretary run the council: convene sittings,
record attendance and votes, publish decisions. Everyone sees the public record. Any signed-in person
may send a recommendation on a draft decision in public debate before its deadline.
"""

import datetime

import rules

from . import selectors


@rules.predicate
def runs_council(user, body):
    return selectors.runs_council(user, body)


@rules.predicate
def runs_council_of(user, record):
    return record is not None and selectors.runs_council(user, record.body)


@rules.predicate
def is_signed_in(user):
    return bool(getattr(user, "is_authenticated", False))


@rules.predicate
def in_public_debate(user, motion):
    return (
        motion is not None
        and motion.status == "debate"
        and (motion.debate_deadline is None or motion.debate_deadline >= datetime.date.today())
    )


rules.add_perm("council.manage_council", runs_council)
rules.add_perm("council.run_sitting", runs_council_of)
rules.add_perm("council.manage_motion", runs_council_of)
rules.add_perm("council.recommend", is_signed_in & in_public_debate)
