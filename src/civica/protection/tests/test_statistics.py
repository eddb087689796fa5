"""Statistics for the working group: counts by kind, territory, age band and sex, with no personal
data; small counts hidden, and one more where the total would give a hidden one away."""

import pytest
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from civica.protection import selectors, services

from .conftest import SECRET_NAME

pytestmark = pytest.mark.django_db


def test_one_small_cell_hides_the_next_smallest_too():
    rows, total = selectors.suppress([("a", 12), ("b", 3), ("c", 7), ("d", 0)], threshold=5)
    assert rows == [("a", "12"), ("b", "<5"), ("c", "*"), ("d", "0")]
    assert total == "22"


def test_two_small_cells_need_no_complement():
    rows, total = selectors.suppress([("a", 12), ("b", 3), ("c", 2)], threshold=5)
    assert rows == [("a", "12"), ("b", "<5"), ("c", "<5")]
    assert total == "17"


def test_a_lone_small_cell_hides_the_total():
    rows, total = selectors.suppress([("a", 0), ("b", 3)], threshold=5)
    assert rows == [("a", "0"), ("b", "<5")] and total == "<5"


def test_a_small_total_is_hidden():
    _rows, total = selectors.suppress([("a", 2), ("b", 2)], threshold=5)
    assert total == "<5"


def test_nothing_small_nothing_hidden():
    rows, total = selectors.suppress([("a", 5), ("b", 9)], threshold=5)
    assert rows == [("a", "5"), ("b", "9")] and total == "14"


def test_the_age_band_counts_from_the_year_the_case_opened():
    assert selectors.age_band(2010, 2026) == "0-17"
    assert selectors.age_band(1988, 2026) == "30-44"
    assert selectors.age_band(1950, 2026) == "65+"
    assert selectors.age_band(None, 2026) == "unknown"


def test_the_page_counts_cases_and_suppresses(client, world, pcase):
    manager = world["people"]["manager"]
    for _number in range(6):
        services.protection_case_open(
            actor=manager,
            organisation=world["lead"],
            kind="violence_against_women",
            territory=world["sector"],
            sex="f",
            birth_year=1995,
        )
    tables = {str(table.title): table for table in selectors.statistics()}
    kinds = dict(tables["By kind of violence"].rows)
    # 6 against women, 1 domestic violence (hidden) and, so the total does not reveal it, one more hidden
    assert kinds["Violence against women"] == "*"
    assert kinds["Domestic violence"] == "<5"
    assert tables["By kind of violence"].total == "7"
    assert dict(tables["By sex"].rows)["Female"] == "7"
    client.force_login(world["people"]["police"])  # any agency's staff: aggregates only
    page = client.get(reverse("protection:statistics")).content.decode()
    assert "&lt;5" in page and SECRET_NAME not in page and pcase.person.code not in page
    filtered = {str(t.title): t for t in selectors.statistics(territory_code="RO-179141")}
    assert filtered["By kind of violence"].total == "7"
    assert {str(t.title): t for t in selectors.statistics(territory_code="RO-1")}["By kind of violence"].total == "0"


def test_statistics_need_a_working_role(client, world):
    client.force_login(world["people"]["police_member"])
    assert client.get(reverse("protection:statistics")).status_code == 404


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=40), min_size=1, max_size=8), st.integers(min_value=2, max_value=10))
def test_no_small_count_can_be_worked_out_from_the_total(counts, threshold):
    """Whatever the counts: every small count is hidden, no count is ever shown wrong, and a hidden
    count never stands alone against a shown total (it could be worked out by subtraction)."""
    rows, total = selectors.suppress([(str(i), c) for i, c in enumerate(counts)], threshold=threshold)
    hidden = [shown for _label, shown in rows if shown in {f"<{threshold}", selectors.COMPLEMENT}]
    for count, (_label, shown) in zip(counts, rows, strict=True):
        if 0 < count < threshold:
            assert shown == f"<{threshold}"
        elif shown != selectors.COMPLEMENT:
            assert shown == str(count)
    if total != f"<{threshold}":
        assert total == str(sum(counts))
        assert len(hidden) != 1
