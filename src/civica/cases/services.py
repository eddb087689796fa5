"""Every write to cases: one transaction, a timeline line, an audit line."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from civica.core import audit, calendar, notifications, search, topics
from civica.organisations import selectors as organisation_selectors

from . import selectors, workflows
from .models import Case, CaseAssignment, CaseEvent, CaseNote, CaseTask, Consultation, ReferenceCounter


def _next_reference(prefix: str, year: int) -> str:
    """RC-2026-000123: a number per prefix and year, without gaps from concurrent openings."""
    ReferenceCounter.objects.get_or_create(prefix=prefix, year=year)
    counter = ReferenceCounter.objects.select_for_update().get(prefix=prefix, year=year)
    counter.last += 1
    counter.save(update_fields=["last"])
    return f"{prefix}-{year}-{counter.last:06d}"


def _event(case, actor, kind, *, visible_to_requester=False, **data) -> CaseEvent:
    return CaseEvent.objects.create(
        case=case,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        kind=kind,
        data=data,
        visible_to_requester=visible_to_requester,
    )


def record_event(case, actor, kind: str, *, visible_to_requester: bool = False, **data) -> CaseEvent:
    """A domain app's line in the case's timeline (the case core writes its own through the services)."""
    return _event(case, actor, kind, visible_to_requester=visible_to_requester, **data)


def tell(case: Case, actor, recipients, subject, what) -> None:
    """Tell the people a change concerns, each in their own language, never the person who made it."""
    notifications.notify(
        recipients=recipients,
        subject=subject,
        template="cases/email/changed.txt",
        exclude=actor,
        context={"reference": case.reference, "title": case.title, "what": what},
        url=reverse("cases:detail", kwargs={"reference": case.reference}),
    )


def requester_side(case: Case) -> list:
    people = [case.requester] if case.requester else []
    if case.requester_organisation_id:
        people += [
            m.user
            for m in organisation_selectors.members_of(case.requester_organisation)
            if m.role in {"admin", "staff"}
        ]
    return people


def handling_side(case: Case) -> list:
    if case.owner_id:
        return [case.owner, *(a.user for a in case.assignments.select_related("user"))]
    return [m.user for m in organisation_selectors.members_of(case.organisation) if m.role in {"admin", "staff"}]


def _due(state: workflows.State, now, opened_at=None):
    if not state.deadline:
        return None
    start = opened_at if state.deadline_from_opening and opened_at else now
    return workflows.add_deadline(start, state.deadline)


@transaction.atomic
def case_open(
    *,
    actor,
    workflow: str,
    organisation,
    title: str,
    summary: str = "",
    requester_organisation=None,
    language: str = "en",
    channel: str = "web",
    topic: str = "",
    owner=None,
) -> Case:
    """Open a case at `organisation`: by its own staff (a call or a visit they log) or by a member of the
    requesting organisation. The handling side may name its accountable `owner` at once (a confidential
    case is not reachable by every colleague, so it cannot be handed over after opening by one)."""
    flow = workflows.get(workflow)
    roles = organisation_selectors.roles_of(actor)
    acts_for_handler = roles.get(organisation.pk) in {"admin", "staff"}
    acts_for_requester = requester_organisation is not None and requester_organisation.pk in roles
    if not (acts_for_handler or acts_for_requester):
        raise PermissionDenied("cases.open_case")
    if channel not in Case.Channel.values:
        raise ValidationError({"channel": _("Choose how the case came in.")})
    if channel in {Case.Channel.PHONE, Case.Channel.VISIT} and not acts_for_handler:
        raise PermissionDenied("cases.log_contact")
    if not title.strip():
        raise ValidationError({"title": _("Give the case a title.")})
    if topic and topic not in topics.TOPICS:
        raise ValidationError({"topic": _("Choose a topic from the list.")})
    if owner is not None and not (acts_for_handler and organisation_selectors.role_in(owner, organisation)):
        raise ValidationError(_("The owner must work for the organisation handling the case."))
    now = timezone.now()
    case = Case.objects.create(
        owner=owner,
        reference=_next_reference(flow.prefix, now.year),
        workflow=flow.key,
        organisation=organisation,
        requester_organisation=requester_organisation,
        requester=actor if acts_for_requester else None,
        title=title.strip(),
        summary=summary,
        topic=topic,
        language=language,
        channel=channel,
        state=flow.initial,
        state_entered_at=now,
        due_at=_due(flow.state(flow.initial), now),
    )
    _event(case, actor, CaseEvent.Kind.OPENED, visible_to_requester=True, state=flow.initial)
    tell(case, actor, handling_side(case) + requester_side(case), gettext_lazy("New case %(reference)s: %(title)s"), "")
    audit.record_change(
        actor=actor, instance=case, action="create", after=audit.snapshot(case), organisation_uuid=organisation.uuid
    )
    return case


@transaction.atomic
def case_transition(*, actor, case: Case, transition: str, outcome: str = "") -> Case:
    """Move a case along its workflow, if the transition starts from its state and the actor may take it."""
    case = Case.objects.select_for_update().get(pk=case.pk)
    flow = workflows.get(case.workflow)
    try:
        step = flow.transition(transition)
    except KeyError as error:
        raise ValidationError(_("This case cannot be moved that way.")) from error
    if case.state not in step.sources:
        raise ValidationError(_("This step is not possible from the case's current state."))
    if not (selectors.capacities(actor, case) & step.allowed):
        raise PermissionDenied(f"cases.{transition}")
    refusal = step.guard(case) if step.guard else None
    if refusal:
        raise ValidationError(refusal)
    if step.needs_outcome and not outcome.strip():
        raise ValidationError({"outcome": _("Say how the case ended.")})
    before = audit.snapshot(case, ["state", "due_at", "closed_at", "outcome"])
    now = timezone.now()
    target = flow.state(step.target)
    case.state, case.state_entered_at, case.due_at = target.key, now, _due(target, now, case.created_at)
    case.closed_at = now if target.terminal else None
    if outcome.strip():
        case.outcome = outcome.strip()
    case.save()
    _event(
        case,
        actor,
        CaseEvent.Kind.TRANSITION,
        visible_to_requester=True,
        transition=step.key,
        source=before["state"],
        target=target.key,
    )
    audit.record_change(
        actor=actor,
        instance=case,
        action="update",
        before=before,
        after=audit.snapshot(case, ["state", "due_at", "closed_at", "outcome"]),
        organisation_uuid=case.organisation.uuid,
        summary=step.key,
    )
    tell(
        case,
        actor,
        handling_side(case) + requester_side(case),
        gettext_lazy("%(reference)s has moved on: %(title)s"),
        case.outcome if target.terminal else "",
    )
    _index_solution(case, target)
    return case


def _index_solution(case: Case, state: workflows.State) -> None:
    """A closed case becomes a solution others can find: its title and outcome only, never the summary,
    the notes or the parties, so that no personal data reaches the index."""
    if state.terminal and case.outcome:
        tags = [case.workflow]
        if case.topic:
            tags.append(topics.tag(case.topic))
        # The requester's territory and those above it, so a county finds its municipalities' cases.
        territory = case.requester_organisation.territory if case.requester_organisation_id else None
        while territory is not None:
            tags.append(f"territory:{territory.code}")
            territory = territory.parent
        search.index(
            instance=case,
            title=case.title,
            body=case.outcome,
            language=case.language,
            organisation_uuid=case.organisation.uuid,
            tags=tags,
        )
    else:
        search.unindex(case)


@transaction.atomic
def solution_attach(*, actor, case: Case, solution: Case) -> CaseNote:
    """Share a solution that worked in a similar case with the requester, as a note both sides see."""
    if not actor.has_perm("cases.work_on_case", case):
        raise PermissionDenied("cases.work_on_case")
    body = _("A solution that worked in similar conditions: %(title)s — %(outcome)s") % {
        "title": solution.title,
        "outcome": solution.outcome,
    }
    return note_add(actor=actor, case=case, body=body, shared_with_requester=True)


def _require_handler(actor, case: Case) -> None:
    if not actor.has_perm("cases.assign_case", case):
        raise PermissionDenied("cases.assign_case")


def _require_worker(person, case: Case) -> None:
    if organisation_selectors.role_in(person, case.organisation) is None:
        raise ValidationError(_("Only members of the handling organisation can work on its cases."))


@transaction.atomic
def case_set_owner(*, actor, case: Case, owner) -> Case:
    """One accountable owner at a time, chosen among the handling organisation's people."""
    _require_handler(actor, case)
    _require_worker(owner, case)
    before = {"owner": str(case.owner.uuid) if case.owner else None}
    case.owner = owner
    case.save(update_fields=["owner", "updated_at"])
    _event(case, actor, CaseEvent.Kind.OWNER, owner=str(owner.uuid))
    tell(case, actor, [owner], gettext_lazy("You are accountable for %(reference)s: %(title)s"), "")
    audit.record_change(
        actor=actor,
        instance=case,
        action="update",
        before=before,
        after={"owner": str(owner.uuid)},
        organisation_uuid=case.organisation.uuid,
        summary="owner",
    )
    return case


@transaction.atomic
def case_assign(*, actor, case: Case, person) -> CaseAssignment:
    _require_handler(actor, case)
    _require_worker(person, case)
    assignment, created = CaseAssignment.objects.get_or_create(case=case, user=person, defaults={"assigned_by": actor})
    if created:
        _event(case, actor, CaseEvent.Kind.ASSIGNED, person=str(person.uuid))
    return assignment


@transaction.atomic
def task_add(*, actor, case: Case, title: str, assignee=None, due_on=None) -> CaseTask:
    if not actor.has_perm("cases.work_on_case", case):
        raise PermissionDenied("cases.work_on_case")
    if assignee is not None:
        _require_worker(assignee, case)
    task = CaseTask.objects.create(case=case, title=title.strip(), assignee=assignee, due_on=due_on, created_by=actor)
    _event(case, actor, CaseEvent.Kind.TASK, task=str(task.uuid), title=task.title)
    return task


@transaction.atomic
def task_complete(*, actor, task: CaseTask) -> CaseTask:
    if not actor.has_perm("cases.work_on_case", task.case):
        raise PermissionDenied("cases.work_on_case")
    if task.done_at is None:
        task.done_at = timezone.now()
        task.save(update_fields=["done_at", "updated_at"])
        _event(task.case, actor, CaseEvent.Kind.TASK, task=str(task.uuid), done=True)
    return task


@transaction.atomic
def note_add(*, actor, case: Case, body: str, shared_with_requester: bool = False) -> CaseNote:
    """Internal notes are for the handling side; requesters may only write notes both sides see."""
    works_on_it = actor.has_perm("cases.work_on_case", case)
    if not works_on_it and not (shared_with_requester and actor.has_perm("cases.add_shared_note", case)):
        raise PermissionDenied("cases.add_note")
    if not body.strip():
        raise ValidationError({"body": _("Write the note first.")})
    note = CaseNote.objects.create(
        case=case, author=actor, body=body.strip(), shared_with_requester=shared_with_requester
    )
    _event(case, actor, CaseEvent.Kind.NOTE, visible_to_requester=shared_with_requester, note=str(note.uuid))
    recipients = handling_side(case) + (requester_side(case) if shared_with_requester else [])
    tell(case, actor, recipients, gettext_lazy("New note on %(reference)s: %(title)s"), "")
    return note


def consultation_calendar_event(consultation: Consultation) -> calendar.CalendarEvent:
    case = consultation.case
    return calendar.CalendarEvent(
        uid=f"consultation-{consultation.uuid}@civica",
        summary=f"{case.reference} · {consultation.get_kind_display()}: {case.title}",
        start=consultation.starts_at,
        end=consultation.starts_at + timedelta(minutes=consultation.duration_minutes),
        description=case.title,
        location=consultation.location,
        video_url=consultation.video_url,
        organiser_email=settings.DEFAULT_FROM_EMAIL.rsplit("<", 1)[-1].rstrip(">"),
        attendee_emails=list(consultation.participants),
        sequence=consultation.sequence,
    )


@transaction.atomic
def consultation_schedule(
    *,
    actor,
    case: Case,
    kind: str,
    starts_at,
    duration_minutes: int = 60,
    location: str = "",
    participants: list[str] | None = None,
) -> Consultation:
    """Schedule a consultation; everyone invited gets an e-mail with the calendar file (and the video link)."""
    if not actor.has_perm("cases.work_on_case", case):
        raise PermissionDenied("cases.work_on_case")
    if kind not in Consultation.Kind.values:
        raise ValidationError({"kind": _("Choose phone, face to face or video.")})
    if starts_at <= timezone.now():
        raise ValidationError({"starts_at": _("Choose a time in the future.")})
    if kind != Consultation.Kind.VIDEO and not location.strip():
        raise ValidationError({"location": _("Say where the meeting is, or which number to call.")})
    emails = sorted({email.strip().lower() for email in (participants or []) if email.strip()})
    if case.requester and case.requester.email not in emails:
        emails.append(case.requester.email)
    consultation = Consultation.objects.create(
        case=case,
        kind=kind,
        starts_at=starts_at,
        duration_minutes=duration_minutes,
        location=location.strip(),
        video_url=calendar.video_room_url() if kind == Consultation.Kind.VIDEO else "",
        participants=emails,
        created_by=actor,
    )
    _event(case, actor, CaseEvent.Kind.CONSULTATION, visible_to_requester=True, consultation=str(consultation.uuid))
    language = case.language
    attachment = calendar.ics([consultation_calendar_event(consultation)], method="REQUEST")

    def send():
        with translation.override(language):
            subject = _("Consultation on %(reference)s") % {"reference": case.reference}
            body = render_to_string("cases/email/consultation.txt", {"case": case, "consultation": consultation})
            message = EmailMessage(subject, body, None, emails)
            message.attach("consultation.ics", attachment, "text/calendar; method=REQUEST; charset=UTF-8")
            message.send()

    if emails:
        transaction.on_commit(send)
    return consultation


@transaction.atomic
def consultation_notes_set(*, actor, consultation: Consultation, notes: str) -> Consultation:
    if not actor.has_perm("cases.work_on_case", consultation.case):
        raise PermissionDenied("cases.work_on_case")
    consultation.notes = notes.strip()
    consultation.save(update_fields=["notes", "updated_at"])
    return consultation


@transaction.atomic
def case_transfer(*, actor, case: Case, organisation, owner) -> Case:
    """Hand a case over to another organisation, with its new accountable owner there. The domain app
    decides when (a protection case: when the receiving agency accepts a referral that asks for it);
    the owner must work in the receiving organisation."""
    if organisation_selectors.role_in(owner, organisation) not in {"admin", "staff"}:
        raise ValidationError(_("Only members of the handling organisation can work on its cases."))
    case = Case.objects.select_for_update().get(pk=case.pk)
    before = {"organisation": str(case.organisation.uuid), "owner": str(case.owner.uuid) if case.owner else None}
    case.organisation, case.owner, case.team = organisation, owner, None
    case.save(update_fields=["organisation", "owner", "team", "updated_at"])
    case.assignments.all().delete()
    _event(case, actor, CaseEvent.Kind.OWNER, owner=str(owner.uuid), organisation=str(organisation.uuid))
    audit.record_change(
        actor=actor,
        instance=case,
        action="update",
        before=before,
        after={"organisation": str(organisation.uuid), "owner": str(owner.uuid)},
        organisation_uuid=organisation.uuid,
        summary="transfer",
    )
    return case
