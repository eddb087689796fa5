"""The outcome rules, on elections small enough to check by hand: greedy with and without a threshold,
the Method of Equal Shares and its add1 completion, exact arithmetic and pabutools' tie-breaking."""

from fractions import Fraction

from civica.budgeting.outcomes import Election, equal_shares, greedy
from civica.budgeting.outcomes.election import (
    BELOW_THRESHOLD,
    NO_SUPPORT,
    OVER_BUDGET,
    SELECTED,
    UNAFFORDABLE,
)


def test_greedy_takes_projects_by_votes_and_skips_what_no_longer_fits():
    """The most voted project first; one that does not fit is skipped and a cheaper one still taken."""
    e = Election(10, {"a": 6, "b": 5, "c": 4}, [{"a": 1}, {"a": 1, "b": 1}, {"a": 1, "b": 1, "c": 1}])
    out = greedy(e)
    assert out.selected == ["a", "c"]
    assert out.reasons["b"].why == OVER_BUDGET and out.reasons["b"].budget_left == 4
    assert out.reasons["a"].votes == 3 and out.reasons["a"].rank == 1
    assert out.spent == 10


def test_greedy_threshold_excludes_projects_with_too_few_votes():
    """With a minimum of 2 votes, a project voted once is not considered even if it fits."""
    e = Election(100, {"a": 10, "b": 10}, [{"a": 1, "b": 1}, {"a": 1}])
    assert greedy(e).selected == ["a", "b"]
    out = greedy(e, threshold=2)
    assert out.selected == ["a"] and out.reasons["b"].why == BELOW_THRESHOLD


def test_greedy_breaks_ties_by_project_id_as_pabutools_and_ignores_projects_without_votes():
    """Equal votes: the lexicographically smaller id wins; a project nobody voted for is never funded."""
    e = Election(10, {"b": 10, "a": 10, "z": 1}, [{"a": 1}, {"b": 1}])
    out = greedy(e)
    assert out.selected == ["a"] and out.reasons["z"].why == NO_SUPPORT


def test_greedy_on_cumulative_ballots_ranks_by_points():
    """Cumulative ballots: the points decide, not the number of voters."""
    e = Election(10, {"a": 10, "b": 10}, [{"a": 1}, {"a": 1}, {"b": 5}], vote_type="cumulative")
    assert greedy(e).selected == ["b"]


def test_equal_shares_gives_a_minority_its_share_where_greedy_does_not():
    """Budget 100, 3 voters (33.3 each): two voters want x (60) and y (40), one wants z (30).
    Greedy spends everything on the majority; equal shares funds x with the majority's money and z
    with the minority's (x and y tie at the same price; x wins the tie by its id)."""
    e = Election(100, {"x": 60, "y": 40, "z": 30}, [{"x": 1, "y": 1}, {"x": 1, "y": 1}, {"z": 1}])
    assert greedy(e).selected == ["x", "y"]
    out = equal_shares(e, completion=None)
    assert out.selected == ["x", "z"]
    assert out.voter_budget == Fraction(100, 3)
    assert out.reasons["x"].share == 30 and out.reasons["x"].payers == 2
    assert out.reasons["y"].why == UNAFFORDABLE
    assert out.reasons["y"].supporters_money == Fraction(100, 3) * 2 - 60
    assert out.reasons["z"].share == 30


def test_add1_raises_each_voters_money_until_the_outcome_would_no_longer_fit():
    """Without completion MES leaves money unspent; add1 raises the shares one unit at a time."""
    e = Election(12, {"a": 6, "b": 6}, [{"a": 1}, {"a": 1}, {"b": 1}, {"b": 1}, {"a": 1, "b": 1}, {"c": 1}])
    # 6 voters x 2: a's supporters (3 of them) hold 6, b's hold 6 but share one voter with a.
    plain = equal_shares(e, completion=None)
    full = equal_shares(e)
    assert plain.selected == ["a"]
    assert sorted(full.selected) == ["a", "b"] and full.voter_budget == 3
    assert all(r.why == SELECTED for r in full.reasons.values() if r.selected)


def test_equal_shares_uses_points_as_utilities_on_cumulative_ballots():
    """Both voters (5 each) pay for b, in proportion to their points (1 and 4): 2 and 8 would be
    over the second voter's 5, so that voter pays 5 and the first pays the other 5; a is then
    unaffordable."""
    e = Election(10, {"a": 10, "b": 10}, [{"a": 3, "b": 1}, {"b": 4}], vote_type="cumulative")
    out = equal_shares(e, completion=None)
    assert out.selected == ["b"] and out.reasons["b"].payers == 2
    assert out.reasons["a"].why == UNAFFORDABLE and out.reasons["a"].supporters_money == 0


def test_an_election_without_ballots_selects_nothing():
    """No ballots, no winners, and every project says why."""
    out = equal_shares(Election(10, {"a": 5}, []))
    assert out.selected == [] and out.reasons["a"].why == NO_SUPPORT
