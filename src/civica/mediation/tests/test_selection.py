"""Choosing a mediator: proposal, declaration of no conflict, the parties' right to object, confirmation."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from civica.mediation import services
from civica.mediation.models import Mediator, MediatorSelection


@pytest.fixture
def setup(make_organisation, make_member):
    body = make_organisation(name="Le Stanze della Mediazione", slug="stanze", kind="mediation_body", country="IT")
    comune = make_organisation(name="Comune di Lecce", slug="lecce", country="IT")
    staff, requester = make_member(body, role="staff"), make_member(comune, role="staff")
    mediation = services.mediation_open(
        actor=requester,
        organisation=body,
        requester_organisation=comune,
        title="Locazione",
        country="IT",
        matter="lease",
        value=Decimal("9000"),
    )
    italian = Mediator.objects.create(
        organisation=body,
        full_name="Luca Ferrari",
        country="IT",
        authority="it_registro_organismi",
        authorisation_number="IT-1",
    )
    romanian = Mediator.objects.create(
        organisation=body,
        full_name="Elena D.",
        country="RO",
        authority="ro_consiliul_de_mediere",
        authorisation_number="RO-1",
    )
    return {"mediation": mediation, "staff": staff, "requester": requester, "italian": italian, "romanian": romanian}


def test_from_proposal_to_confirmation(setup):
    staff = setup["staff"]
    with pytest.raises(ValidationError):
        services.mediator_propose(actor=staff, mediation=setup["mediation"], mediator=setup["romanian"])
    with pytest.raises(PermissionDenied):
        services.mediator_propose(actor=setup["requester"], mediation=setup["mediation"], mediator=setup["italian"])
    selection = services.mediator_propose(actor=staff, mediation=setup["mediation"], mediator=setup["italian"])
    with pytest.raises(ValidationError):
        services.mediator_confirm(actor=staff, selection=selection)
    services.mediator_declare(
        actor=staff, selection=selection, no_conflict=True, declaration="Nessun rapporto con le parti."
    )
    with pytest.raises(ValidationError, match="still object"):
        services.mediator_confirm(actor=staff, selection=selection)
    MediatorSelection.objects.filter(pk=selection.pk).update(objection_deadline=timezone.now() - datetime.timedelta(1))
    selection.refresh_from_db()
    with pytest.raises(ValidationError):
        services.mediator_object(actor=setup["requester"], selection=selection, reason="Troppo tardi")
    assert services.mediator_confirm(actor=staff, selection=selection).status == "confirmed"
    kinds = list(setup["mediation"].case.events.values_list("kind", flat=True))
    assert kinds[-3:] == ["mediator_proposed", "mediator_declared", "mediator_confirmed"]


def test_a_party_objects_and_another_mediator_is_proposed(setup):
    staff, requester = setup["staff"], setup["requester"]
    selection = services.mediator_propose(actor=staff, mediation=setup["mediation"], mediator=setup["italian"])
    services.mediator_declare(actor=staff, selection=selection, no_conflict=True, declaration="Indipendente.")
    with pytest.raises(PermissionDenied):  # the handling side cannot object in the parties' place
        services.mediator_object(actor=staff, selection=selection, reason="x")
    with pytest.raises(ValidationError):
        services.mediator_object(actor=requester, selection=selection, reason="  ")
    services.mediator_object(actor=requester, selection=selection, reason="Ha assistito la controparte nel 2024.")
    assert selection.status == "objected"
    other = Mediator.objects.create(
        organisation=setup["italian"].organisation,
        full_name="Anna Bruno",
        country="IT",
        authority="it_registro_organismi",
        authorisation_number="IT-2",
    )
    assert services.mediator_propose(actor=staff, mediation=setup["mediation"], mediator=other).status == "proposed"


def test_a_declared_conflict_ends_the_proposal(setup):
    selection = services.mediator_propose(actor=setup["staff"], mediation=setup["mediation"], mediator=setup["italian"])
    services.mediator_declare(
        actor=setup["staff"], selection=selection, no_conflict=False, declaration="Cugino del legale del conduttore."
    )
    assert selection.status == "conflict" and selection.objection_deadline is None


def test_pages_from_dispute_to_chosen_mediator(client, setup):
    case = setup["mediation"].case
    client.force_login(setup["staff"])
    page = client.get(f"/en/mediation/{case.reference}/").content.decode()
    assert "Luca Ferrari" in page and "Elena D." not in page  # only mediators of the procedure's country
    client.post(f"/en/mediation/{case.reference}/mediator/propose/", {"mediator": str(setup["italian"].uuid)})
    client.post(
        f"/en/mediation/{case.reference}/mediator/declare/", {"no_conflict": "on", "declaration": "Nessun conflitto."}
    )
    client.force_login(setup["requester"])
    assert "Object to this mediator" in client.get(f"/en/mediation/{case.reference}/").content.decode()
    client.post(f"/en/mediation/{case.reference}/mediator/object/", {"reason": "Conosce la controparte."})
    assert MediatorSelection.objects.get().status == "objected"


def test_opening_a_mediation_in_the_browser_refuses_violence(client, make_organisation, make_member):
    body = make_organisation(name="Organismo", slug="organismo", kind="mediation_body", country="IT")
    comune = make_organisation(name="Comune", slug="comune", country="IT")
    client.force_login(make_member(comune, role="staff"))
    data = {
        "organisation": body.slug,
        "requester_organisation": comune.slug,
        "country": "IT",
        "matter": "domestic_violence",
        "title": "Caso",
        "summary": "…",
        "language": "it",
    }
    page = client.post("/en/mediation/new/", data)
    assert page.status_code == 200 and "Istanbul Convention" in page.content.decode()
    assert 'value="Caso"' in page.content.decode()
    response = client.post("/en/mediation/new/", {**data, "matter": "lease", "value": "5000"})
    assert response.status_code == 302 and "/en/mediation/MD-" in response["Location"]


def test_mediation_page_is_404_for_outsiders(client, setup, make_organisation, make_member):
    outsider = make_member(make_organisation(name="Altro"), role="admin")
    client.force_login(outsider)
    reference = setup["mediation"].case.reference
    assert client.get(f"/en/mediation/{reference}/").status_code == 404
    assert (
        client.post(
            f"/en/mediation/{reference}/mediator/propose/", {"mediator": str(setup["italian"].uuid)}
        ).status_code
        == 404
    )


def test_the_requesting_party_may_accept_at_once(setup):
    staff, requester = setup["staff"], setup["requester"]
    selection = services.mediator_propose(actor=staff, mediation=setup["mediation"], mediator=setup["italian"])
    services.mediator_declare(actor=staff, selection=selection, no_conflict=True, declaration="Indipendente.")
    with pytest.raises(PermissionDenied):  # the handling side cannot accept in a party's place
        services.mediator_accept(actor=staff, selection=selection)
    services.mediator_accept(actor=requester, selection=selection)
    # The requesting organisation is the only party named: its acceptance ends the objection period.
    assert services.mediator_confirm(actor=staff, selection=selection).status == "confirmed"


def test_with_other_parties_their_written_acceptance_is_needed_too(setup):
    staff, requester = setup["staff"], setup["requester"]
    mediation = setup["mediation"]
    mediation.other_parties = "Condominio Via Roma 3"
    mediation.save()
    selection = services.mediator_propose(actor=staff, mediation=mediation, mediator=setup["italian"])
    services.mediator_declare(actor=staff, selection=selection, no_conflict=True, declaration="Indipendente.")
    services.mediator_accept(actor=requester, selection=selection)
    with pytest.raises(ValidationError, match="every party"):
        services.mediator_confirm(actor=staff, selection=selection)
    assert services.mediator_confirm(actor=staff, selection=selection, others_accepted=True).status == "confirmed"
