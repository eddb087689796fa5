"""The case workflows in code: unknown states are refused, reference codes count per prefix and
year, and only the roles a transition names may take it, from the right state."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from civica.cases import services, workflows
from civica.cases.models import Case


def test_a_workflow_with_unknown_states_is_refused():
    with pytest.raises(ValueError, match="unknown states"):
        workflows.Workflow(
            key="broken",
            label="Broken",
            prefix="BR",
            initial="a",
            states=(workflows.State("a", "A"),),
            transitions=(workflows.Transition("go", "Go", ("a",), "nowhere"),),
        )


def test_references_count_per_prefix_and_year(centre_world):
    centre, municipality, people = centre_world
    first = services.case_open(actor=people["centre_staff"], workflow="request", organisation=centre, title="Apel")
    second = services.case_open(
        actor=people["requester"],
        workflow="request",
        organisation=centre,
        requester_organisation=municipality,
        title="Cerere",
    )
    year = first.created_at.year
    assert (first.reference, second.reference) == (f"RC-{year}-000001", f"RC-{year}-000002")


def test_opening_sets_the_initial_state_and_its_deadline(request_case):
    assert request_case.state == "submitted"
    assert request_case.due_at - request_case.state_entered_at == timedelta(days=3)
    assert request_case.requester is not None
    assert [event.kind for event in request_case.events.all()] == ["opened"]


def test_only_the_handling_side_or_the_requester_can_open(centre_world):
    centre, _municipality, people = centre_world
    with pytest.raises(PermissionDenied):
        services.case_open(actor=people["outsider"], workflow="request", organisation=centre, title="X")
    with pytest.raises(PermissionDenied):
        services.case_open(actor=people["centre_member"], workflow="request", organisation=centre, title="X")
    with pytest.raises(ValidationError):
        services.case_open(actor=people["centre_staff"], workflow="request", organisation=centre, title="  ")
    assert not Case.objects.exists()


def test_the_full_path_from_request_to_closure(request_case, centre_world):
    _centre, _municipality, people = centre_world
    staff, requester = people["centre_staff"], people["requester"]
    case = services.case_transition(actor=staff, case=request_case, transition="triage")
    case = services.case_transition(actor=staff, case=case, transition="ask_requester")
    assert case.due_at is None  # waiting for the requester stops the clock
    case = services.case_transition(actor=requester, case=case, transition="reply")
    assert case.state == "analysis" and case.due_at - case.state_entered_at == timedelta(days=20)
    case = services.case_transition(actor=staff, case=case, transition="answer")
    with pytest.raises(ValidationError):
        services.case_transition(actor=staff, case=case, transition="close")
    case = services.case_transition(actor=staff, case=case, transition="close", outcome="Mediere recomandată")
    assert case.state == "closed" and case.closed_at is not None and case.due_at is None
    assert [e.data.get("transition") for e in case.events.filter(kind="transition")] == [
        "triage",
        "ask_requester",
        "reply",
        "answer",
        "close",
    ]


@pytest.mark.parametrize(
    ("role", "transition", "allowed"),
    [
        ("centre_staff", "triage", True),
        ("centre_admin", "triage", True),
        ("centre_expert", "triage", False),
        ("centre_member", "triage", False),
        ("requester", "triage", False),
        ("requester_colleague", "withdraw", True),
        ("centre_staff", "withdraw", False),
        ("centre_admin", "withdraw", True),
        ("outsider", "withdraw", False),
        ("outsider", "triage", False),
    ],
)
def test_who_may_take_each_transition(request_case, centre_world, role, transition, allowed):
    _centre, _municipality, people = centre_world
    if allowed:
        services.case_transition(actor=people[role], case=request_case, transition=transition)
    else:
        with pytest.raises(PermissionDenied):
            services.case_transition(actor=people[role], case=request_case, transition=transition)
        request_case.refresh_from_db()
        assert request_case.state == "submitted"


def test_transitions_from_the_wrong_state_or_unknown_are_refused(request_case, centre_world):
    staff = centre_world[2]["centre_staff"]
    with pytest.raises(ValidationError):
        services.case_transition(actor=staff, case=request_case, transition="answer")
    with pytest.raises(ValidationError):
        services.case_transition(actor=staff, case=request_case, transition="teleport")


def test_owner_reopens_a_closed_case(request_case, centre_world):
    people = centre_world[2]
    staff = people["centre_staff"]
    services.case_set_owner(actor=people["centre_admin"], case=request_case, owner=people["centre_expert"])
    services.case_transition(actor=staff, case=request_case, transition="analyse")
    services.case_transition(actor=staff, case=request_case, transition="answer")
    services.case_transition(actor=staff, case=request_case, transition="close", outcome="Rezolvat")
    with pytest.raises(PermissionDenied):
        services.case_transition(actor=staff, case=request_case, transition="reopen")
    case = services.case_transition(actor=people["centre_expert"], case=request_case, transition="reopen")
    assert case.state == "analysis" and case.closed_at is None
