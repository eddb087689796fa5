"""Every read of the council, scoped to the reader. The council's composition, sittings, votes and
decisions are public records; closed sittings are seen only by those who run the council and its members."""

from __future__ import annotations

import datetime

from django.db.models import Count, Q, QuerySet

from civica.organisations import selectors as organisation_selectors

from .models import Attendance, Body, Decision, Motion, Person, Seat, Sitting, Vote, VoteEvent

VOTING_ROLES = (Seat.Role.COUNCILLOR, Seat.Role.CHAIR)
PRESENT = (Attendance.Status.PRESENT, Attendance.Status.LATE, Attendance.Status.LEFT_EARLY)


def _council_of(body: Body) -> Body:
    return body.parent if body.parent_id and body.kind != Body.Kind.COUNCIL else body


def runs_council(user, body: Body | None) -> bool:
    """The municipality's admins and staff, and the council's secretary, run the council."""
    if body is None or not getattr(user, "is_authenticated", False):
        return False
    if organisation_selectors.role_in(user, body.organisation) in {"admin", "staff"}:
        return True
    today = datetime.date.today()
    return seats_on(_council_of(body), today).filter(person__user=user, role=Seat.Role.SECRETARY).exists()


def sits_on(user, body: Body | None) -> bool:
    if body is None or not getattr(user, "is_authenticated", False):
        return False
    return seats_on(_council_of(body), datetime.date.today()).filter(person__user=user).exists()


def seats_on(body: Body, date: datetime.date) -> QuerySet[Seat]:
    """The seats held in `body` on `date`: started by then and not ended before it."""
    return Seat.objects.filter(body=body, start_date__lte=date).filter(Q(end_date__isnull=True) | Q(end_date__gte=date))


def voting_seats_on(body: Body, date: datetime.date) -> QuerySet[Seat]:
    roles = (*VOTING_ROLES, Seat.Role.MAYOR) if body.mayor_votes else VOTING_ROLES
    return seats_on(body, date).filter(role__in=roles)


def in_office_person_ids(body: Body, date: datetime.date) -> set[int]:
    return set(voting_seats_on(body, date).values_list("person_id", flat=True))


def councils_visible_to(user) -> QuerySet[Body]:
    return Body.objects.filter(kind=Body.Kind.COUNCIL).select_related("organisation").order_by("name")


def council_get(*, user, uuid) -> Body:
    return Body.objects.select_related("organisation").get(uuid=uuid, kind=Body.Kind.COUNCIL)


def committees_of(body: Body) -> QuerySet[Body]:
    return body.children.filter(kind=Body.Kind.COMMITTEE).order_by("name")


def members_of(body: Body, date: datetime.date | None = None) -> QuerySet[Seat]:
    date = date or datetime.date.today()
    return seats_on(body, date).select_related("person", "group").order_by("role", "person__name")


def sittings_visible_to(user, body: Body) -> QuerySet[Sitting]:
    sittings = body.sittings.all()
    if not (runs_council(user, body) or sits_on(user, body)):
        sittings = sittings.filter(is_public=True)
    return sittings.order_by("-starts_at")


def sitting_get(*, user, uuid) -> Sitting:
    sitting = Sitting.objects.select_related("body__organisation").get(uuid=uuid)
    if not sitting.is_public and not (runs_council(user, sitting.body) or sits_on(user, sitting.body)):
        raise Sitting.DoesNotExist
    return sitting


def items_of(sitting: Sitting):
    return sitting.items.select_related("motion", "person").order_by("position")


def attendance_of(sitting: Sitting):
    return sitting.attendance.select_related("person").order_by("person__name")


def vote_events_of(sitting: Sitting):
    return sitting.vote_events.select_related("motion").prefetch_related("votes__person").order_by("held_at")


def decisions_of(body: Body) -> QuerySet[Decision]:
    return body.decisions.filter(published_at__isnull=False).select_related("motion").order_by("-year", "-number")


def motions_in_debate(body: Body) -> QuerySet[Motion]:
    return body.motions.filter(status=Motion.Status.DEBATE).order_by("debate_deadline")


def motion_get(*, user, uuid) -> Motion:
    return Motion.objects.select_related("body__organisation").get(uuid=uuid)


def person_get(*, user, uuid) -> Person:
    return Person.objects.select_related("organisation").get(uuid=uuid)


def record_of(person: Person, body: Body) -> dict:
    """A councillor's record in a council: attendance counts and rate, every vote with its motion,
    initiatives, questions and committee seats. A fixed number of queries whatever the data."""
    attendance = (
        Attendance.objects.filter(person=person, sitting__body=body, sitting__is_public=True)
        .values("status")
        .annotate(n=Count("pk"))
    )
    counts = {row["status"]: row["n"] for row in attendance}
    total = sum(counts.values())
    attended = sum(counts.get(status, 0) for status in PRESENT)
    votes = list(
        Vote.objects.filter(person=person, vote_event__sitting__body=body, vote_event__kind=VoteEvent.Kind.ROLL_CALL)
        .select_related("vote_event__motion__decision", "vote_event__sitting")
        .order_by("-vote_event__held_at")
    )
    return {
        "attendance": counts,
        "sittings": total,
        "attended": attended,
        "rate": round(100 * attended / total) if total else None,
        "votes": votes,
        "initiatives": list(person.initiatives.filter(body=body).order_by("-created_at")),
        "questions": list(person.agenda_items.filter(sitting__body=body).select_related("sitting")),
        "seats": list(person.seats.select_related("body", "group").order_by("-start_date")),
    }


def attendance_table(body: Body) -> list[dict]:
    """Every councillor in office today with attended/recorded sittings, for the comparison chart."""
    today = datetime.date.today()
    people = Person.objects.filter(pk__in=voting_seats_on(body, today).values("person_id")).annotate(
        recorded=Count("attendance", filter=Q(attendance__sitting__body=body, attendance__sitting__is_public=True)),
        attended=Count(
            "attendance",
            filter=Q(
                attendance__sitting__body=body, attendance__sitting__is_public=True, attendance__status__in=PRESENT
            ),
        ),
    )
    rows = []
    for person in people.order_by("name"):
        rate = round(100 * person.attended / person.recorded) if person.recorded else 0
        rows.append({"person": person, "recorded": person.recorded, "attended": person.attended, "rate": rate})
    return rows


def vote_event_get(*, user, uuid) -> VoteEvent:
    return (
        VoteEvent.objects.select_related("sitting__body", "motion")
        .prefetch_related("votes__person")
        .get(uuid=uuid, sitting__is_public=True)
    )
