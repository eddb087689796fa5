"""Popolo JSON out of a council (persons, organizations, memberships, events, motions, vote events with
their counts and votes), and Popolo persons and memberships in, listing every problem by its path.

Identifiers are the records' UUIDs; times are UTC in the form the Popolo schemas' patterns accept.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import services
from .models import Body, Motion, Person, Seat, Sitting, VoteEvent

OPTIONS = {"not_voting": "not voting"}


def _time(value: datetime.datetime) -> str:
    return value.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def organization(body: Body) -> dict:
    data = {"id": str(body.uuid), "name": body.name, "classification": body.kind}
    if body.parent_id:
        data["parent_id"] = str(body.parent.uuid)
    return data


def person(person: Person) -> dict:
    return {"id": str(person.uuid), "name": person.name}


def membership(seat: Seat) -> dict:
    data = {
        "id": str(seat.uuid),
        "person_id": str(seat.person.uuid),
        "organization_id": str(seat.body.uuid),
        "role": seat.role,
        "start_date": seat.start_date.isoformat(),
    }
    if seat.end_date:
        data["end_date"] = seat.end_date.isoformat()
    if seat.group_id:
        data["on_behalf_of_id"] = str(seat.group.uuid)
    return data


def event(sitting: Sitting) -> dict:
    return {
        "id": str(sitting.uuid),
        "name": sitting.title,
        "classification": "legislative-session",
        "start_date": _time(sitting.starts_at),
        "organization_id": str(sitting.body.uuid),
        "status": "completed" if sitting.status == Sitting.Status.HELD else "confirmed",
    }


def motion(item: Motion) -> dict:
    data = {
        "id": str(item.uuid),
        "organization_id": str(item.body.uuid),
        "text": item.title,
        "classification": "amendment" if item.amends_id else "draft-decision",
        "creator_id": str(item.initiators.all()[0].uuid) if item.initiators.all() else None,
        "date": _time(item.created_at),
        "requirement": None,
        "result": {"adopted": "pass", "rejected": "fail"}.get(item.status),
    }
    return data


def vote_event(event_: VoteEvent, *, with_votes: bool = True) -> dict:
    data = {
        "id": str(event_.uuid),
        "organization_id": str(event_.sitting.body.uuid),
        "legislative_session_id": str(event_.sitting.uuid),
        "motion_id": str(event_.motion.uuid),
        "classification": event_.kind,
        "start_date": _time(event_.held_at),
        "result": "pass" if event_.passed else "fail",
        "counts": [
            {"option": "yes", "value": event_.yes},
            {"option": "no", "value": event_.no},
            {"option": "abstain", "value": event_.abstain},
        ],
    }
    if with_votes:
        data["votes"] = [
            {
                "vote_event_id": str(event_.uuid),
                "voter_id": str(vote.person.uuid),
                "option": OPTIONS.get(vote.option, vote.option),
            }
            for vote in event_.votes.all()
        ]
    return data


def council_export(body: Body) -> dict:
    """The whole public record of a council as one Popolo document (closed sittings left out)."""
    bodies = [body, *Body.objects.filter(parent=body).select_related("parent")]
    seats = Seat.objects.filter(body__in=bodies).select_related("person", "body", "group")
    people = {seat.person for seat in seats}
    sittings = list(body.sittings.filter(is_public=True).select_related("body"))
    motions = body.motions.select_related("body").prefetch_related("initiators")
    events = (
        VoteEvent.objects.filter(sitting__in=sittings)
        .select_related("sitting__body", "motion")
        .prefetch_related("votes__person")
    )
    return {
        "persons": [person(p) for p in sorted(people, key=lambda p: p.name)],
        "organizations": [organization(b) for b in bodies],
        "memberships": [membership(s) for s in seats],
        "events": [event(s) for s in sittings],
        "motions": [motion(m) for m in motions],
        "vote_events": [vote_event(e) for e in events],
    }


def _problems_of(data) -> list[str]:
    problems = []
    if not isinstance(data, dict):
        return [_("$: a JSON object with persons and memberships is expected.")]
    persons, memberships = data.get("persons", []), data.get("memberships", [])
    if not isinstance(persons, list):
        problems.append(_("$.persons: a list is expected."))
        persons = []
    if not isinstance(memberships, list):
        problems.append(_("$.memberships: a list is expected."))
        memberships = []
    ids = set()
    for i, item in enumerate(persons):
        if not isinstance(item, dict) or not str(item.get("name") or "").strip():
            problems.append(_("$.persons[%(i)s].name: a name is required.") % {"i": i})
        elif not item.get("id"):
            problems.append(_("$.persons[%(i)s].id: an identifier is required.") % {"i": i})
        else:
            ids.add(item["id"])
    for i, item in enumerate(memberships):
        if not isinstance(item, dict):
            problems.append(_("$.memberships[%(i)s]: an object is expected.") % {"i": i})
            continue
        if item.get("person_id") not in ids:
            problems.append(_("$.memberships[%(i)s].person_id: no such person in this file.") % {"i": i})
        if item.get("role", "councillor") not in Seat.Role.values:
            problems.append(_("$.memberships[%(i)s].role: unknown role.") % {"i": i})
        for key in ("start_date", "end_date"):
            value = item.get(key)
            if value is None and key == "end_date":
                continue
            try:
                datetime.date.fromisoformat(str(value)[:10])
            except ValueError:
                problems.append(
                    _("$.memberships[%(i)s].%(key)s: a date (YYYY-MM-DD) is expected.") % {"i": i, "key": key}
                )
    return problems


@transaction.atomic
def council_import(*, actor, body: Body, data) -> dict:
    """Load a council's composition from Popolo persons and memberships. Every problem is listed by its
    path and nothing is saved unless the whole file is right."""
    problems = _problems_of(data)
    if problems:
        raise ValidationError(problems)
    made = {}
    for item in data.get("persons", []):
        made[item["id"]] = services.person_create(actor=actor, body=body, name=item["name"])
    for item in data.get("memberships", []):
        end = item.get("end_date")
        services.seat_add(
            actor=actor,
            person=made[item["person_id"]],
            body=body,
            role=item.get("role", "councillor"),
            start_date=datetime.date.fromisoformat(item["start_date"][:10]),
            end_date=datetime.date.fromisoformat(end[:10]) if end else None,
        )
    return {"persons": len(made), "memberships": len(data.get("memberships", [])), "at": timezone.now()}
