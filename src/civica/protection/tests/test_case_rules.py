"""One source of truth for who reaches a case (issue 14, point 12): each `cases` predicate as a matrix
of role x action on a confidential protection case, and, for every (person, case) pair of a fixture
world, the predicate `cases.view_case` says yes exactly when `cases_visible_to` lists the case."""

import pytest

from civica.cases import selectors as case_selectors
from civica.cases import services as case_services

pytestmark = pytest.mark.django_db

ACTIONS = ("cases.view_case", "cases.work_on_case", "cases.assign_case", "cases.add_shared_note")

# A confidential protection case of the lead (DGASPC): its manager (owner) and administrators work on
# it; a staff colleague of the same DGASPC does NOT (the leak the issue describes), nor anyone else.
ALLOWED = {
    "manager": set(ACTIONS),
    "lead_admin": set(ACTIONS),
    "lead_staff": set(),
    "lead_member": set(),
    "police": set(),
    "police_member": set(),
    "ngo": set(),
    "other": set(),
}


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("role", sorted(ALLOWED))
def test_protection_case_predicates_by_role_and_action(world, pcase, role, action):
    """Deny unless a grant allows: the DGASPC colleague is refused like an outsider."""
    person = world["people"][role]
    assert person.has_perm(action, pcase.case) == (action in ALLOWED[role])


def test_the_dgaspc_colleague_is_refused_by_the_predicate_and_the_queryset(world, pcase):
    """The regression: handles_case said yes where cases_visible_to said no."""
    colleague = world["people"]["lead_staff"]
    assert not case_selectors.capacities(colleague, pcase.case)
    assert pcase.case not in case_selectors.cases_visible_to(colleague)


def test_an_assigned_colleague_is_let_in_by_both(world, pcase):
    """Assignment is the other way in, and both sides know it."""
    colleague = world["people"]["lead_staff"]
    case_services.case_assign(actor=world["people"]["manager"], case=pcase.case, person=colleague)
    assert colleague.has_perm("cases.view_case", pcase.case)
    assert pcase.case in case_selectors.cases_visible_to(colleague)


def test_predicate_equals_queryset_for_every_person_and_case(world, pcase):
    """For every (person, case) of the world (a confidential protection case and an ordinary request
    of the same lead, asked by the NGO), the predicate and the list agree."""
    request = case_services.case_open(
        actor=world["people"]["ngo"],
        workflow="request",
        organisation=world["lead"],
        requester_organisation=world["ngo"],
        title="Cerere de informații",
        language="ro",
    )
    cases = [pcase.case, request]
    for role, person in world["people"].items():
        visible = set(case_selectors.cases_visible_to(person).values_list("pk", flat=True))
        for case in cases:
            assert person.has_perm("cases.view_case", case) == (case.pk in visible), (role, case.workflow)
    # The ordinary request is for the lead's staff; the confidential case is not.
    assert world["people"]["lead_staff"].has_perm("cases.view_case", request)


def test_the_list_stays_one_query_whatever_the_number_of_cases(world, pcase, django_assert_max_num_queries):
    """The queryset is built from the grants, not by running the predicate on each row."""
    for index in range(10):
        case_services.case_open(
            actor=world["people"]["ngo"],
            workflow="request",
            organisation=world["lead"],
            requester_organisation=world["ngo"],
            title=f"Cerere {index}",
            language="ro",
        )
    person = world["people"]["lead_staff"]
    case_selectors.cases_visible_to(person)  # the person's roles are read once and kept
    with django_assert_max_num_queries(1):
        assert len(list(case_selectors.cases_visible_to(person))) == 10
