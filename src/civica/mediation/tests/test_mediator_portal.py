"""The proposed mediator acts from their own account: sees the mediation they were selected for (and no
other), declares independence or a conflict of interest themself, or declines; staff no longer sign in
their name; their dashboard lists the cases they have been selected for. Permission matrix and query counts."""

from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from civica.mediation import selectors, services
from civica.mediation.models import Mediator, MediatorSelection


@pytest.fixture
def world(make_organisation, make_member, make_user):
    body = make_organisation(name="Le Stanze della Mediazione", slug="stanze", kind="mediation_body", country="IT")
    comune = make_organisation(name="Comune di Milano", slug="milano", country="IT")
    staff, requester = make_member(body, role="staff"), make_member(comune, role="staff")
    luca, other_mediator = make_user(email="luca@test.example"), make_user(email="anna@test.example")

    def open_case(title="Affidamento"):
        return services.mediation_open(
            actor=requester,
            organisation=body,
            requester_organisation=comune,
            title=title,
            country="IT",
            matter="family",
            value=Decimal("0"),
            other_parties="Marco Rossi, marco.rossi@example.org",
        )

    mediation = open_case()
    ferrari = Mediator.objects.create(
        organisation=body,
        user=luca,
        email=luca.email,
        full_name="Luca Ferrari",
        country="IT",
        authority="it_registro_organismi",
        authorisation_number="IT-1",
    )
    bruno = Mediator.objects.create(
        organisation=body,
        user=other_mediator,
        full_name="Anna Bruno",
        country="IT",
        authority="it_registro_organismi",
        authorisation_number="IT-2",
    )
    mail.outbox.clear()
    selection = services.mediator_propose(actor=staff, mediation=mediation, mediator=ferrari)
    return {
        "body": body,
        "staff": staff,
        "requester": requester,
        "luca": luca,
        "anna": other_mediator,
        "bruno": bruno,
        "ferrari": ferrari,
        "mediation": mediation,
        "selection": selection,
        "open_case": open_case,
        "citizen": make_user(email="citizen@test.example"),
    }


def test_the_proposed_mediator_is_told_by_e_mail_with_a_link(world, django_capture_on_commit_callbacks):
    """The proposal sends the mediator with an account a notice and an e-mail naming the reference."""
    mail.outbox.clear()
    other = world["open_case"]("Eredità")
    with django_capture_on_commit_callbacks(execute=True):
        services.mediator_propose(actor=world["staff"], mediation=other, mediator=world["ferrari"])
    assert [m.to for m in mail.outbox] == [["luca@test.example"]]
    assert other.case.reference in mail.outbox[0].subject
    assert f"/mediation/{other.case.reference}/" in mail.outbox[0].body


@pytest.mark.parametrize(
    "who, status",
    [("luca", 200), ("staff", 200), ("requester", 200), ("anna", 404), ("citizen", 404), (None, 302)],
)
def test_permission_matrix_of_the_mediation_page(world, client, who, status):
    """The proposed mediator, the handling side and the requesting party see it; another mediator, a
    citizen with no tie to the case and the anonymous visitor do not."""
    if who:
        client.force_login(world[who])
    response = client.get(f"/en/mediation/{world['mediation'].case.reference}/")
    assert response.status_code == status


def test_the_mediator_sees_only_their_own_reference(world, client):
    """Another case's reference, even of the same centre, answers 404 to the mediator."""
    other = world["open_case"]("Altro")
    client.force_login(world["luca"])
    assert client.get(f"/en/mediation/{other.case.reference}/").status_code == 404
    assert client.get("/en/mediation/MD-0000-00000/").status_code == 404


def test_the_mediator_does_not_see_the_internal_case_page(world, client):
    """The mediator's page links to their own list, not to the case core's internal page, which stays 404."""
    client.force_login(world["luca"])
    reference = world["mediation"].case.reference
    page = client.get(f"/en/mediation/{reference}/").content.decode()
    assert f"/en/cases/{reference}/" not in page
    assert "Send my declaration and accept" in page
    assert client.get(f"/en/cases/{reference}/").status_code == 404


def test_the_mediator_declares_independence_themself(world, client):
    """The declaration is recorded in the mediator's own name, the parties' objection period opens."""
    client.force_login(world["luca"])
    reference = world["mediation"].case.reference
    response = client.post(
        f"/en/mediation/{reference}/mediator/declare/",
        {"no_conflict": "on", "declaration": "Nessun rapporto con le parti."},
    )
    assert response.status_code == 302
    world["selection"].refresh_from_db()
    assert world["selection"].status == MediatorSelection.Status.DECLARED
    event = world["mediation"].case.events.get(kind="mediator_declared")
    assert event.actor == world["luca"] and event.visible_to_requester


def test_staff_cannot_declare_in_the_name_of_a_mediator_with_an_account(world, client):
    """Only the mediator signs; the staff's form is not shown and the service refuses."""
    with pytest.raises(PermissionDenied):
        services.mediator_declare(actor=world["staff"], selection=world["selection"], no_conflict=True, declaration="x")
    client.force_login(world["staff"])
    page = client.get(f"/en/mediation/{world['mediation'].case.reference}/").content.decode()
    assert "Record the declaration" not in page
    with pytest.raises(PermissionDenied):  # nor another mediator
        services.mediator_declare(actor=world["anna"], selection=world["selection"], no_conflict=True, declaration="x")


def test_the_mediator_declares_a_conflict_and_loses_access(world, client):
    client.force_login(world["luca"])
    reference = world["mediation"].case.reference
    client.post(f"/en/mediation/{reference}/mediator/declare/", {"declaration": "Ho assistito una parte nel 2023."})
    world["selection"].refresh_from_db()
    assert world["selection"].status == MediatorSelection.Status.CONFLICT
    assert client.get(f"/en/mediation/{reference}/").status_code == 404


def test_the_mediator_declines_with_a_reason(world, client):
    """An empty reason is refused and nothing changes; a reason records the refusal and sends the mediator
    back to their list, where the case stays without a link."""
    client.force_login(world["luca"])
    reference = world["mediation"].case.reference
    client.post(f"/en/mediation/{reference}/mediator/decline/", {"reason": "  "})
    world["selection"].refresh_from_db()
    assert world["selection"].status == MediatorSelection.Status.PROPOSED
    response = client.post(f"/en/mediation/{reference}/mediator/decline/", {"reason": "Non sono disponibile."})
    assert response.status_code == 302 and response.url.endswith("/mediation/selected/")
    world["selection"].refresh_from_db()
    assert world["selection"].status == MediatorSelection.Status.DECLINED
    page = client.get("/en/mediation/selected/").content.decode()
    assert reference in page and f'href="/en/mediation/{reference}/"' not in page
    with pytest.raises(ValidationError):
        services.mediator_decline(actor=world["luca"], selection=world["selection"], reason="again")


def test_only_the_mediator_declines(world):
    for who in ("staff", "requester", "anna", "citizen"):
        with pytest.raises(PermissionDenied):
            services.mediator_decline(actor=world[who], selection=world["selection"], reason="no")


def test_another_mediator_cannot_act_on_the_selection(world, client):
    client.force_login(world["anna"])
    reference = world["mediation"].case.reference
    for action in ("declare", "decline"):
        response = client.post(f"/en/mediation/{reference}/mediator/{action}/", {"declaration": "x", "reason": "x"})
        assert response.status_code == 404
    world["selection"].refresh_from_db()
    assert world["selection"].status == MediatorSelection.Status.PROPOSED


def test_the_dashboard_lists_the_cases_the_mediator_was_selected_for(world, client):
    client.force_login(world["luca"])
    reference = world["mediation"].case.reference
    page = client.get("/en/dashboard/").content.decode()
    assert "Cases for which you have been selected" in page and reference in page
    client.force_login(world["anna"])
    assert reference not in client.get("/en/mediation/selected/").content.decode()


def test_the_list_needs_a_sign_in(client, db):
    assert client.get("/en/mediation/selected/").status_code == 302


def test_selectors_scope_to_the_person(world):
    assert list(selectors.selections_for_mediator(world["anna"])) == []
    assert list(selectors.selections_for_mediator(world["luca"])) == [world["selection"]]


@pytest.mark.parametrize("count", [1, 10])
def test_query_counts_do_not_grow_with_selections(world, client, count, django_assert_max_num_queries):
    """The list and the mediation page read a fixed number of queries at 1 and 10 selections."""
    for number in range(count - 1):
        extra = world["open_case"](f"Caso {number}")
        services.mediator_propose(actor=world["staff"], mediation=extra, mediator=world["ferrari"])
    client.force_login(world["luca"])
    with django_assert_max_num_queries(8):
        assert client.get("/en/mediation/selected/").status_code == 200
    with django_assert_max_num_queries(20):
        assert client.get(f"/en/mediation/{world['mediation'].case.reference}/").status_code == 200


def test_the_centre_is_told_of_the_mediator_answer(world, django_capture_on_commit_callbacks):
    """The declaration in the mediator's own name reaches the handling side by e-mail."""
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.mediator_declare(actor=world["luca"], selection=world["selection"], no_conflict=True, declaration="Ok")
    assert world["staff"].email in [address for message in mail.outbox for address in message.to]
    assert world["luca"].email not in [address for message in mail.outbox for address in message.to]
