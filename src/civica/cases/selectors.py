"""Every read of cases, scoped to the acting person.

Who sees a case: the handling organisation's staff and administrators; its experts only when they
own it or are assigned to it; the requesting organisation's members (without internal notes).
"""

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from civica.core import crypto, search, topics
from civica.organisations import selectors as organisation_selectors
from civica.organisations.models import Organisation, Role

from . import workflows
from .document_kinds import DocumentKind
from .models import Case, CaseDocument, CaseEvent, CaseNote, Consultation, DocumentTemplate
from .workflows import ADMIN, OWNER, REQUESTER, STAFF


@dataclass(frozen=True)
class Grant:
    """One way a person reaches a case: the case's `field` holds one of `values` (and its workflow is
    not one of `unless_workflows`). The same grant answers for one case (`holds`, for the `rules`
    predicates) and for a list (`q`, for the querysets), so the two cannot disagree."""

    capacity: str
    field: str
    values: frozenset
    unless_workflows: frozenset = frozenset()

    def holds(self, case: Case) -> bool:
        return getattr(case, self.field) in self.values and case.workflow not in self.unless_workflows

    def q(self) -> Q:
        condition = Q(**{f"{self.field}__in": sorted(self.values)})
        if self.unless_workflows:
            condition &= ~Q(workflow__in=sorted(self.unless_workflows))
        return condition


def grants(user) -> list[Grant]:
    """THE definition of who reaches a case, and in which capacity: the handling organisation's
    administrators (always) and staff (except on a confidential workflow: a protection case is not
    for every colleague), the case's owner, and the requesting organisation's members or the person
    who asked. Assignment (a relation) is the one other way in: `is_assigned` / `assignments__user`."""
    if not getattr(user, "is_authenticated", False):
        return []
    roles = organisation_selectors.roles_of(user)
    admins = frozenset(o for o, role in roles.items() if role == Role.ADMIN)
    staff = frozenset(o for o, role in roles.items() if role == Role.STAFF)
    confidential = frozenset(workflows.confidential_keys())
    return [
        Grant(ADMIN, "organisation_id", admins),
        Grant(STAFF, "organisation_id", admins),
        Grant(STAFF, "organisation_id", staff, confidential),
        Grant(OWNER, "owner_id", frozenset({user.pk})),
        Grant(REQUESTER, "requester_organisation_id", frozenset(roles)),
        Grant(REQUESTER, "requester_id", frozenset({user.pk})),
    ]


def capacities(user, case: Case) -> set[str]:
    """In which capacities the person acts on this case (owner, staff, admin, requester)."""
    return {grant.capacity for grant in grants(user) if grant.holds(case)}


def is_assigned(user, case: Case) -> bool:
    return case.assignments.filter(user=user).exists()


def cases_visible_to(user) -> QuerySet[Case]:
    """The cases the person sees: every grant of `grants`, or an assignment (what `cases.view_case`
    allows, built from the same definition)."""
    if not getattr(user, "is_authenticated", False):
        return Case.objects.none()
    visible = Q(assignments__user=user)
    for grant in grants(user):
        if grant.values:
            visible |= grant.q()
    return (
        Case.objects.filter(pk__in=Case.objects.filter(visible).values("pk"))
        .select_related("organisation", "requester_organisation", "owner", "team")
        .order_by("-created_at", "pk")
    )


def cases_visible_to_organisation(organisation) -> QuerySet[Case]:
    """Everything an organisation handles, for system work (the demo, reports); never for a person's page."""
    return Case.objects.filter(organisation=organisation)


def case_get(*, user, reference: str) -> Case:
    return cases_visible_to(user).get(reference=reference)


def inbox(user) -> QuerySet[Case]:
    """Open cases the person owns or is assigned to, soonest deadline first."""
    open_states = workflows.open_states()
    return (
        cases_visible_to(user)
        .filter(Q(owner=user) | Q(assignments__user=user) | Q(team__members=user))
        .filter(state__in=open_states)
        .distinct()
        .order_by("due_at", "pk")
    )


def team_inbox(team) -> QuerySet[Case]:
    return (
        Case.objects.filter(team=team, state__in=workflows.open_states())
        .select_related("organisation", "owner")
        .order_by("due_at", "pk")
    )


def timeline(*, user, case: Case) -> QuerySet[CaseEvent]:
    events = case.events.select_related("actor")
    if capacities(user, case) & {STAFF, ADMIN, OWNER} or is_assigned(user, case):
        return events
    return events.filter(visible_to_requester=True)


def notes(*, user, case: Case) -> list[CaseNote]:
    """The notes the person may read, each with its clear `text` (the stored body is encrypted)."""
    queryset = case.notes.select_related("author")
    if not (capacities(user, case) & {STAFF, ADMIN, OWNER} or is_assigned(user, case)):
        queryset = queryset.filter(shared_with_requester=True)
    found = list(queryset)
    for note in found:
        note.text = crypto.reveal(note.body)
    return found


def request_recipients():
    """Organisations that take requests: resource, mediation and coordination centres and mediation bodies."""
    return organisation_selectors.organisations_visible_to(None).filter(
        kind__in=[Organisation.Kind.CENTRE, Organisation.Kind.MEDIATION_BODY]
    )


def case_directory(*, user, query: str = "", state: str = "", scope: str = "all") -> QuerySet[Case]:
    queryset = inbox(user) if scope == "mine" else cases_visible_to(user)
    if query:
        queryset = queryset.filter(Q(reference__icontains=query) | Q(title__icontains=query))
    if state:
        queryset = queryset.filter(state=state)
    return queryset


def workers_for(case: Case):
    """People who may own or be assigned to the case: the handling organisation's non-member roles."""
    return [m.user for m in organisation_selectors.members_of(case.organisation) if m.role != "member"]


def tasks(case: Case):
    return case.tasks.select_related("assignee")


def consultations(case: Case) -> QuerySet[Consultation]:
    return case.consultations.all()


def _handled_ids(user) -> list[int]:
    return organisation_selectors.organisation_ids_with_role(user)


def similar_solutions(*, user, case: Case, topic: str = "", territory: str = "", limit: int = 5) -> list[Case]:
    """Closed cases of the organisations the person handles cases for that resemble this one, best first,
    optionally only those on a topic or from a territory (or a place inside it).

    Only their title and outcome are ever shown: they were indexed without summary, notes or parties."""
    uuids = list(Organisation.objects.filter(pk__in=_handled_ids(user)).values_list("uuid", flat=True))
    tags = ([topics.tag(topic)] if topic else []) + ([f"territory:{territory}"] if territory else [])
    hits = search.search(
        case.title,
        visible_organisation_uuids=uuids,
        include_public=False,
        record_types=["cases.case"],
        tags=tags,
        limit=limit + 1,
        match_any=True,
    )
    order = {hit.record_uuid: index for index, hit in enumerate(hits) if hit.record_uuid != case.uuid}
    found = Case.objects.filter(uuid__in=list(order)).only("uuid", "reference", "title", "outcome", "workflow")
    return sorted(found, key=lambda solution: order[solution.uuid])[:limit]


def solution_get(*, user, uuid) -> Case:
    """A closed case offered as a solution: handled by one of the person's organisations."""
    return (
        Case.objects.filter(organisation_id__in=_handled_ids(user), closed_at__isnull=False)
        .exclude(outcome="")
        .get(uuid=uuid)
    )


def good_practices(*, user, case: Case, topic: str = "", limit: int = 5) -> list:
    """Knowledge-library entries (good practices, methodology, model forms) that resemble the case and
    that the person may read: public ones, and members-only ones of their own organisations."""
    uuids = list(
        Organisation.objects.filter(pk__in=organisation_selectors.roles_of(user)).values_list("uuid", flat=True)
    )
    return search.search(
        case.title,
        visible_organisation_uuids=uuids,
        include_public=True,
        record_types=["knowledge.knowledgeitem"],
        tags=[topics.tag(topic)] if topic else None,
        limit=limit,
        match_any=True,
    )


def documents_visible(*, user, case: Case) -> QuerySet[CaseDocument]:
    """The documents of a case this person may see: all for the handling side, the shared ones for the
    requester side."""
    queryset = case.documents.select_related("case", "created_by")
    if not user.has_perm("cases.work_on_case", case):
        queryset = queryset.filter(shared_with_requester=True)
    return queryset


def document_get(*, user, case: Case, uuid) -> CaseDocument:
    return documents_visible(user=user, case=case).get(uuid=uuid)


def template_organisations(user) -> QuerySet[Organisation]:
    """The organisations whose document templates this person edits: those they administer."""
    return organisation_selectors.own_organisations(user, roles=frozenset({Role.ADMIN}))


def template_in_use(organisation, kind: DocumentKind, language: str) -> bytes:
    """The centre's newest active upload for this kind and language, else the default."""
    custom = DocumentTemplate.objects.filter(
        organisation=organisation, kind=kind.key, language=language, active=True
    ).first()
    if custom:
        with custom.file.open("rb") as handle:
            return handle.read()
    return kind.default_template(language)


def customised_languages(organisation) -> dict[str, list[str]]:
    """For each document kind, the languages in which the organisation uses its own template."""
    found: dict[str, list[str]] = {}
    rows = DocumentTemplate.objects.filter(organisation=organisation, active=True).values_list("kind", "language")
    for kind, language in rows.distinct().order_by("kind", "language"):
        found.setdefault(kind, []).append(language)
    return found


def template_history(organisation, kind_key: str) -> list[DocumentTemplate]:
    """Every upload of one kind, newest first, including those no longer in use."""
    return list(DocumentTemplate.objects.filter(organisation=organisation, kind=kind_key).select_related("uploaded_by"))
