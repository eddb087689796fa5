"""The case pages end to end through the test client: a municipality's request to its closure."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from civica.cases import services
from civica.cases.models import Case


def test_request_from_submission_to_closure(client, centre_world):
    centre, municipality, people = centre_world
    client.force_login(people["requester"])
    form = client.get(f"/ro/cases/new/?to={centre.slug}")
    assert form.status_code == 200
    response = client.post(
        "/ro/cases/new/",
        {
            "organisation": centre.slug,
            "requester_organisation": municipality.slug,
            "language": "ro",
            "title": "Dispută privind taxa de salubrizare",
            "summary": "Cetățenii contestă majorarea taxei.",
        },
    )
    case = Case.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/ro/cases/{case.reference}/"
    assert case.requester == people["requester"] and case.requester_organisation == municipality

    client.force_login(people["centre_staff"])
    page = client.get(f"/en/cases/{case.reference}/").content.decode()
    assert "Start triage" in page and "Dispută privind taxa de salubrizare" in page
    assert client.get("/en/cases/").content.decode().count(case.reference) == 0  # not theirs yet
    assert case.reference in client.get("/en/cases/?scope=all").content.decode()
    client.post(f"/en/cases/{case.reference}/people/", {"person": str(people["centre_staff"].uuid), "as": "owner"})
    assert case.reference in client.get("/en/cases/").content.decode()
    client.post(f"/en/cases/{case.reference}/step/", {"transition": "analyse"})
    client.post(f"/en/cases/{case.reference}/notes/", {"body": "Practică similară la Cluj-Napoca"})
    client.post(
        f"/en/cases/{case.reference}/notes/", {"body": "Vă rugăm trimiteți hotărârea CL", "shared_with_requester": "on"}
    )
    client.post(f"/en/cases/{case.reference}/tasks/", {"title": "Analiza juridică", "due_on": "2026-12-01"})
    task = case.tasks.get()
    client.post(f"/en/cases/{case.reference}/tasks/{task.uuid}/done/")
    client.post(f"/en/cases/{case.reference}/step/", {"transition": "answer"})
    refused = client.post(f"/en/cases/{case.reference}/step/", {"transition": "close", "outcome": ""}, follow=True)
    assert "Say how the case ended." in refused.content.decode()
    client.post(f"/en/cases/{case.reference}/step/", {"transition": "close", "outcome": "Mediere recomandată"})
    case.refresh_from_db()
    task.refresh_from_db()
    assert (case.state, case.outcome, case.owner) == ("closed", "Mediere recomandată", people["centre_staff"])
    assert task.done_at is not None

    client.force_login(people["requester_colleague"])
    page = client.get(f"/en/cases/{case.reference}/").content.decode()
    assert "Vă rugăm trimiteți hotărârea CL" in page
    assert "Practică similară" not in page and "Analiza juridică" not in page


@pytest.mark.parametrize("role", ["outsider", "centre_member", "centre_expert"])
def test_people_without_a_part_in_the_case_get_404(client, request_case, centre_world, role):
    person = centre_world[2][role]
    client.force_login(person)
    base = f"/en/cases/{request_case.reference}/"
    assert client.get(base).status_code == 404
    for action, data in [
        ("step/", {"transition": "triage"}),
        ("notes/", {"body": "x"}),
        ("tasks/", {"title": "x"}),
        ("people/", {"person": str(person.uuid)}),
    ]:
        assert client.post(base + action, data).status_code == 404
    request_case.refresh_from_db()
    assert request_case.state == "submitted" and not request_case.notes.exists()


def test_requester_cannot_take_staff_steps_or_write_internal_notes(client, request_case, centre_world):
    people = centre_world[2]
    client.force_login(people["requester"])
    assert "Start triage" not in client.get(f"/en/cases/{request_case.reference}/").content.decode()
    assert client.post(f"/en/cases/{request_case.reference}/step/", {"transition": "triage"}).status_code == 404
    client.post(f"/en/cases/{request_case.reference}/notes/", {"body": "Am trimis actele"})
    assert request_case.notes.get().shared_with_requester  # a requester's note is always shared


def test_invalid_request_keeps_what_was_typed(client, centre_world):
    centre, municipality, people = centre_world
    client.force_login(people["outsider"])
    response = client.post(
        "/en/cases/new/",
        {
            "organisation": centre.slug,
            "requester_organisation": municipality.slug,
            "title": "Titlul meu",
            "summary": "",
            "language": "ro",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200 and 'value="Titlul meu"' in page and "govuk-error-summary" in page
    assert not Case.objects.exists()


@pytest.mark.parametrize("url", ["/en/cases/?scope=all", "/en/cases/", "/en/cases/REF/"])
def test_query_counts_do_not_grow(client, centre_world, url):
    centre, municipality, people = centre_world
    staff = people["centre_staff"]
    client.force_login(staff)

    def grow(count):
        for n in range(count):
            case = services.case_open(
                actor=people["requester"],
                workflow="request",
                organisation=centre,
                requester_organisation=municipality,
                title=f"Cerere {n}",
            )
            services.case_set_owner(actor=staff, case=case, owner=staff)
            services.note_add(actor=staff, case=case, body=f"Notă {n}")
            services.task_add(actor=staff, case=case, title=f"Sarcină {n}")
        return case

    first = grow(2)
    target = url.replace("REF", first.reference)

    def count():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(target).status_code == 200
        return len(captured)

    small = count()
    grow(20)
    for _ in range(10):
        services.note_add(actor=staff, case=first, body="Încă o notă")
        services.task_add(actor=staff, case=first, title="Încă o sarcină")
    assert count() == small
