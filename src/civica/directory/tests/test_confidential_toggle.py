"""The provider's and the centre's staff hide a place from the public (or show it again); nobody else may."""

import pytest

from civica.directory import selectors

pytestmark = pytest.mark.django_db


def _office(world):
    return world.clinic.service_at_locations.get().location


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("member_staff", True), ("centre_staff", True), ("other_staff", False), (None, False)],
)
def test_hiding_an_address(world, client, role, allowed):
    office = _office(world)
    if role:
        client.force_login(getattr(world, role))
    response = client.post(
        f"/en/directory/places/{office.id}/confidential/",
        {"confidential": "1", "next": f"/en/directory/services/{world.clinic.id}/"},
    )
    office.refresh_from_db()
    assert office.is_confidential is allowed
    if allowed:
        assert response.status_code == 302 and response["Location"] == f"/en/directory/services/{world.clinic.id}/"
        assert selectors.map_points([world.clinic]) == []
        assert "Akadimias" not in client.get(f"/api/hsds/services/{world.clinic.id}").content.decode()
    else:
        assert response.status_code in (302, 404) and not office.is_confidential


def test_the_return_address_stays_on_this_site(world, client):
    client.force_login(world.member_staff)
    response = client.post(
        f"/en/directory/places/{_office(world).id}/confidential/",
        {"confidential": "1", "next": "https://evil.example/"},
    )
    assert response["Location"] == "/en/directory/manage/"
