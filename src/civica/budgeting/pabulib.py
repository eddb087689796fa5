"""Pabulib ``.pb`` files (https://pabulib.org/format): parse, turn into an election, write back.

A file has three sections, each a header line (``META``, ``PROJECTS``, ``VOTES``) followed by a
``;``-separated table whose first row names the columns (fields may be quoted). Every error names
the line and the section, in the user's language. Pure: no database.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from fractions import Fraction

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .outcomes import Election
from .outcomes.election import CUMULATIVE, VOTE_TYPES

SECTIONS = ("META", "PROJECTS", "VOTES")
PB_VOTE_TYPES = {"approval": "approval", "cumulative": "cumulative", "knapsack": "knapsack"}


@dataclass
class PbFile:
    meta: dict[str, str] = field(default_factory=dict)
    project_columns: list[str] = field(default_factory=list)
    projects: dict[str, dict[str, str]] = field(default_factory=dict)
    vote_columns: list[str] = field(default_factory=list)
    votes: dict[str, dict[str, str]] = field(default_factory=dict)

    @property
    def vote_type(self) -> str:
        return self.meta.get("vote_type", "approval")

    def election(self) -> Election:
        """The election this file describes (costs and points as exact numbers)."""
        costs = {pid: number(row["cost"]) for pid, row in self.projects.items()}
        return Election(
            budget=number(self.meta["budget"]),
            costs=costs,
            ballots=[ballot_of(row, self.vote_type) for row in self.votes.values()],
            vote_type=self.vote_type,
        )


def number(text: str) -> int | Fraction:
    value = Fraction(text.strip().replace(",", "."))
    return int(value) if value.denominator == 1 else value


def ballot_of(row: dict[str, str], vote_type: str) -> dict[str, int]:
    ids = [p.strip() for p in (row.get("vote") or "").split(",") if p.strip()]
    if vote_type == CUMULATIVE:
        points = [int(x) for x in (row.get("points") or "").split(",") if x.strip()]
        return dict(zip(ids, points, strict=True))
    return dict.fromkeys(ids, 1)


def _fail(line: int, section: str, message: str):
    raise ValidationError(
        _("Line %(line)s, section %(section)s: %(message)s"),
        code="pabulib",
        params={"line": line, "section": section or "-", "message": message},
    )


def parse(text: str) -> PbFile:
    """Read a ``.pb`` file; raises ValidationError naming the line and section of the first error."""
    pb = PbFile()
    section, header, seen = None, None, []
    rows = csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";", quotechar='"')
    try:
        for row in rows:
            line = rows.line_num
            if not row or all(not c.strip() for c in row):
                continue
            first = row[0].strip()
            if len(row) == 1 and first.upper() in SECTIONS:
                section, header = first.upper(), None
                if section in seen:
                    _fail(line, section, _("the section appears twice."))
                if not seen and section != "META":
                    _fail(line, section, _("the file must start with a META section."))
                seen.append(section)
                continue
            if section is None:
                _fail(line, "", _("the file must start with a META section."))
            if header is None:
                header = [c.strip() for c in row]
                _check_header(line, section, header)
                if section == "PROJECTS":
                    pb.project_columns = header
                elif section == "VOTES":
                    pb.vote_columns = header
                continue
            if len(row) != len(header):
                _fail(
                    line,
                    section,
                    _("expected %(expected)s fields, found %(found)s.") % {"expected": len(header), "found": len(row)},
                )
            values = dict(zip(header, (c.strip() for c in row), strict=True))
            _store(pb, section, line, values)
    except csv.Error as exc:
        _fail(rows.line_num, section or "", str(exc))
    for name in SECTIONS:
        if name not in seen:
            _fail(rows.line_num + 1, name, _("the section is missing."))
    _check_whole(pb)
    return pb


def _check_header(line, section, header):
    needed = {"META": ("key", "value"), "PROJECTS": ("project_id", "cost"), "VOTES": ("voter_id", "vote")}
    for column in needed[section]:
        if column not in header:
            _fail(line, section, _("the column “%(column)s” is missing.") % {"column": column})


def _store(pb: PbFile, section: str, line: int, values: dict[str, str]):
    if section == "META":
        pb.meta[values["key"]] = values["value"]
        return
    if section == "PROJECTS":
        pid = values["project_id"]
        if not pid or pid in pb.projects:
            _fail(line, section, _("the project id “%(id)s” is empty or repeated.") % {"id": pid})
        try:
            cost = number(values["cost"])
        except (ValueError, ZeroDivisionError):
            _fail(line, section, _("the cost “%(cost)s” is not a number.") % {"cost": values["cost"]})
        if cost <= 0:
            _fail(line, section, _("the cost must be greater than zero."))
        pb.projects[pid] = values
        return
    vid = values["voter_id"]
    if not vid or vid in pb.votes:
        _fail(line, section, _("the voter id “%(id)s” is empty or repeated.") % {"id": vid})
    try:
        ballot = ballot_of(values, pb.vote_type)
    except ValueError:
        _fail(line, section, _("the points do not match the projects voted for."))
    unknown = [p for p in ballot if p not in pb.projects]
    if unknown:
        _fail(line, section, _("the ballot names unknown projects: %(ids)s.") % {"ids": ", ".join(unknown)})
    if any(v <= 0 for v in ballot.values()):
        _fail(line, section, _("points must be positive."))
    pb.votes[vid] = values


def _check_whole(pb: PbFile):
    if pb.vote_type not in VOTE_TYPES:
        _fail(1, "META", _("the vote type “%(type)s” is not supported.") % {"type": pb.vote_type})
    try:
        budget = number(pb.meta.get("budget", ""))
    except (ValueError, ZeroDivisionError):
        _fail(1, "META", _("the budget is missing or not a number."))
    if budget <= 0:
        _fail(1, "META", _("the budget is missing or not a number."))


def dump(pb: PbFile) -> str:
    """Write a ``.pb`` file (the inverse of :func:`parse`)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", quotechar='"', lineterminator="\n")
    writer.writerow(["META"])
    writer.writerow(["key", "value"])
    for key, value in pb.meta.items():
        writer.writerow([key, value])
    writer.writerow(["PROJECTS"])
    writer.writerow(pb.project_columns)
    for row in pb.projects.values():
        writer.writerow([row.get(c, "") for c in pb.project_columns])
    writer.writerow(["VOTES"])
    writer.writerow(pb.vote_columns)
    for row in pb.votes.values():
        writer.writerow([row.get(c, "") for c in pb.vote_columns])
    return out.getvalue()
