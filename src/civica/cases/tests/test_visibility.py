"""Who sees a case, its timeline and its notes: a matrix of roles, including another organisation."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from civica.cases import selectors, services

VISIBLE = {
    "centre_admin": True,
    "centre_staff": True,
    "centre_expert": False,  # until selected for the case
    "centre_member": False,
    "requester": True,
    "requester_colleague": True,
    "outsider": False,
}


@pytest.mark.parametrize("role", sorted(VISIBLE))
def test_case_visibility_by_role(request_case, centre_world, role):
    person = centre_world[2][role]
    visible = selectors.cases_visible_to(person)
    assert (request_case in visible) == VISIBLE[role]
    assert person.has_perm("cases.view_case", request_case) == VISIBLE[role]


def test_an_expert_sees_only_the_cases_they_are_assigned_to(request_case, centre_world):
    centre, _municipality, people = centre_world
    other = services.case_open(actor=people["centre_staff"], workflow="request", organisation=centre, title="Altul")
    services.case_assign(actor=people["centre_staff"], case=request_case, person=people["centre_expert"])
    assert list(selectors.cases_visible_to(people["centre_expert"])) == [request_case]
    assert other not in selectors.inbox(people["centre_expert"])
    assert request_case in selectors.inbox(people["centre_expert"])


def test_internal_notes_never_reach_the_requester(request_case, centre_world):
    people = centre_world[2]
    services.note_add(actor=people["centre_staff"], case=request_case, body="Intern: jurisprudență relevantă")
    services.note_add(
        actor=people["centre_staff"], case=request_case, body="Vă rugăm trimiteți actele", shared_with_requester=True
    )
    services.note_add(actor=people["requester"], case=request_case, body="Am atașat actele", shared_with_requester=True)
    with pytest.raises(PermissionDenied):
        services.note_add(actor=people["requester"], case=request_case, body="Intern?")
    with pytest.raises(PermissionDenied):
        services.note_add(actor=people["outsider"], case=request_case, body="x", shared_with_requester=True)
    requester_view = [n.text for n in selectors.notes(user=people["requester"], case=request_case)]
    assert requester_view == ["Vă rugăm trimiteți actele", "Am atașat actele"]
    assert len(selectors.notes(user=people["centre_staff"], case=request_case)) == 3
    kinds = [e.kind for e in selectors.timeline(user=people["requester"], case=request_case)]
    assert kinds.count("note") == 2


def test_owner_and_assignees_come_from_the_handling_organisation(request_case, centre_world):
    people = centre_world[2]
    with pytest.raises(ValidationError):
        services.case_set_owner(actor=people["centre_admin"], case=request_case, owner=people["requester"])
    with pytest.raises(PermissionDenied):
        services.case_set_owner(actor=people["requester"], case=request_case, owner=people["centre_staff"])
    with pytest.raises(PermissionDenied):
        services.case_assign(actor=people["outsider"], case=request_case, person=people["centre_staff"])
    services.case_set_owner(actor=people["centre_admin"], case=request_case, owner=people["centre_staff"])
    assert request_case in selectors.inbox(people["centre_staff"])


def test_tasks_are_worked_by_the_handling_side(request_case, centre_world):
    people = centre_world[2]
    task = services.task_add(
        actor=people["centre_staff"], case=request_case, title="Analiza juridică", assignee=people["centre_expert"]
    )
    with pytest.raises(PermissionDenied):
        services.task_complete(actor=people["requester"], task=task)
    services.task_complete(actor=people["centre_staff"], task=task)
    task.refresh_from_db()
    assert task.done_at is not None
