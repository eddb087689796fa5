"""Every write of the council: one transaction each, the audit trail inside, checks before any write.

Bad input is refused whole with translated reasons (every reason at once where there are several), so
a vote recorded twice, a vote by someone not in office, a result dated before the sitting or a sitting
without quorum leaves nothing half-saved.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from civica.core import uploads
from civica.core.audit import record_change, snapshot
from civica.core.permissions import require

from . import majority, selectors
from .models import (
    AgendaItem,
    Attendance,
    Body,
    CommitteeOpinion,
    Decision,
    Motion,
    Person,
    Recommendation,
    Seat,
    Sitting,
    Vote,
    VoteEvent,
)


def _audit(actor, instance, body, action="create", summary=""):
    record_change(
        actor=actor,
        instance=instance,
        action=action,
        after=snapshot(instance),
        organisation_uuid=body.organisation.uuid,
        summary=summary,
    )


@transaction.atomic
def body_create(*, actor, organisation, name, kind=Body.Kind.COUNCIL, size=0, parent=None, mayor_votes=False) -> Body:
    body = Body(organisation=organisation, name=name, kind=kind, size=size, parent=parent, mayor_votes=mayor_votes)
    require(actor, "council.manage_council", parent or body)
    body.full_clean()
    body.save()
    _audit(actor, body, body)
    return body


@transaction.atomic
def person_create(*, actor, body: Body, name: str, user=None) -> Person:
    require(actor, "council.manage_council", body)
    person = Person(organisation=body.organisation, name=name.strip(), user=user)
    person.full_clean()
    person.save()
    _audit(actor, person, body)
    return person


@transaction.atomic
def seat_add(
    *, actor, person: Person, body: Body, role=Seat.Role.COUNCILLOR, start_date, end_date=None, group=None
) -> Seat:
    require(actor, "council.manage_council", body)
    if person.organisation_id != body.organisation_id or (group and group.organisation_id != body.organisation_id):
        raise ValidationError(_("The person, the council and the group must belong to the same organisation."))
    if end_date and end_date < start_date:
        raise ValidationError({"end_date": _("A seat cannot end before it starts.")})
    seat = Seat.objects.create(
        person=person, body=body, role=role, start_date=start_date, end_date=end_date, group=group
    )
    _audit(actor, seat, body)
    return seat


@transaction.atomic
def seat_end(*, actor, seat: Seat, end_date: datetime.date) -> Seat:
    """End a seat (resignation, end of term): the seat is kept, so the past composition stays known."""
    require(actor, "council.manage_council", seat.body)
    if end_date < seat.start_date:
        raise ValidationError({"end_date": _("A seat cannot end before it starts.")})
    before = snapshot(seat)
    seat.end_date = end_date
    seat.save(update_fields=["end_date", "updated_at"])
    record_change(
        actor=actor,
        instance=seat,
        action="update",
        before=before,
        after=snapshot(seat),
        organisation_uuid=seat.body.organisation.uuid,
    )
    return seat


@transaction.atomic
def motion_create(
    *, actor, body: Body, title, initiator, text="", justification="", initiators=(), amends=None
) -> Motion:
    require(actor, "council.manage_council", body)
    if initiator == Motion.Initiator.COUNCILLORS and not initiators:
        raise ValidationError({"initiators": _("Name the councillors who initiate the draft decision.")})
    motion = Motion(body=body, title=title, text=text, justification=justification, initiator=initiator, amends=amends)
    motion.full_clean()
    motion.save()
    motion.initiators.set(initiators)
    _audit(actor, motion, body)
    return motion


@transaction.atomic
def motion_open_debate(*, actor, motion: Motion, deadline: datetime.date) -> Motion:
    """Publish a draft for public debate (Legea 52/2003: at least 30 days before the vote, with its
    justification; recommendations for at least 10 days)."""
    require(actor, "council.manage_motion", motion)
    if not motion.justification.strip():
        raise ValidationError(
            {"justification": _("A draft in public debate must be published with its justification.")}
        )
    if deadline < datetime.date.today() + datetime.timedelta(days=10):
        raise ValidationError({"deadline": _("Leave at least ten days for recommendations.")})
    motion.status, motion.debate_deadline = Motion.Status.DEBATE, deadline
    motion.save(update_fields=["status", "debate_deadline", "updated_at"])
    _audit(actor, motion, motion.body, action="update", summary="public debate")
    return motion


@transaction.atomic
def recommendation_add(*, actor, motion: Motion, text: str) -> Recommendation:
    require(actor, "council.recommend", motion)
    if not text.strip():
        raise ValidationError({"text": _("Write your recommendation.")})
    recommendation = Recommendation.objects.create(motion=motion, author=actor, text=text.strip())
    _audit(actor, recommendation, motion.body)
    return recommendation


@transaction.atomic
def recommendation_answer(*, actor, recommendation: Recommendation, accepted: bool, answer: str) -> Recommendation:
    require(actor, "council.manage_motion", recommendation.motion)
    if not answer.strip():
        raise ValidationError({"answer": _("Say why the recommendation was or was not taken into account.")})
    recommendation.accepted, recommendation.answer = accepted, answer.strip()
    recommendation.save(update_fields=["accepted", "answer", "updated_at"])
    _audit(actor, recommendation, recommendation.motion.body, action="update")
    return recommendation


@transaction.atomic
def committee_opinion_add(*, actor, motion: Motion, committee: Body, favourable: bool, text="") -> CommitteeOpinion:
    require(actor, "council.manage_motion", motion)
    if committee.parent_id != motion.body_id or committee.kind != Body.Kind.COMMITTEE:
        raise ValidationError({"committee": _("Choose a committee of this council.")})
    opinion = CommitteeOpinion.objects.create(motion=motion, committee=committee, favourable=favourable, text=text)
    _audit(actor, opinion, motion.body)
    return opinion


@transaction.atomic
def sitting_convene(
    *, actor, body: Body, title, starts_at, place="", stream_url="", is_public=True, items=()
) -> Sitting:
    """Convene a sitting with its agenda: `items` are dicts of kind, title and optionally motion, person."""
    require(actor, "council.manage_council", body)
    sitting = Sitting(
        body=body, title=title, starts_at=starts_at, place=place, stream_url=stream_url, is_public=is_public
    )
    sitting.full_clean()
    for item in items:
        motion = item.get("motion")
        if motion is not None and motion.body_id != body.id:
            raise ValidationError(_("Every draft decision on the agenda must be one of this council's."))
    sitting.save()
    for position, item in enumerate(items, start=1):
        AgendaItem.objects.create(
            sitting=sitting,
            position=position,
            kind=item["kind"],
            title=item["title"],
            motion=item.get("motion"),
            person=item.get("person"),
        )
    _audit(actor, sitting, body)
    return sitting


@transaction.atomic
def attendance_record(*, actor, sitting: Sitting, statuses: dict[Person, str]) -> list[Attendance]:
    """Record (or correct) each councillor's attendance; only members in office on the day."""
    require(actor, "council.run_sitting", sitting)
    in_office = selectors.in_office_person_ids(sitting.body, sitting.starts_at.date())
    problems = [
        _("%(name)s was not in office on %(date)s.")
        % {"name": person.name, "date": date_format(sitting.starts_at.date())}
        for person in statuses
        if person.pk not in in_office
    ]
    problems += [
        _("Unknown attendance: %(value)s.") % {"value": s}
        for s in statuses.values()
        if s not in Attendance.Status.values
    ]
    if problems:
        raise ValidationError(problems)
    rows = []
    for person, status in statuses.items():
        row, _created = Attendance.objects.update_or_create(sitting=sitting, person=person, defaults={"status": status})
        rows.append(row)
    _audit(actor, sitting, sitting.body, action="update", summary="attendance")
    return rows


def _present(sitting: Sitting, in_office: set[int], votes: dict | None) -> int:
    recorded = dict(sitting.attendance.values_list("person_id", "status"))
    if recorded:
        return sum(1 for pk, status in recorded.items() if pk in in_office and status in selectors.PRESENT)
    return sum(1 for option in (votes or {}).values() if option != Vote.Option.ABSENT)


@transaction.atomic
def vote_record(
    *,
    actor,
    sitting: Sitting,
    motion: Motion,
    held_at: datetime.datetime,
    kind=VoteEvent.Kind.ROLL_CALL,
    rule=VoteEvent.Majority.SIMPLE,
    votes: list[tuple[Person, str]] | None = None,
    counts: dict[str, int] | None = None,
) -> VoteEvent:
    """Record a vote on a draft decision: each councillor's option in a roll call, only the counts in a
    secret ballot. The quorum and the majority are computed from the members in office on the day."""
    require(actor, "council.run_sitting", sitting)
    day = sitting.starts_at.date()
    problems = []
    if motion.body_id != sitting.body_id:
        problems.append(_("The draft decision is not one of this council's."))
    if held_at < sitting.starts_at:
        problems.append(_("The vote cannot be dated before the sitting."))
    if VoteEvent.objects.filter(sitting=sitting, motion=motion).exists():
        problems.append(_("This vote has already been recorded."))
    in_office = selectors.in_office_person_ids(sitting.body, day)
    by_person: dict[Person, str] = {}
    if kind == VoteEvent.Kind.ROLL_CALL:
        for person, option in votes or []:
            if person in by_person:
                problems.append(_("%(name)s is recorded twice.") % {"name": person.name})
            elif person.pk not in in_office:
                problems.append(
                    _("%(name)s was not in office on %(date)s.") % {"name": person.name, "date": date_format(day)}
                )
            elif option not in Vote.Option.values:
                problems.append(_("Unknown option: %(value)s.") % {"value": option})
            by_person[person] = option
        tally = {option: sum(1 for o in by_person.values() if o == option) for option in ("yes", "no", "abstain")}
    else:
        tally = {option: int((counts or {}).get(option, 0)) for option in ("yes", "no", "abstain")}
    present = _present(sitting, in_office, {p.pk: o for p, o in by_person.items()})
    if sum(tally.values()) > present:
        problems.append(_("More votes were cast than members present."))
    result = majority.outcome(rule, in_office=len(in_office), present=present, yes=tally["yes"])
    if not result.quorate:
        problems.append(
            _("Quorum not met: %(present)s of %(in_office)s members in office present, at least %(quorum)s needed.")
            % {"present": present, "in_office": len(in_office), "quorum": majority.quorum(len(in_office))}
        )
    if problems:
        raise ValidationError(problems)
    event = VoteEvent.objects.create(
        sitting=sitting,
        motion=motion,
        kind=kind,
        majority=rule,
        held_at=held_at,
        in_office=len(in_office),
        present=present,
        passed=result.passed,
        **tally,
    )
    if kind == VoteEvent.Kind.ROLL_CALL:
        Vote.objects.bulk_create(Vote(vote_event=event, person=p, option=o) for p, o in by_person.items())
    motion.status = Motion.Status.ADOPTED if result.passed else Motion.Status.REJECTED
    motion.save(update_fields=["status", "updated_at"])
    _audit(actor, event, sitting.body)
    return event


@transaction.atomic
def decision_publish(*, actor, motion: Motion, official_id: str = "", pdf=None) -> Decision:
    """Number an adopted draft decision in its council's yearly series and publish it as the official
    record, with the country's identifier (Diavgeia's ΑΔΑ in Greece) and its PDF."""
    require(actor, "council.manage_motion", motion)
    if motion.status != Motion.Status.ADOPTED:
        raise ValidationError(_("Only an adopted draft decision can be published as a decision."))
    if Decision.objects.filter(motion=motion).exists():
        raise ValidationError(_("This decision has already been published."))
    if pdf is not None:
        uploads.check_upload(pdf, kinds={"pdf"})
    vote = motion.vote_events.filter(passed=True).order_by("-held_at").first()
    Body.objects.select_for_update().filter(pk=motion.body_id).first()  # one number per year, even when racing
    year = vote.held_at.year
    last = Decision.objects.filter(body=motion.body_id, year=year).aggregate(n=Max("number"))["n"] or 0
    decision = Decision(
        motion=motion,
        body=motion.body,
        year=year,
        number=last + 1,
        adopted_on=vote.held_at.date(),
        official_id=official_id.strip(),
        published_at=timezone.now(),
    )
    if pdf is not None:
        pdf.name = uploads.safe_name(pdf.name)
        decision.pdf = pdf
    decision.save()
    _audit(actor, decision, motion.body)
    return decision
