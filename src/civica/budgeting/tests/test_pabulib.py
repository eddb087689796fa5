"""The Pabulib `.pb` format: the four real elections in /work/shared/reference/pabulib reproduce their
published outcome (the file's `selected` column with the file's rule) or, without one, exactly what
pabutools selects; malformed files are refused naming the line and section; export reads back."""

from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from civica.budgeting import pabulib
from civica.budgeting.outcomes import equal_shares, greedy

REFERENCE = Path("/work/shared/reference/pabulib")
FILES = sorted(REFERENCE.glob("*.pb")) if REFERENCE.exists() else []
needs_files = pytest.mark.skipif(not FILES, reason="the shared Pabulib files are not here")


def _load(name):
    return pabulib.parse((REFERENCE / name).read_text(encoding="utf-8"))


def _compute(pb):
    rule = pb.meta["rule"]
    election = pb.election()
    if rule == "greedy":
        return greedy(election).selected
    assert rule == "equalshares/add1"
    return equal_shares(election, completion="add1").selected


@needs_files
@pytest.mark.parametrize("name", ["Netherlands_Assen_2024.pb", "Poland_Warszawa_2019_Piaski.pb"])
def test_files_with_a_selected_column_reproduce_the_published_outcome(name):
    """Assen 2024 (equal shares, add1) and Warszawa 2019 Piaski (greedy): exactly the projects funded."""
    pb = _load(name)
    published = {pid for pid, row in pb.projects.items() if row["selected"] == "1"}
    assert set(_compute(pb)) == published


@needs_files
@pytest.mark.parametrize("name", ["France_Toulouse_2022_6_-_Saint-Cyprien.pb", "Poland_Czestochowa_2020_Dzbow.pb"])
def test_files_without_an_outcome_select_what_pabutools_selects(name):
    """Toulouse (approval, at most 3) and Częstochowa (cumulative): greedy as pabutools computes it
    (by approvals for approval ballots, by points for cumulative ones, lexicographic tie-breaking)."""
    from pabutools.election import AdditiveSatisfaction, Cost_Sat, parse_pabulib
    from pabutools.rules import greedy_utilitarian_welfare

    class PointsCostSat(AdditiveSatisfaction):  # density points * cost / cost = points
        def __init__(self, instance, profile, ballot):
            def func(_i, _p, b, proj, _pre):
                return b[proj] * proj.cost if proj in b else 0

            super().__init__(instance, profile, ballot, func)

    pb = _load(name)
    instance, profile = parse_pabulib(str(REFERENCE / name))
    sat = PointsCostSat if pb.vote_type == "cumulative" else Cost_Sat
    reference = {p.name for p in greedy_utilitarian_welfare(instance, profile, sat_class=sat)}
    assert set(_compute(pb)) == reference


@needs_files
def test_export_reads_back_identically():
    """dump() then parse() gives the same meta, projects and votes (quoted fields included)."""
    pb = _load("France_Toulouse_2022_6_-_Saint-Cyprien.pb")
    again = pabulib.parse(pabulib.dump(pb))
    assert again.meta == pb.meta and again.projects == pb.projects and again.votes == pb.votes


GOOD = (
    "META\nkey;value\nbudget;100\nvote_type;approval\n"
    'PROJECTS\nproject_id;cost;name\n1;60;"A; b"\n2;50;B\n'
    "VOTES\nvoter_id;vote\nv1;1,2\nv2;2\n"
)


def test_a_well_formed_file_with_quoted_fields_parses():
    """A quoted name may hold the separator."""
    pb = pabulib.parse(GOOD)
    assert pb.projects["1"]["name"] == "A; b" and pb.election().ballots == [{"1": 1, "2": 1}, {"2": 1}]


@pytest.mark.parametrize(
    ("text", "line", "section"),
    [
        (GOOD.replace("1;60;", "1;sixty;"), 7, "PROJECTS"),
        (GOOD.replace("v2;2\n", "v2;9\n"), 12, "VOTES"),
        (GOOD.replace("v2;2\n", "v1;2\n"), 12, "VOTES"),
        (GOOD.replace("2;50;B\n", "2;50\n"), 8, "PROJECTS"),
        (GOOD.replace("budget;100", "budget;lots"), 1, "META"),
        (GOOD.split("VOTES")[0], 9, "VOTES"),
        ("PROJECTS\n" + GOOD, 1, "PROJECTS"),
    ],
)
def test_a_malformed_file_is_refused_naming_line_and_section(text, line, section):
    """Bad cost, unknown project, repeated voter, missing field, bad budget, missing or repeated section."""
    with pytest.raises(ValidationError) as err:
        pabulib.parse(text)
    message = err.value.messages[0]
    assert f"Line {line}," in message and f"section {section}" in message, message
