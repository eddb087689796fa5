"""Every write to protection cases: one transaction, an audit line (sensitive values redacted), a line
in the case core's timeline where it concerns the case, e-mails after the commit."""

from __future__ import annotations

import datetime
import re

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from civica.cases import services as case_services
from civica.core import audit, notifications
from civica.organisations import selectors as organisation_selectors
from civica.organisations.models import Role

from . import risk, selectors
from .models import (
    SECTION_KEYS,
    Contribution,
    EmergencyAccess,
    FollowUp,
    ProtectedPerson,
    ProtectionCase,
    ProtectionOrder,
    Referral,
    RiskAssessment,
    ServiceProvided,
    TeamMember,
)
from .workflows import PROTECTION

KIND_CODES = {
    ProtectionCase.Kind.DOMESTIC_VIOLENCE: "DV",
    ProtectionCase.Kind.VIOLENCE_AGAINST_WOMEN: "VW",
    ProtectionCase.Kind.CHILD_ABUSE: "CA",
    ProtectionCase.Kind.ELDER_ABUSE: "EA",
}


def _case_url(pcase: ProtectionCase) -> str:
    return reverse("protection:case", kwargs={"reference": pcase.case.reference})


def _tell(pcase: ProtectionCase, actor, recipients, subject, what="", url: str = "") -> None:
    """Only the code and what happened: never a name or any sensitive content in a message."""
    notifications.notify(
        recipients=recipients,
        subject=subject,
        template="protection/email/notice.txt",
        exclude=actor,
        context={"reference": pcase.case.reference, "code": pcase.person.code, "what": what},
        url=url or _case_url(pcase),
    )


def _audit(actor, pcase: ProtectionCase, action: str, summary: str, *, instance=None, before=None, after=None):
    audit.record_change(
        actor=actor,
        instance=instance if instance is not None else pcase.case,
        action=action,
        before=before,
        after=after if after is not None else (audit.snapshot(instance) if instance is not None else {}),
        organisation_uuid=pcase.case.organisation.uuid,
        summary=summary,
    )


def _require_lead(actor, pcase: ProtectionCase) -> None:
    if not selectors.access(actor, pcase).lead:
        raise PermissionDenied("protection.lead_case")


def _require_section(actor, pcase: ProtectionCase, section: str):
    """Writing to a section: the lead side, or an agency whose active referral names it (not emergency
    access, which only reads). Returns the organisation the contribution is made for."""
    found = selectors.access(actor, pcase)
    if found.lead:
        return pcase.case.organisation
    if found.emergency is None and section in found.sections:
        for referral in found.referrals:
            if section in referral.sections:
                return referral.to_organisation
    raise PermissionDenied("protection.contribute")


def _territory_initials(territory) -> str:
    """ "Sector 1" → S1, "Cluj-Napoca" → CN: a short, stable prefix for codes."""
    words = re.split(r"[\s\-]+", territory.name_en or territory.name)
    return "".join(word if word.isdigit() else word[:1] for word in words if word).upper() or "X"


def _next_person_code(territory, kind: str, year: int) -> str:
    prefix = f"{_territory_initials(territory)}-{KIND_CODES[kind]}-{year}-"
    # Lock the person rows of the prefix so that two openings at once do not take the same number.
    taken = ProtectedPerson.objects.select_for_update().filter(code__startswith=prefix).values_list("code", flat=True)
    numbers = [int(code.rsplit("-", 1)[1]) for code in taken if code.rsplit("-", 1)[1].isdigit()]
    return f"{prefix}{max(numbers, default=0) + 1:04d}"


def _clean_children(children) -> list[dict]:
    cleaned = []
    for child in children or []:
        name = str(child.get("name", "")).strip()
        if not name:
            continue
        year = child.get("birth_year")
        cleaned.append({"name": name, "birth_year": int(year) if year else None})
    return cleaned


@transaction.atomic
def protection_case_open(
    *,
    actor,
    organisation,
    kind: str,
    territory,
    sex: str = ProtectedPerson.Sex.OTHER,
    birth_year: int | None = None,
    full_name: str = "",
    address: str = "",
    contact: str = "",
    narrative: str = "",
    injuries: str = "",
    incident_address: str = "",
    children=None,
    person: ProtectedPerson | None = None,
    language: str = "ro",
    manager=None,
) -> ProtectionCase:
    """Open a protection case in the lead organisation, with its accountable case manager (the person
    opening it unless another is named) and the person by code."""
    if organisation_selectors.role_in(actor, organisation) not in {Role.ADMIN, Role.STAFF}:
        raise PermissionDenied("protection.open_case")
    errors = {}
    if kind not in ProtectionCase.Kind.values:
        errors["kind"] = _("Choose the kind of violence.")
    if territory is None:
        errors["territory"] = _("Choose the territory.")
    if sex not in ProtectedPerson.Sex.values:
        errors["sex"] = _("Choose a value from the list.")
    this_year = timezone.localdate().year
    if birth_year is not None and not (this_year - 120 <= birth_year <= this_year):
        errors["birth_year"] = _("Give a year of birth between %(low)s and %(high)s.") % {
            "low": this_year - 120,
            "high": this_year,
        }
    manager = manager or actor
    if organisation_selectors.role_in(manager, organisation) not in {Role.ADMIN, Role.STAFF}:
        errors["manager"] = _("The case manager must work in the lead organisation.")
    if errors:
        raise ValidationError(errors)
    now = timezone.now()
    if person is None:
        person = ProtectedPerson.objects.create(
            code=_next_person_code(territory, kind, now.year),
            organisation=organisation,
            sex=sex,
            birth_year=birth_year,
            full_name=full_name.strip(),
            address=address.strip(),
            contact=contact.strip(),
        )
        audit.record_change(
            actor=actor,
            instance=person,
            action="create",
            after=audit.snapshot(person),
            organisation_uuid=organisation.uuid,
        )
    case = case_services.case_open(
        actor=actor,
        workflow=PROTECTION.key,
        organisation=organisation,
        title=person.code,
        language=language,
        channel="visit",
        topic="",
        owner=manager,
    )
    pcase = ProtectionCase.objects.create(
        case=case,
        person=person,
        kind=kind,
        territory=territory,
        narrative=narrative.strip(),
        injuries=injuries.strip(),
        incident_address=incident_address.strip(),
        children=_clean_children(children),
    )
    TeamMember.objects.create(
        case=pcase, user=manager, organisation=organisation, role=TeamMember.Role.MANAGER, added_by=actor
    )
    _audit(actor, pcase, "create", "protection case", instance=case, after=audit.snapshot(pcase))
    return pcase


@transaction.atomic
def case_move(*, actor, pcase: ProtectionCase, transition: str) -> ProtectionCase:
    """Move the case along its workflow; only the lead side, through the case core."""
    _require_lead(actor, pcase)
    case_services.case_transition(actor=actor, case=pcase.case, transition=transition)
    pcase.case.refresh_from_db()
    return pcase


@transaction.atomic
def case_sensitive_update(
    *, actor, pcase: ProtectionCase, narrative: str, injuries: str, incident_address: str, children=None
) -> ProtectionCase:
    _require_lead(actor, pcase)
    pcase.narrative, pcase.injuries = narrative.strip(), injuries.strip()
    pcase.incident_address, pcase.children = incident_address.strip(), _clean_children(children)
    pcase.save(update_fields=["narrative", "injuries", "incident_address", "children"])
    _audit(actor, pcase, "update", "narrative", after=audit.snapshot(pcase, ["narrative", "injuries", "children"]))
    return pcase


@transaction.atomic
def team_member_add(*, actor, pcase: ProtectionCase, user, role: str) -> TeamMember:
    """A member of the mixed intervention team, from the lead organisation or an agency the case is referred to."""
    _require_lead(actor, pcase)
    if role not in TeamMember.Role.values or role == TeamMember.Role.MANAGER:
        raise ValidationError({"role": _("Choose a role from the list.")})
    membership = selectors.team_candidates(pcase).filter(user=user).first()
    if membership is None:
        raise ValidationError(
            {"user": _("Only people of the lead organisation or of an agency the case is referred to can join.")}
        )
    if pcase.team.filter(user=user).exists():
        raise ValidationError({"user": _("This person is already on the team.")})
    member = TeamMember.objects.create(
        case=pcase, user=user, organisation=membership.organisation, role=role, added_by=actor
    )
    case_services.record_event(pcase.case, actor, "assigned", person=str(user.uuid), role=role)
    _audit(actor, pcase, "create", "team member", instance=member)
    _tell(pcase, actor, [user], gettext_lazy("You are on the intervention team of %(reference)s"))
    return member


@transaction.atomic
def team_member_remove(*, actor, member: TeamMember) -> None:
    pcase = member.case
    _require_lead(actor, pcase)
    if member.role == TeamMember.Role.MANAGER:
        raise ValidationError(_("The case manager stays on the team; hand the case over instead."))
    _audit(actor, pcase, "delete", "team member", instance=member, before=audit.snapshot(member), after={})
    member.delete()


# --- Referrals --------------------------------------------------------------------------------------


def _referral_url(referral: Referral) -> str:
    return reverse("protection:referral", kwargs={"uuid": referral.uuid})


def _agency_people(organisation) -> list:
    return [m.user for m in organisation_selectors.members_of(organisation) if m.role in {Role.ADMIN, Role.STAFF}]


@transaction.atomic
def referral_send(
    *,
    actor,
    pcase: ProtectionCase,
    to_organisation,
    sections,
    purpose: str,
    basis: str,
    basis_detail: str,
    deadline: datetime.date | None,
    transfer_ownership: bool = False,
) -> Referral:
    """The lead refers the case to another agency, sharing only the sections it names, on the person's
    consent or a recorded lawful basis, until a deadline."""
    _require_lead(actor, pcase)
    errors = {}
    sections = [section for section in SECTION_KEYS if section in set(sections or [])]
    if not sections:
        errors["sections"] = _("Name at least one section to share.")
    if to_organisation is None or not selectors.receivers(pcase).filter(pk=to_organisation.pk).exists():
        # Only the agencies and NGOs of the lead's country, whoever calls (form, API or script).
        errors["to_organisation"] = _("Choose another agency.")
    if not purpose.strip():
        errors["purpose"] = _("Say what is asked of the agency.")
    if basis not in Referral.Basis.values:
        errors["basis"] = _("Record the person's consent or the lawful basis.")
    if not basis_detail.strip():
        errors["basis_detail"] = _(
            "Say how consent was given (when, in what form) or cite the law the sharing rests on."
        )
    if deadline is None or deadline < timezone.localdate():
        errors["deadline"] = _("Give a deadline from today onwards.")
    if errors:
        raise ValidationError(errors)
    referral = Referral.objects.create(
        case=pcase,
        from_organisation=pcase.case.organisation,
        to_organisation=to_organisation,
        sections=sections,
        purpose=purpose.strip(),
        basis=basis,
        basis_detail=basis_detail.strip(),
        deadline=deadline,
        transfer_ownership=transfer_ownership,
        sent_by=actor,
    )
    case_services.record_event(pcase.case, actor, "referral", referral=str(referral.uuid), state="sent")
    _audit(actor, pcase, "create", "referral sent", instance=referral)
    _tell(
        pcase,
        actor,
        _agency_people(to_organisation),
        gettext_lazy("A protection case has been referred to your agency: %(reference)s"),
        url=_referral_url(referral),
    )
    return referral


def _answer(actor, referral: Referral, state: str, summary: str, outcome: str = "") -> Referral:
    before = audit.snapshot(referral, ["state", "outcome"])
    referral.state, referral.answered_by, referral.answered_at = state, actor, timezone.now()
    if outcome:
        referral.outcome = outcome
    if state != Referral.State.ACCEPTED:
        referral.ended_at = timezone.now()
    referral.save()
    pcase = referral.case
    case_services.record_event(pcase.case, actor, "referral", referral=str(referral.uuid), state=state)
    _audit(
        actor,
        pcase,
        "update",
        summary,
        instance=referral,
        before=before,
        after=audit.snapshot(referral, ["state", "outcome"]),
    )
    return referral


def _locked(referral: Referral) -> Referral:
    return (
        Referral.objects.select_for_update()
        .select_related("case__case__organisation", "case__person", "to_organisation")
        .get(pk=referral.pk)
    )


@transaction.atomic
def referral_accept(*, actor, referral: Referral) -> Referral:
    """The receiving agency accepts; if the referral hands the case over, the person accepting becomes
    its accountable manager and their agency the lead, now and not before."""
    referral = _locked(referral)
    if not actor.has_perm("protection.answer_referral", referral):
        raise PermissionDenied("protection.answer_referral")
    if referral.deadline < timezone.localdate():
        raise ValidationError(_("The deadline of this referral has passed."))
    pcase = referral.case
    if referral.transfer_ownership:
        case_services.case_transfer(actor=actor, case=pcase.case, organisation=referral.to_organisation, owner=actor)
        pcase.case.refresh_from_db()
        TeamMember.objects.update_or_create(
            case=pcase,
            user=actor,
            defaults={"organisation": referral.to_organisation, "role": TeamMember.Role.MANAGER, "added_by": actor},
        )
        pcase.team.filter(role=TeamMember.Role.MANAGER).exclude(user=actor).update(role=TeamMember.Role.SOCIAL_WORKER)
        _answer(
            actor, referral, Referral.State.COMPLETED, "referral accepted: case handed over", _("Case handed over.")
        )
    else:
        _answer(actor, referral, Referral.State.ACCEPTED, "referral accepted")
    _tell(
        pcase,
        actor,
        [referral.sent_by, pcase.case.owner],
        gettext_lazy("Your referral of %(reference)s was accepted"),
        url=_referral_url(referral),
    )
    return referral


@transaction.atomic
def referral_decline(*, actor, referral: Referral, reason: str) -> Referral:
    referral = _locked(referral)
    if not actor.has_perm("protection.answer_referral", referral):
        raise PermissionDenied("protection.answer_referral")
    if not reason.strip():
        raise ValidationError({"outcome": _("Say why the referral is declined.")})
    _answer(actor, referral, Referral.State.DECLINED, "referral declined", reason.strip())
    _tell(
        referral.case,
        actor,
        [referral.sent_by, referral.case.case.owner],
        gettext_lazy("Your referral of %(reference)s was declined"),
        url=_referral_url(referral),
    )
    return referral


@transaction.atomic
def referral_complete(*, actor, referral: Referral, outcome: str) -> Referral:
    """The work asked is done: the outcome is recorded and the agency's access ends."""
    referral = _locked(referral)
    if not actor.has_perm("protection.complete_referral", referral):
        raise PermissionDenied("protection.complete_referral")
    if not outcome.strip():
        raise ValidationError({"outcome": _("Record the outcome of the referral.")})
    _answer(actor, referral, Referral.State.COMPLETED, "referral completed", outcome.strip())
    _tell(
        referral.case,
        actor,
        [referral.sent_by, referral.case.case.owner, *_agency_people(referral.to_organisation)],
        gettext_lazy("A referral of %(reference)s is completed"),
        url=_referral_url(referral),
    )
    return referral


@transaction.atomic
def referral_revoke(*, actor, referral: Referral, reason: str) -> Referral:
    """The lead withdraws the sharing (consent withdrawn, risk changed): access ends at once."""
    referral = _locked(referral)
    if not actor.has_perm("protection.end_referral", referral):
        raise PermissionDenied("protection.end_referral")
    if not reason.strip():
        raise ValidationError({"outcome": _("Say why the referral is revoked.")})
    _answer(actor, referral, Referral.State.REVOKED, "referral revoked", reason.strip())
    _tell(
        referral.case,
        actor,
        _agency_people(referral.to_organisation),
        gettext_lazy("A referral of %(reference)s was revoked"),
        url=reverse("protection:index"),
    )
    return referral


def referrals_expire(now) -> int:
    """Mark as expired the referrals whose deadline has passed (access already ended on the day: the
    selectors check the date); idempotent."""
    count = 0
    for referral in selectors.expired_referrals().select_related("case__case__organisation"):
        with transaction.atomic():
            referral.state, referral.ended_at = Referral.State.EXPIRED, now
            referral.save(update_fields=["state", "ended_at", "updated_at"])
            audit.record_change(
                actor=None,
                instance=referral,
                action="update",
                after={"state": "expired"},
                organisation_uuid=referral.case.case.organisation.uuid,
                summary="referral expired",
            )
            count += 1
    return count


# --- Emergency access ----------------------------------------------------------------------------------


@transaction.atomic
def emergency_access_grant(*, actor, pcase: ProtectionCase, reason: str) -> EmergencyAccess:
    """ "Break the glass": someone of the lead organisation outside the team reads the whole case for a
    while, for a stated reason; the lead organisation's administrators are told at once."""
    if not actor.has_perm("protection.break_glass", pcase):
        raise PermissionDenied("protection.break_glass")
    if len(reason.strip()) < 10:
        raise ValidationError({"reason": _("State the emergency in a sentence (at least 10 characters).")})
    grant = EmergencyAccess.objects.create(
        case=pcase,
        user=actor,
        reason=reason.strip(),
        expires_at=timezone.now() + datetime.timedelta(hours=settings.CIVICA_PROTECTION_EMERGENCY_HOURS),
    )
    _audit(actor, pcase, "event", "emergency access", instance=grant)
    admins = [m.user for m in organisation_selectors.members_of(pcase.case.organisation) if m.role == Role.ADMIN]
    notifications.notify(
        recipients=admins,
        subject=gettext_lazy("Emergency access to %(reference)s"),
        template="protection/email/emergency.txt",
        exclude=actor,
        context={
            "reference": pcase.case.reference,
            "who": actor.get_full_name() or actor.email,
            "reason": grant.reason,
            "until": grant.expires_at,
        },
        url=reverse("protection:access_log", kwargs={"slug": pcase.case.organisation.slug}),
    )
    return grant


# --- The sections --------------------------------------------------------------------------------------


@transaction.atomic
def risk_assessment_add(*, actor, pcase: ProtectionCase, answers: dict, notes: str = "") -> RiskAssessment:
    organisation = _require_section(actor, pcase, "risk")
    clean = {key: bool(answers.get(key)) for key in risk.QUESTION_KEYS}
    total, level = risk.score(clean)
    assessment = RiskAssessment.objects.create(
        case=pcase,
        organisation=organisation,
        assessed_by=actor,
        answers=clean,
        notes=notes.strip(),
        score=total,
        level=level,
    )
    _audit(actor, pcase, "create", "risk assessment", instance=assessment)
    if level in {"high", "severe"}:
        _tell(pcase, actor, [pcase.case.owner], gettext_lazy("High risk assessed on %(reference)s"))
    return assessment


@transaction.atomic
def safety_plan_set(*, actor, pcase: ProtectionCase, plan: str) -> ProtectionCase:
    _require_lead(actor, pcase)
    if not plan.strip():
        raise ValidationError({"plan": _("Write the safety plan.")})
    pcase.safety_plan, pcase.safety_plan_updated_at = plan.strip(), timezone.now()
    pcase.save(update_fields=["safety_plan", "safety_plan_updated_at"])
    _audit(actor, pcase, "update", "safety plan", after=audit.snapshot(pcase, ["safety_plan"]))
    return pcase


@transaction.atomic
def order_add(
    *,
    actor,
    pcase: ProtectionCase,
    kind: str,
    authority: str,
    issued_on,
    expires_on,
    number: str = "",
    measures: str = "",
) -> ProtectionOrder:
    organisation = _require_section(actor, pcase, "orders")
    errors = {}
    if kind not in ProtectionOrder.Kind.values:
        errors["kind"] = _("Choose a provisional or a final order.")
    if not authority.strip():
        errors["authority"] = _("Name the authority that issued the order.")
    if issued_on and expires_on and expires_on < issued_on:
        errors["expires_on"] = _("An order cannot end before it is issued.")
    if errors:
        raise ValidationError(errors)
    order = ProtectionOrder.objects.create(
        case=pcase,
        organisation=organisation,
        kind=kind,
        authority=authority.strip(),
        number=number.strip(),
        issued_on=issued_on,
        expires_on=expires_on,
        measures=measures.strip(),
        created_by=actor,
    )
    _audit(actor, pcase, "create", "protection order", instance=order)
    # The order's end is a deadline of its own on the follow-up schedule.
    FollowUp.objects.create(
        case=pcase,
        organisation=organisation,
        title=_("Protection order %(number)s ends") % {"number": order.number or order.get_kind_display()},
        due_on=expires_on,
        assignee=pcase.case.owner,
        created_by=actor,
    )
    return order


@transaction.atomic
def service_add(*, actor, pcase: ProtectionCase, kind: str, provided_on, notes: str = "") -> ServiceProvided:
    organisation = _require_section(actor, pcase, "services")
    if kind not in ServiceProvided.Kind.values:
        raise ValidationError({"kind": _("Choose a service from the list.")})
    if provided_on > timezone.localdate():
        raise ValidationError({"provided_on": _("A service provided cannot be in the future.")})
    service = ServiceProvided.objects.create(
        case=pcase, organisation=organisation, kind=kind, provided_on=provided_on, notes=notes.strip(), created_by=actor
    )
    _audit(actor, pcase, "create", "service provided", instance=service)
    return service


@transaction.atomic
def follow_up_add(*, actor, pcase: ProtectionCase, title: str, due_on, assignee=None) -> FollowUp:
    organisation = _require_section(actor, pcase, "follow_ups")
    if not title.strip():
        raise ValidationError({"title": _("Say what is to be done.")})
    if due_on < timezone.localdate():
        raise ValidationError({"due_on": _("Give a date from today onwards.")})
    follow_up = FollowUp.objects.create(
        case=pcase,
        organisation=organisation,
        title=title.strip(),
        due_on=due_on,
        assignee=assignee or actor,
        created_by=actor,
    )
    _audit(actor, pcase, "create", "follow-up", instance=follow_up)
    return follow_up


@transaction.atomic
def follow_up_done(*, actor, follow_up: FollowUp) -> FollowUp:
    _require_section(actor, follow_up.case, "follow_ups")
    if follow_up.done_at is None:
        follow_up.done_at = timezone.now()
        follow_up.save(update_fields=["done_at", "updated_at"])
        _audit(actor, follow_up.case, "update", "follow-up done", instance=follow_up)
    return follow_up


@transaction.atomic
def contribution_add(*, actor, pcase: ProtectionCase, section: str, body: str) -> Contribution:
    if section not in SECTION_KEYS:
        raise ValidationError({"section": _("Choose a section from the list.")})
    organisation = _require_section(actor, pcase, section)
    if not body.strip():
        raise ValidationError({"body": _("Write the note.")})
    note = Contribution.objects.create(
        case=pcase, organisation=organisation, author=actor, section=section, body=body.strip()
    )
    _audit(actor, pcase, "create", f"contribution to {section}", instance=note)
    if actor.pk != pcase.case.owner_id:
        _tell(pcase, actor, [pcase.case.owner], gettext_lazy("New contribution to %(reference)s"))
    return note


def follow_up_reminders(now) -> int:
    """Remind the person responsible two days before a follow-up is due and once it is overdue; each
    only once per due date (the job may run late or twice)."""
    today = timezone.localdate(now)
    sent = 0
    for follow_up in selectors.follow_ups_due(before=today + datetime.timedelta(days=2)):
        pcase = follow_up.case
        people = [follow_up.assignee or pcase.case.owner]
        if follow_up.due_on < today and follow_up.reminded_overdue != follow_up.due_on:
            subject = gettext_lazy("Overdue follow-up on %(reference)s")
            follow_up.reminded_overdue = follow_up.due_on
        elif follow_up.due_on >= today and follow_up.reminded_before != follow_up.due_on:
            subject = gettext_lazy("Follow-up due soon on %(reference)s")
            follow_up.reminded_before = follow_up.due_on
        else:
            continue
        with transaction.atomic():
            follow_up.save(update_fields=["reminded_before", "reminded_overdue"])
            _tell(pcase, None, people, subject, follow_up.title)
        sent += 1
    return sent


# --- Retention and rights -------------------------------------------------------------------------------


def _blank_case(pcase: ProtectionCase, now) -> None:
    pcase.narrative = pcase.injuries = pcase.incident_address = pcase.safety_plan = ""
    pcase.children = None
    pcase.anonymised_at = now
    pcase.save(update_fields=["narrative", "injuries", "incident_address", "children", "safety_plan", "anonymised_at"])
    for model, fields in (
        (RiskAssessment, {"answers": None, "notes": ""}),
        (ProtectionOrder, {"measures": ""}),
        (ServiceProvided, {"notes": ""}),
        (Contribution, {"body": ""}),
    ):
        model.objects.filter(case=pcase).update(**fields)


def _blank_person(person: ProtectedPerson, now, *, erased: bool = False) -> None:
    person.full_name = person.address = person.contact = ""
    person.anonymised_at = person.anonymised_at or now
    if erased:
        person.erased_at = now
    person.save(update_fields=["full_name", "address", "contact", "anonymised_at", "erased_at", "updated_at"])


def anonymise_due(now) -> int:
    """Anonymise the cases closed longer ago than the retention period (unless under a legal hold):
    every encrypted field emptied; the code, kind, territory, age and sex stay for the statistics.
    The person is anonymised once none of their cases is still kept."""
    count = 0
    for pcase in selectors.cases_to_anonymise(now=now):
        with transaction.atomic():
            _blank_case(pcase, now)
            person = pcase.person
            if not person.cases.filter(anonymised_at__isnull=True).exists():
                _blank_person(person, now)
            audit.record_change(
                actor=None,
                instance=pcase.case,
                action="update",
                after={"anonymised": str(now)},
                organisation_uuid=pcase.case.organisation.uuid,
                summary="anonymised after the retention period",
            )
            count += 1
    return count


@transaction.atomic
def legal_hold_set(*, actor, pcase: ProtectionCase, hold: bool, reason: str = "") -> ProtectionCase:
    _require_lead(actor, pcase)
    if hold and not reason.strip():
        raise ValidationError({"legal_hold_reason": _("Say why the data must be kept (proceedings, a court order).")})
    pcase.legal_hold, pcase.legal_hold_reason = hold, reason.strip() if hold else ""
    pcase.save(update_fields=["legal_hold", "legal_hold_reason"])
    _audit(actor, pcase, "update", "legal hold", after={"legal_hold": hold, "reason": pcase.legal_hold_reason})
    return pcase


@transaction.atomic
def person_export_record(*, actor, person: ProtectedPerson) -> dict:
    """The person's data as JSON (GDPR art. 15, 20); the export itself is logged."""
    if not actor.has_perm("protection.manage_person", person):
        raise PermissionDenied("protection.manage_person")
    data = selectors.person_export(user=actor, person=person)
    audit.record_change(
        actor=actor,
        instance=person,
        action="event",
        summary="exported on request",
        organisation_uuid=person.organisation.uuid,
    )
    return data


@transaction.atomic
def person_erase(*, actor, person: ProtectedPerson) -> ProtectedPerson:
    """Erase the person's data on request (GDPR art. 17), unless a legal hold applies to one of their cases."""
    if not actor.has_perm("protection.manage_person", person):
        raise PermissionDenied("protection.manage_person")
    held = selectors.held_cases(person)
    if held:
        raise ValidationError(
            _("A legal hold applies to %(cases)s: the data cannot be erased while it lasts.")
            % {"cases": ", ".join(held)}
        )
    now = timezone.now()
    for pcase in person.cases.select_related("case"):
        _blank_case(pcase, now)
    _blank_person(person, now, erased=True)
    audit.record_change(
        actor=actor,
        instance=person,
        action="update",
        summary="erased on request",
        organisation_uuid=person.organisation.uuid,
    )
    return person
