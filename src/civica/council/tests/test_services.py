"""The council's writes: votes counted from the members in office on the day, and every kind of bad
input refused whole with a reason (nothing half-saved)."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from civica.core.permissions import SYSTEM
from civica.council import services
from civica.council.models import Attendance, Decision, Motion, Vote, VoteEvent

from .conftest import a_sitting

pytestmark = pytest.mark.django_db


def _roll_call(council, options):
    return list(zip(council["councillors"], options, strict=False))


def test_a_roll_call_is_counted_from_the_members_in_office_and_numbered_when_published(council):
    sitting, motion = a_sitting(council)
    secretary = council["people"]["secretary"]
    services.attendance_record(
        actor=secretary, sitting=sitting, statuses=dict.fromkeys(council["councillors"][:4], "present")
    )
    event = services.vote_record(
        actor=secretary,
        sitting=sitting,
        motion=motion,
        held_at=sitting.starts_at + datetime.timedelta(hours=1),
        votes=_roll_call(council, ["yes", "yes", "no", "abstain"]),
    )
    # Five in office (the resigned councillor does not count), four present: 2 of 4 is not a simple majority.
    assert (event.in_office, event.present, event.yes, event.no, event.abstain) == (5, 4, 2, 1, 1)
    assert not event.passed
    motion.refresh_from_db()
    assert motion.status == Motion.Status.REJECTED


def test_adopted_decisions_are_numbered_per_year_with_their_official_identifier(council):
    secretary = council["people"]["secretary"]
    numbers = []
    for _ in range(2):
        sitting, motion = a_sitting(council)
        services.vote_record(
            actor=secretary,
            sitting=sitting,
            motion=motion,
            held_at=sitting.starts_at,
            votes=_roll_call(council, ["yes", "yes", "yes", "no", "absent"]),
        )
        pdf = SimpleUploadedFile("hcl.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
        decision = services.decision_publish(actor=secretary, motion=motion, official_id="ΨΛΞ1ΩΛ6-7ΑΒ", pdf=pdf)
        numbers.append(decision.number)
    assert numbers == [1, 2]
    assert decision.official_id == "ΨΛΞ1ΩΛ6-7ΑΒ" and decision.pdf.name.endswith(".pdf")
    with pytest.raises(ValidationError):
        services.decision_publish(actor=secretary, motion=motion)


def test_a_secret_ballot_keeps_only_the_counts(council):
    sitting, motion = a_sitting(council)
    services.attendance_record(actor=SYSTEM, sitting=sitting, statuses=dict.fromkeys(council["councillors"], "present"))
    event = services.vote_record(
        actor=SYSTEM,
        sitting=sitting,
        motion=motion,
        held_at=sitting.starts_at,
        kind="secret",
        rule="two_thirds",
        counts={"yes": 4, "no": 1},
    )
    assert event.passed and not event.votes.exists()


@pytest.mark.parametrize(
    ("case", "reason"),
    [
        ("twice", "is recorded twice"),
        ("not_in_office", "was not in office"),
        ("before_sitting", "cannot be dated before the sitting"),
        ("no_quorum", "Quorum not met"),
        ("again", "already been recorded"),
    ],
)
def test_bad_votes_are_refused_with_a_reason_and_nothing_saved(council, case, reason):
    sitting, motion = a_sitting(council)
    people = council["councillors"]
    votes = _roll_call(council, ["yes"] * 5)
    held_at = sitting.starts_at
    if case == "twice":
        votes.append((people[0], "no"))
    elif case == "not_in_office":
        votes.append((council["gone"], "yes"))
    elif case == "before_sitting":
        held_at = sitting.starts_at - datetime.timedelta(days=400)
    elif case == "no_quorum":
        votes = _roll_call(council, ["yes", "yes"])
    elif case == "again":
        services.vote_record(actor=SYSTEM, sitting=sitting, motion=motion, held_at=held_at, votes=votes)
    before = (VoteEvent.objects.count(), Vote.objects.count())
    with pytest.raises(ValidationError) as refused:
        services.vote_record(actor=SYSTEM, sitting=sitting, motion=motion, held_at=held_at, votes=votes)
    assert any(reason in message for message in refused.value.messages), refused.value.messages
    assert (VoteEvent.objects.count(), Vote.objects.count()) == before


def test_the_quorum_counts_who_attended_not_who_voted(council):
    sitting, motion = a_sitting(council)
    services.attendance_record(
        actor=SYSTEM,
        sitting=sitting,
        statuses=dict(zip(council["councillors"], ["present", "late", "excused", "absent", "absent"], strict=True)),
    )
    with pytest.raises(ValidationError, match="Quorum not met"):
        services.vote_record(
            actor=SYSTEM,
            sitting=sitting,
            motion=motion,
            held_at=sitting.starts_at,
            votes=_roll_call(council, ["yes", "yes"]),
        )


def test_attendance_only_of_members_in_office(council):
    sitting, _motion = a_sitting(council)
    with pytest.raises(ValidationError, match="not in office"):
        services.attendance_record(actor=SYSTEM, sitting=sitting, statuses={council["gone"]: "present"})
    assert not Attendance.objects.exists()


def test_another_organisations_secretary_and_a_councillor_cannot_run_the_sitting(council):
    sitting, motion = a_sitting(council)
    for who in ("other_secretary", "councillor", "resident"):
        with pytest.raises(PermissionDenied):
            services.attendance_record(
                actor=council["people"][who], sitting=sitting, statuses={council["councillors"][0]: "present"}
            )
    with pytest.raises(PermissionDenied):
        services.vote_record(actor=None, sitting=sitting, motion=motion, held_at=sitting.starts_at, votes=[])


def test_public_debate_collects_recommendations_until_the_deadline_and_each_gets_an_answer(council):
    motion = services.motion_create(
        actor=SYSTEM, body=council["body"], title="Regulament parcări", initiator="mayor", justification="Referat"
    )
    with pytest.raises(PermissionDenied):
        services.recommendation_add(actor=council["people"]["resident"], motion=motion, text="Mai multe locuri")
    services.motion_open_debate(
        actor=council["people"]["secretary"],
        motion=motion,
        deadline=datetime.date.today() + datetime.timedelta(days=30),
    )
    recommendation = services.recommendation_add(
        actor=council["people"]["resident"], motion=motion, text="Mai multe locuri"
    )
    with pytest.raises(ValidationError):
        services.recommendation_answer(actor=SYSTEM, recommendation=recommendation, accepted=False, answer=" ")
    services.recommendation_answer(actor=SYSTEM, recommendation=recommendation, accepted=True, answer="Preluată")
    assert Decision.objects.count() == 0
