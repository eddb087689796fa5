import datetime

import pytest
from django.utils import timezone

from civica.core.permissions import SYSTEM
from civica.council import services
from civica.council.models import Body, Motion, Seat

START = datetime.date(2024, 10, 25)


@pytest.fixture
def council(two_organisations, make_user):
    """A council of five councillors in office (one resigned, replaced), a secretary with an account,
    a councillor with an account, a resident and another organisation's secretary."""
    ours, theirs, people = two_organisations
    body = services.body_create(actor=SYSTEM, organisation=ours, name="Consiliul Local Test", size=5)
    group_a = services.body_create(
        actor=SYSTEM, organisation=ours, name="Partidul A", kind=Body.Kind.GROUP, parent=body
    )
    committee = services.body_create(
        actor=SYSTEM, organisation=ours, name="Comisia de buget", kind=Body.Kind.COMMITTEE, parent=body
    )
    people["councillor"] = make_user(email="councillor@test.example")
    people["secretary"] = make_user(email="secretary@test.example")
    people["resident"] = make_user(email="resident@test.example")
    councillors = []
    for i, name in enumerate(["Ana Albu", "Bogdan Barbu", "Carmen Cazacu", "Dan Dobre", "Elena Enache"]):
        person = services.person_create(
            actor=SYSTEM, body=body, name=name, user=people["councillor"] if i == 0 else None
        )
        services.seat_add(actor=SYSTEM, person=person, body=body, start_date=START, group=group_a)
        councillors.append(person)
    services.seat_add(actor=SYSTEM, person=councillors[0], body=committee, role=Seat.Role.CHAIR, start_date=START)
    gone = services.person_create(actor=SYSTEM, body=body, name="Fane Florea")
    seat = services.seat_add(actor=SYSTEM, person=gone, body=body, start_date=START)
    services.seat_end(actor=SYSTEM, seat=seat, end_date=datetime.date(2025, 1, 31))
    secretary = services.person_create(actor=SYSTEM, body=body, name="Sorina Secretar", user=people["secretary"])
    services.seat_add(actor=SYSTEM, person=secretary, body=body, role=Seat.Role.SECRETARY, start_date=START)
    # Another municipality's council, with its own secretary.
    other = services.body_create(actor=SYSTEM, organisation=theirs, name="Other council", size=3)
    people["other_secretary"] = make_user(email="other.secretary@test.example")
    other_secretary = services.person_create(
        actor=SYSTEM, body=other, name="O. Secretary", user=people["other_secretary"]
    )
    services.seat_add(actor=SYSTEM, person=other_secretary, body=other, role=Seat.Role.SECRETARY, start_date=START)
    return {
        "body": body,
        "committee": committee,
        "group": group_a,
        "councillors": councillors,
        "gone": gone,
        "other": other,
        "people": people,
        "ours": ours,
    }


def a_sitting(council, *, public=True, days_ago=3, motion=None):
    motion = motion or services.motion_create(
        actor=SYSTEM, body=council["body"], title="Aprobarea bugetului local", initiator=Motion.Initiator.MAYOR
    )
    starts = timezone.now() - datetime.timedelta(days=days_ago)
    sitting = services.sitting_convene(
        actor=SYSTEM,
        body=council["body"],
        title="Ședința ordinară",
        starts_at=starts,
        place="Sala de consiliu",
        is_public=public,
        items=[{"kind": "draft_decision", "title": motion.title, "motion": motion}],
    )
    return sitting, motion
