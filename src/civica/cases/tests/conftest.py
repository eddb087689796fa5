import pytest


@pytest.fixture
def centre_world(make_organisation, make_member):
    """A resource centre with its people, a municipality that asks it for help, and an outsider."""
    centre = make_organisation(name="Centrul de resurse", slug="centru", kind="centre")
    municipality = make_organisation(name="Primăria Sectorului 1", slug="ps1")
    outsider = make_organisation(name="Alt centru", slug="alt", kind="centre")
    people = {
        "centre_admin": make_member(centre, role="admin"),
        "centre_staff": make_member(centre, role="staff"),
        "centre_expert": make_member(centre, role="expert"),
        "centre_member": make_member(centre, role="member"),
        "requester": make_member(municipality, role="staff"),
        "requester_colleague": make_member(municipality, role="member"),
        "outsider": make_member(outsider, role="admin"),
    }
    return centre, municipality, people


@pytest.fixture
def request_case(centre_world):
    from civica.cases.services import case_open

    centre, municipality, people = centre_world
    return case_open(
        actor=people["requester"],
        workflow="request",
        organisation=centre,
        requester_organisation=municipality,
        title="Dispută privind o autorizație de construire",
        language="ro",
    )
