"""CSV of a council's roll calls and attendance. Names and titles are typed by people, so a cell that a
spreadsheet would run as a formula is neutralised."""

import csv
import io

from civica.core.csv_cells import safe_cell

from .models import Attendance, Body, Vote


def votes_csv(body: Body) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["date", "sitting", "motion", "councillor", "option", "result"])
    votes = (
        Vote.objects.filter(vote_event__sitting__body=body, vote_event__sitting__is_public=True)
        .select_related("vote_event__sitting", "vote_event__motion", "person")
        .order_by("vote_event__held_at", "person__name")
    )
    for vote in votes:
        event = vote.vote_event
        writer.writerow(
            [
                event.held_at.date().isoformat(),
                safe_cell(event.sitting.title),
                safe_cell(event.motion.title),
                safe_cell(vote.person.name),
                vote.option,
                "pass" if event.passed else "fail",
            ]
        )
    return out.getvalue()


def attendance_csv(body: Body) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["date", "sitting", "councillor", "attendance"])
    rows = (
        Attendance.objects.filter(sitting__body=body, sitting__is_public=True)
        .select_related("sitting", "person")
        .order_by("sitting__starts_at", "person__name")
    )
    for row in rows:
        writer.writerow(
            [
                row.sitting.starts_at.date().isoformat(),
                safe_cell(row.sitting.title),
                safe_cell(row.person.name),
                row.status,
            ]
        )
    return out.getvalue()
