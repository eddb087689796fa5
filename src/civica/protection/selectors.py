"""Every read of protection cases, scoped to the acting person, and every read of a sensitive section logged.

Who sees what:
- the lead side (the accountable case manager, the lead organisation's administrators, and members of
  the intervention team who work in the lead organisation): every section;
- a receiving agency's staff and administrators: only the sections its referral names, only while the
  referral is accepted and its deadline has not passed (expiry is checked on every read, not left to
  the periodic job);
- someone of the lead organisation who granted themselves emergency access, with a stated reason:
  every section until the grant runs out;
- anyone else: nothing, by page, list, search, or file link (the case core's document links answer
  only to the lead organisation).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import F, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from civica.core import audit, crypto
from civica.core import selectors as core_selectors
from civica.mediation import eligibility
from civica.organisations import selectors as organisation_selectors
from civica.organisations.models import Membership, Organisation, Role, Territory

from .models import (
    SECTION_KEYS,
    SECTIONS,
    EmergencyAccess,
    FollowUp,
    ProtectedPerson,
    ProtectionCase,
    Referral,
)

ALL_SECTIONS = frozenset(SECTION_KEYS)
WORKING_ROLES = frozenset({Role.ADMIN, Role.STAFF})


@dataclass(frozen=True)
class Access:
    sections: frozenset = frozenset()
    lead: bool = False
    emergency: EmergencyAccess | None = None
    referrals: tuple = field(default_factory=tuple)

    def __bool__(self):
        return bool(self.sections)

    @property
    def reason(self) -> str:
        # Stored in the access log in English, the language of the trail.
        if self.lead:
            return "case work (lead organisation)"
        if self.emergency is not None:
            return f"emergency access: {self.emergency.reason}"
        return "referral " + ", ".join(str(referral.uuid) for referral in self.referrals)


def _working_ids(user) -> list[int]:
    return organisation_selectors.organisation_ids_with_role(user, WORKING_ROLES)


def _active_referrals_q(prefix: str = "") -> Q:
    return Q(**{f"{prefix}state": Referral.State.ACCEPTED, f"{prefix}deadline__gte": timezone.localdate()})


def _base() -> QuerySet[ProtectionCase]:
    return ProtectionCase.objects.select_related(
        "case", "case__organisation", "case__owner", "person", "territory"
    ).order_by("-case__created_at", "pk")


def cases_visible_to(user) -> QuerySet[ProtectionCase]:
    """The cases a person may open: lead side, an active referral to their agency, or emergency access."""
    if not getattr(user, "is_authenticated", False):
        return ProtectionCase.objects.none()
    roles = organisation_selectors.roles_of(user)
    admin_ids = [org for org, role in roles.items() if role == Role.ADMIN]
    working = _working_ids(user)
    visible = (
        Q(case__owner=user)
        | Q(case__organisation_id__in=admin_ids)
        | Q(team__user=user, team__organisation_id=F("case__organisation_id"), case__organisation_id__in=working)
        | Q(
            referrals__to_organisation_id__in=working,
            referrals__state=Referral.State.ACCEPTED,
            referrals__deadline__gte=timezone.localdate(),
        )
        | Q(emergency_accesses__user=user, emergency_accesses__expires_at__gt=timezone.now())
    )
    return _base().filter(pk__in=ProtectionCase.objects.filter(visible).values("pk"))


def case_list(*, user, query: str = "", kind: str = "", state: str = "") -> QuerySet[ProtectionCase]:
    """Search by code only: names and addresses are encrypted and never searchable."""
    queryset = cases_visible_to(user)
    if query:
        queryset = queryset.filter(Q(case__reference__icontains=query) | Q(person__code__icontains=query))
    if kind:
        queryset = queryset.filter(kind=kind)
    if state:
        queryset = queryset.filter(case__state=state)
    return queryset


def access(user, pcase: ProtectionCase) -> Access:
    """Which sections of this case the person may read now, and on what ground."""
    if not getattr(user, "is_authenticated", False):
        return Access()
    roles = organisation_selectors.roles_of(user)
    lead_role = roles.get(pcase.case.organisation_id)
    if pcase.case.owner_id == user.pk or lead_role == Role.ADMIN:
        return Access(ALL_SECTIONS, lead=True)
    if lead_role == Role.STAFF and pcase.team.filter(user=user, organisation_id=pcase.case.organisation_id).exists():
        return Access(ALL_SECTIONS, lead=True)
    grant = pcase.emergency_accesses.filter(user=user, expires_at__gt=timezone.now()).first()
    if grant is not None:
        return Access(ALL_SECTIONS, emergency=grant)
    working = [org for org, role in roles.items() if role in WORKING_ROLES]
    referrals = tuple(pcase.referrals.filter(_active_referrals_q(), to_organisation_id__in=working))
    sections = frozenset(s for referral in referrals for s in referral.sections if s in ALL_SECTIONS)
    return Access(sections, referrals=referrals)


def may_break_glass(user, pcase: ProtectionCase) -> bool:
    """Staff of the lead organisation who are not on the case may ask for emergency access."""
    return organisation_selectors.role_in(user, pcase.case.organisation) in WORKING_ROLES


def case_get(*, user, reference: str) -> tuple[ProtectionCase, Access]:
    """The case and the person's access; DoesNotExist (404) when they may read nothing of it."""
    pcase = _base().get(case__reference=reference)
    found = access(user, pcase)
    if not found:
        raise ProtectionCase.DoesNotExist
    return pcase, found


def case_for_emergency(*, user, reference: str) -> ProtectionCase:
    pcase = _base().get(case__reference=reference)
    if not may_break_glass(user, pcase):
        raise ProtectionCase.DoesNotExist
    return pcase


def section_labels() -> dict:
    return dict(SECTIONS)


def _log(user, pcase: ProtectionCase, section: str, found: Access, channel: str) -> None:
    audit.record_access(
        actor=user,
        instance=pcase.case,
        organisation_uuid=pcase.case.organisation.uuid,
        channel=channel,
        reason=f"{section}: {found.reason}",
    )


def _by_org(queryset):
    return queryset.select_related("organisation")


def read_sections(*, user, pcase: ProtectionCase, found: Access, channel: str = "web") -> dict:
    """The clear content of every section the person may read, each read logged (who, when, which
    section, on what ground). Sections not allowed are simply absent."""
    data: dict = {}
    contributions: dict[str, list] = {}
    if found.sections:
        for note in _by_org(pcase.contributions.filter(section__in=found.sections)).select_related("author"):
            contributions.setdefault(note.section, []).append(
                {"organisation": note.organisation, "author": note.author, "at": note.created_at, "body": note.body}
            )
    for section in SECTION_KEYS:
        if section not in found.sections:
            continue
        _log(user, pcase, section, found, channel)
        content: dict = {
            "contributions": [{**c, "body": crypto.reveal(c["body"])} for c in contributions.get(section, [])]
        }
        if section == "person":
            person = pcase.person
            content.update(
                code=person.code,
                sex=person.get_sex_display(),
                birth_year=person.birth_year,
                full_name=crypto.reveal(person.full_name),
                address=crypto.reveal(person.address),
                contact=crypto.reveal(person.contact),
                incident_address=crypto.reveal(pcase.incident_address),
                children=crypto.reveal(pcase.children, is_json=True) or [],
            )
        elif section == "narrative":
            content.update(narrative=crypto.reveal(pcase.narrative), injuries=crypto.reveal(pcase.injuries))
        elif section == "risk":
            content["assessments"] = [
                {
                    "item": item,
                    "answers": crypto.reveal(item.answers, is_json=True) or {},
                    "notes": crypto.reveal(item.notes),
                }
                for item in _by_org(pcase.risk_assessments.all()).select_related("assessed_by")
            ]
        elif section == "safety_plan":
            content.update(plan=crypto.reveal(pcase.safety_plan), updated_at=pcase.safety_plan_updated_at)
        elif section == "orders":
            content["orders"] = [
                {"item": item, "measures": crypto.reveal(item.measures)} for item in _by_org(pcase.orders.all())
            ]
        elif section == "services":
            content["services"] = [
                {"item": item, "notes": crypto.reveal(item.notes)} for item in _by_org(pcase.services.all())
            ]
        elif section == "follow_ups":
            content["follow_ups"] = list(_by_org(pcase.follow_ups.all()).select_related("assignee"))
        data[section] = content
    return data


def team(pcase: ProtectionCase):
    return pcase.team.select_related("user", "organisation")


def referrals_of_case(*, pcase: ProtectionCase, found: Access) -> QuerySet[Referral]:
    """The lead side sees every referral; an agency only its own."""
    queryset = pcase.referrals.select_related("to_organisation", "from_organisation", "sent_by", "answered_by")
    if found.lead or found.emergency is not None:
        return queryset
    return queryset.filter(pk__in=[referral.pk for referral in found.referrals])


def incoming_referrals(user) -> QuerySet[Referral]:
    """Referrals sent to the person's agencies and waiting for an answer, or accepted and running."""
    return (
        Referral.objects.filter(to_organisation_id__in=_working_ids(user))
        .filter(Q(state=Referral.State.SENT) | _active_referrals_q())
        .select_related("case__case", "case__person", "to_organisation", "from_organisation")
        .order_by("deadline", "pk")
    )


def referral_get(*, user, uuid) -> Referral:
    """A referral, for its receiving agency's staff or the lead side of its case."""
    referral = Referral.objects.select_related(
        "case__case__organisation", "case__case__owner", "case__person", "to_organisation", "from_organisation"
    ).get(uuid=uuid)
    if referral.to_organisation_id in _working_ids(user) or access(user, referral.case).lead:
        return referral
    raise Referral.DoesNotExist


RECEIVING_KINDS = (Organisation.Kind.PUBLIC_AGENCY, Organisation.Kind.NGO)


def receivers(pcase: ProtectionCase) -> QuerySet[Organisation]:
    """Organisations a case may be referred to: the public agencies and NGOs of the lead's country,
    never the lead itself (a time bank, a company or an organisation abroad cannot receive a
    protection referral)."""
    lead = pcase.case.organisation
    return (
        Organisation.objects.filter(kind__in=RECEIVING_KINDS, country=lead.country)
        .exclude(pk=lead.pk)
        .order_by("name", "pk")
    )


def mediation_refusal(pcase: ProtectionCase) -> str | None:
    """The mediation procedure's own rule (civica.mediation.eligibility), applied to this case's kind."""
    return eligibility.refusal_reason(pcase.kind)


def lead_organisations(user) -> QuerySet[Organisation]:
    """Where the person may open protection cases: where they work and handle sensitive data."""
    return organisation_selectors.own_organisations(user, roles=WORKING_ROLES)


def team_candidates(pcase: ProtectionCase):
    """People who may join the team: those working in the lead organisation or in an agency the case
    has been referred to."""
    orgs = {pcase.case.organisation_id} | set(
        pcase.referrals.exclude(state__in=[Referral.State.DECLINED, Referral.State.REVOKED]).values_list(
            "to_organisation_id", flat=True
        )
    )
    return (
        Membership.objects.filter(organisation_id__in=orgs, role__in=WORKING_ROLES)
        .select_related("user", "organisation")
        .order_by("organisation__name", "user__email")
    )


def follow_ups_due(*, before) -> QuerySet[FollowUp]:
    """Open follow-ups due on or before a date, for the reminder job (system work, not a page)."""
    return FollowUp.objects.filter(done_at__isnull=True, due_on__lte=before).select_related(
        "case__case__owner", "case__case__organisation", "assignee"
    )


def expired_referrals() -> QuerySet[Referral]:
    return Referral.objects.filter(
        state__in=[Referral.State.SENT, Referral.State.ACCEPTED], deadline__lt=timezone.localdate()
    )


def cases_to_anonymise(*, now) -> QuerySet[ProtectionCase]:
    cutoff = now - timezone.timedelta(days=settings.CIVICA_PROTECTION_RETENTION_DAYS)
    return ProtectionCase.objects.filter(
        case__closed_at__lt=cutoff, anonymised_at__isnull=True, legal_hold=False
    ).select_related("case", "person")


# --- The access log -------------------------------------------------------------------------------


def log_organisations(user) -> QuerySet[Organisation]:
    """Organisations whose protection access log the person reviews: those they administer."""
    return organisation_selectors.own_organisations(user, roles=frozenset({Role.ADMIN}))


def access_log(*, user, organisation: Organisation, reference: str = ""):
    if organisation.pk not in organisation_selectors.administered_organisation_ids(user):
        raise Organisation.DoesNotExist
    queryset = core_selectors.access_log_for_organisation(organisation_uuid=organisation.uuid).filter(
        record_type="cases.case", record_label__startswith=PROTECTION_PREFIX
    )
    if reference:
        queryset = queryset.filter(record_label__startswith=reference)
    return queryset


PROTECTION_PREFIX = "PC-"


# --- Persons: export and erasure on request --------------------------------------------------------


def person_get(*, user, code: str) -> ProtectedPerson:
    """A person, for the administrators of the organisation that registered them or leads one of their cases."""
    admin_ids = organisation_selectors.administered_organisation_ids(user)
    return (
        ProtectedPerson.objects.filter(Q(organisation_id__in=admin_ids) | Q(cases__case__organisation_id__in=admin_ids))
        .distinct()
        .get(code=code)
    )


def person_export(*, user, person: ProtectedPerson) -> dict:
    """Everything held about the person (GDPR art. 15 and 20), in clear, the read logged per case."""
    cases = []
    for pcase in person.cases.select_related("case", "case__organisation", "case__owner", "territory"):
        sections = read_sections(user=user, pcase=pcase, found=Access(ALL_SECTIONS, lead=True), channel="export")
        cases.append(
            {
                "reference": pcase.case.reference,
                "kind": pcase.kind,
                "state": pcase.case.state,
                "opened": pcase.case.created_at.isoformat(),
                "lead_organisation": pcase.case.organisation.name,
                "narrative": sections["narrative"]["narrative"],
                "injuries": sections["narrative"]["injuries"],
                "incident_address": sections["person"]["incident_address"],
                "children": sections["person"]["children"],
                "safety_plan": sections["safety_plan"]["plan"],
                "risk_assessments": [
                    {
                        "date": entry["item"].created_at.isoformat(),
                        "score": entry["item"].score,
                        "level": entry["item"].level,
                        "answers": entry["answers"],
                        "notes": entry["notes"],
                    }
                    for entry in sections["risk"]["assessments"]
                ],
                "protection_orders": [
                    {
                        "kind": entry["item"].kind,
                        "authority": entry["item"].authority,
                        "number": entry["item"].number,
                        "issued_on": entry["item"].issued_on.isoformat(),
                        "valid_until": entry["item"].expires_on.isoformat(),
                        "measures": entry["measures"],
                    }
                    for entry in sections["orders"]["orders"]
                ],
                "services": [
                    {
                        "kind": entry["item"].kind,
                        "organisation": entry["item"].organisation.name,
                        "provided_on": entry["item"].provided_on.isoformat(),
                        "notes": entry["notes"],
                    }
                    for entry in sections["services"]["services"]
                ],
                "referrals": [
                    {
                        "to": referral.to_organisation.name,
                        "sections": referral.sections,
                        "basis": referral.basis,
                        "basis_detail": referral.basis_detail,
                        "state": referral.state,
                        "sent": referral.created_at.isoformat(),
                    }
                    for referral in pcase.referrals.select_related("to_organisation")
                ],
            }
        )
    return {
        "code": person.code,
        "sex": person.sex,
        "birth_year": person.birth_year,
        "full_name": crypto.reveal(person.full_name),
        "address": crypto.reveal(person.address),
        "contact": crypto.reveal(person.contact),
        "cases": cases,
    }


def held_cases(person: ProtectedPerson) -> list[str]:
    return list(person.cases.filter(legal_hold=True).values_list("case__reference", flat=True))


# --- Statistics --------------------------------------------------------------------------------------

AGE_BANDS = (
    ("0-17", 0, 17),
    ("18-29", 18, 29),
    ("30-44", 30, 44),
    ("45-64", 45, 64),
    ("65+", 65, 200),
)
UNKNOWN = "unknown"


def age_band(birth_year: int | None, year: int) -> str:
    if not birth_year:
        return UNKNOWN
    age = year - birth_year
    for label, low, high in AGE_BANDS:
        if low <= age <= high:
            return label
    return UNKNOWN


@dataclass
class Table:
    title: object
    rows: list  # (label, shown)
    total: str


COMPLEMENT = "*"


def suppress(counts: list[tuple[object, int]], *, threshold: int) -> tuple[list[tuple[object, str]], str]:
    """Small counts (1 to threshold-1) shown as "<threshold"; and, so that the total does not give a
    single hidden count away, the next smallest count is hidden too (complementary suppression, shown
    as "*"), or the total when there is no other count to hide."""
    small = f"<{threshold}"
    hidden = {index for index, (_label, count) in enumerate(counts) if 0 < count < threshold}
    total = sum(count for _label, count in counts)
    total_hidden = 0 < total < threshold
    complement = None
    if len(hidden) == 1 and not total_hidden:
        candidates = sorted(
            (count, index) for index, (_label, count) in enumerate(counts) if index not in hidden and count > 0
        )
        if candidates:
            complement = candidates[0][1]
        else:
            total_hidden = True
    rows = []
    for index, (label, count) in enumerate(counts):
        shown = small if index in hidden else COMPLEMENT if index == complement else str(count)
        rows.append((label, shown))
    return rows, (small if total_hidden else str(total))


def may_see_statistics(user) -> bool:
    return bool(_working_ids(user))


def statistics(*, territory_code: str = "", year: int | None = None) -> list[Table]:
    """Counts of protection cases by kind, territory, age band and sex: no personal data, small counts
    suppressed. One query; the grouping is done here so that the age band follows the opening year."""
    threshold = settings.CIVICA_PROTECTION_SMALL_COUNT
    queryset = ProtectionCase.objects.all()
    if territory_code:
        queryset = queryset.filter(Q(territory__code=territory_code) | Q(territory__parent__code=territory_code))
    if year:
        queryset = queryset.filter(case__created_at__year=year)
    rows = list(
        queryset.values_list(
            "kind",
            "territory__code",
            "territory__name",
            "territory__name_en",
            "person__birth_year",
            "person__sex",
            "case__created_at",
        )
    )
    kinds, territories, ages, sexes = Counter(), Counter(), Counter(), Counter()
    names = {}
    for kind, code, name, name_en, birth_year, sex, opened in rows:
        kinds[kind] += 1
        territories[code] += 1
        names[code] = name_en or name
        ages[age_band(birth_year, opened.year)] += 1
        sexes[sex] += 1
    kind_labels = dict(ProtectionCase.Kind.choices)
    sex_labels = dict(ProtectedPerson.Sex.choices)
    age_labels = [label for label, _low, _high in AGE_BANDS] + [UNKNOWN]
    tables = []
    for title, counts in (
        (_("By kind of violence"), [(kind_labels[key], kinds[key]) for key in kind_labels]),
        (_("By territory"), [(names[code], territories[code]) for code in sorted(territories, key=names.get)]),
        (
            _("By age band"),
            [(_("Age not recorded") if label == UNKNOWN else label, ages[label]) for label in age_labels],
        ),
        (_("By sex"), [(sex_labels[key], sexes[key]) for key in sex_labels]),
    ):
        shown, total = suppress(counts, threshold=threshold)
        tables.append(Table(title=title, rows=shown, total=total))
    return tables


def statistics_territories():
    return Territory.objects.filter(pk__in=ProtectionCase.objects.values("territory")).order_by("name")


def cases_led_by(organisation) -> QuerySet[ProtectionCase]:
    """Every case an organisation leads, for system work (the demo); never for a person's page."""
    return ProtectionCase.objects.filter(case__organisation=organisation)
