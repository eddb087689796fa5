"""Quorum and the three majorities count as the councils' laws say, at the edges."""

import pytest

from civica.council import majority


@pytest.mark.parametrize(("in_office", "expected"), [(27, 14), (26, 14), (5, 3), (4, 3), (1, 1)])
def test_quorum_is_the_first_whole_number_above_half(in_office, expected):
    assert majority.quorum(in_office) == expected


@pytest.mark.parametrize(
    ("rule", "in_office", "present", "needed"),
    [
        ("simple", 27, 20, 11),
        ("simple", 27, 21, 11),
        ("absolute", 27, 20, 14),
        ("absolute", 26, 26, 14),
        ("two_thirds", 27, 27, 18),
        ("two_thirds", 26, 26, 18),
        ("two_thirds", 25, 20, 17),
    ],
)
def test_votes_needed(rule, in_office, present, needed):
    assert majority.votes_needed(rule, in_office=in_office, present=present) == needed


def test_a_vote_without_quorum_never_passes():
    result = majority.outcome("simple", in_office=27, present=13, yes=13)
    assert not result.quorate and not result.passed


def test_absolute_majority_counts_members_in_office_not_those_present():
    assert not majority.outcome("absolute", in_office=27, present=20, yes=13).passed
    assert majority.outcome("absolute", in_office=27, present=20, yes=14).passed
    assert majority.outcome("simple", in_office=27, present=20, yes=11).passed
