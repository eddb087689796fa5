"""The preparedness plan: emergency mode (reason, audit, banner), contact tree, capacities reported by
members (latest per member, totals), tasks; the permission matrix and query counts."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from civica.core.models import AuditEvent
from civica.hub import selectors, services
from civica.hub.models import CapacityReport, PreparednessTask

pytestmark = pytest.mark.django_db


def test_emergency_mode_with_reason_audit_and_banner(centre_world, client):
    w = centre_world
    with pytest.raises(ValidationError):
        services.emergency_activate(actor=w.centre_staff, centre=w.centre, reason=" ")
    with pytest.raises(PermissionDenied):
        services.emergency_activate(actor=w.ngo_staff, centre=w.centre, reason="Arrivals")
    period = services.emergency_activate(actor=w.centre_staff, centre=w.centre, reason="300 arrivals at Piraeus")
    assert AuditEvent.objects.filter(record_uuid=period.uuid, summary="emergency mode activated").exists()
    with pytest.raises(ValidationError):
        services.emergency_activate(actor=w.centre_staff, centre=w.centre, reason="Again")
    # The banner shows on the hub's public pages too.
    assert "300 arrivals at Piraeus" in client.get("/en/centres/accmr/").content.decode()
    assert "300 arrivals at Piraeus" in client.get("/en/centres/accmr/offer/").content.decode()
    services.emergency_deactivate(actor=w.centre_staff, centre=w.centre, reason="Flows back to normal")
    assert selectors.emergency_of(w.centre) is None
    assert "300 arrivals at Piraeus" not in client.get("/en/centres/accmr/").content.decode()


def test_emergency_from_the_page(centre_world, client):
    client.force_login(centre_world.centre_staff)
    response = client.post("/en/centres/accmr/preparedness/", {"emergency": "1", "emergency-reason": ""})
    assert response.status_code == 200 and selectors.emergency_of(centre_world.centre) is None
    client.post("/en/centres/accmr/preparedness/", {"emergency": "1", "emergency-reason": "Heatwave"})
    assert selectors.emergency_of(centre_world.centre).reason == "Heatwave"


def test_contact_tree_levels(centre_world, make_member):
    w = centre_world
    second = services.representative_add(
        actor=w.clinic_staff, membership=w.clinic_membership, user=w.clinic_staff, title="Director"
    )
    first = services.contact_add(actor=w.centre_staff, centre=w.centre, representative=w.representative)
    child = services.contact_add(actor=w.centre_staff, centre=w.centre, representative=second, caller=first)
    assert (first.level, child.level) == (1, 2)
    with pytest.raises(ValidationError):
        services.contact_add(actor=w.centre_staff, centre=w.centre, representative=second)
    with pytest.raises(ValidationError):
        services.contact_remove(actor=w.centre_staff, entry=first)  # still calls someone
    levels = selectors.contact_tree_levels(w.centre)
    assert [(level, [e.representative for e in entries]) for level, entries in levels] == [
        (1, [w.representative]),
        (2, [second]),
    ]
    with pytest.raises(PermissionDenied):
        services.contact_add(actor=w.ngo_staff, centre=w.centre, representative=second)


def test_capacities_latest_per_member_and_totals(centre_world):
    w = centre_world
    services.capacity_report(actor=w.ngo_staff, membership=w.membership, kind="beds", quantity=10)
    services.capacity_report(actor=w.ngo_staff, membership=w.membership, kind="beds", quantity=4)
    services.capacity_report(actor=w.clinic_staff, membership=w.clinic_membership, kind="beds", quantity=6)
    services.capacity_report(actor=w.clinic_staff, membership=w.clinic_membership, kind="interpreters", quantity=2)
    latest = selectors.latest_capacities(w.centre)
    assert sorted((r.membership.organisation.slug, r.kind, r.quantity) for r in latest) == [
        ("clinic", "beds", 6),
        ("clinic", "interpreters", 2),
        ("rls", "beds", 4),
    ]
    totals = {code: total for code, _label, total in selectors.capacity_totals(latest)}
    assert totals == {"beds": 10, "staff": 0, "interpreters": 2, "other": 0}
    with pytest.raises(PermissionDenied):
        services.capacity_report(actor=w.ngo_staff, membership=w.clinic_membership, kind="beds", quantity=1)
    with pytest.raises(ValidationError):
        services.capacity_report(actor=w.ngo_staff, membership=w.membership, kind="other", quantity=1)
    assert CapacityReport.objects.count() == 4


def test_tasks_assigned_to_a_member(centre_world):
    w = centre_world
    task = services.task_create(actor=w.centre_staff, centre=w.centre, title="Stock blankets", membership=w.membership)
    with pytest.raises(PermissionDenied):
        services.task_set_status(actor=w.clinic_staff, task=task, status="done")
    services.task_set_status(actor=w.ngo_staff, task=task, status="doing")
    with pytest.raises(ValidationError):
        services.task_set_status(actor=w.ngo_staff, task=task, status="forgotten")
    assert PreparednessTask.objects.get(pk=task.pk).status == "doing"
    with pytest.raises(PermissionDenied):
        services.task_create(actor=w.ngo_staff, centre=w.centre, title="x", membership=w.membership)


@pytest.mark.parametrize(
    ("role", "sees", "manages", "reports"),
    [
        ("centre_staff", True, True, True),
        ("ngo_staff", True, False, True),
        ("ngo_member", True, False, False),
        ("outsider_admin", False, False, False),
        ("elsewhere_staff", False, False, False),
    ],
)
def test_permission_matrix(centre_world, client, role, sees, manages, reports):
    w = centre_world
    task = services.task_create(actor=w.centre_staff, centre=w.centre, title="Stock blankets", membership=w.membership)
    client.force_login(getattr(w, role))
    assert client.get("/en/centres/accmr/preparedness/").status_code == (200 if sees else 404)
    assert client.get("/en/centres/accmr/preparedness/contact-tree/").status_code == (200 if sees else 404)
    client.post("/en/centres/accmr/preparedness/", {"emergency": "1", "emergency-reason": "Test"})
    assert (selectors.emergency_of(w.centre) is not None) is manages
    client.post(
        "/en/centres/accmr/preparedness/",
        {"capacity": "1", "capacity-membership": w.membership.pk, "capacity-kind": "beds", "capacity-quantity": "3"},
    )
    assert CapacityReport.objects.filter(membership=w.membership).exists() is reports
    prefix = f"t{task.uuid.hex[:12]}"
    response = client.post(f"/en/centres/tasks/{task.uuid}/status/", {f"{prefix}-status": "done"})
    assert (PreparednessTask.objects.get(pk=task.pk).status == "done") is (role in ("centre_staff", "ngo_staff"))
    assert response.status_code == (302 if role in ("centre_staff", "ngo_staff") else 404)


def test_anonymous_is_sent_to_sign_in(centre_world, client):
    assert client.get("/en/centres/accmr/preparedness/").status_code == 302
    assert client.get("/en/centres/accmr/preparedness/contact-tree/").status_code == 302


def test_preparedness_page_query_count_is_pinned(centre_world, client, make_organisation):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from civica.hub.models import CentreMembership

    w = centre_world
    client.force_login(w.centre_staff)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/en/centres/accmr/preparedness/").status_code == 200
            assert client.get("/en/centres/accmr/preparedness/contact-tree/").status_code == 200
        return len(queries)

    services.capacity_report(actor=w.ngo_staff, membership=w.membership, kind="beds", quantity=1)
    services.task_create(actor=w.centre_staff, centre=w.centre, title="First", membership=w.membership)
    services.contact_add(actor=w.centre_staff, centre=w.centre, representative=w.representative)
    before = count()
    for number in range(10):
        organisation = make_organisation(name=f"Member {number}", slug=f"m-{number}", kind="ngo", country="GR")
        membership = CentreMembership.objects.create(centre=w.centre, organisation=organisation, state="approved")
        services.capacity_report(actor=w.centre_staff, membership=membership, kind="staff", quantity=number)
        services.task_create(actor=w.centre_staff, centre=w.centre, title=f"Task {number}", membership=membership)
    assert count() == before
