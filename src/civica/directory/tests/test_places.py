"""A member organisation's staff add a place from a page; the centre is told; a confidential place stays
out of public reads; nobody else may add one."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from civica.core.models import Notice
from civica.directory import selectors, services
from civica.directory.models import Location, ServiceAtLocation

pytestmark = pytest.mark.django_db


@pytest.fixture
def provider(make_organisation, make_member):
    centre = make_organisation(name="Centre", slug="centre", kind="centre", country="GR")
    ngo = make_organisation(name="NGO", slug="ngo", kind="ngo", country="GR")
    people = {
        "ngo_staff": make_member(ngo, role="staff"),
        "ngo_member": make_member(ngo, role="member"),
        "centre_staff": make_member(centre, role="staff"),
    }
    record = services.organization_record_for(organisation=ngo, centre=centre)
    service = services.service_publish(
        organization=record, data={"name": "Shelter", "description": "Beds", "categories": ["housing"]}
    )
    return record, service, people


def test_staff_add_a_confidential_place_linked_to_their_service(provider):
    record, service, people = provider
    location = services.location_create(
        actor=people["ngo_staff"],
        organization=record,
        name="Safe house",
        address_1="Secret 1",
        city="Athens",
        postal_code="10400",
        latitude=37.98,
        longitude=23.72,
        is_confidential=True,
        services=[service],
    )
    assert ServiceAtLocation.objects.filter(service=service, location=location).exists()
    assert Notice.objects.filter(user=people["centre_staff"]).exists()
    assert location in list(selectors.locations_of(user=people["centre_staff"], service=service))
    assert location not in list(selectors.locations_of(user=people["ngo_member"], service=service))


def test_bad_values_and_strangers(provider, make_user):
    record, _service, people = provider
    with pytest.raises(ValidationError) as error:
        services.location_create(
            actor=people["ngo_staff"], organization=record, name=" ", address_1="Street 1", latitude=37.9
        )
    assert {"name", "city", "latitude"} <= set(error.value.message_dict)
    for actor in (people["ngo_member"], make_user()):
        with pytest.raises(PermissionDenied):
            services.location_create(actor=actor, organization=record, name="Office")
    assert not Location.objects.exists()


def test_the_page(provider, client):
    record, service, people = provider
    url = f"/en/directory/organizations/{record.id}/new-place/"
    client.force_login(people["ngo_member"])
    assert client.get(url).status_code == 404
    client.force_login(people["ngo_staff"])
    assert client.get(url).status_code == 200
    response = client.post(url, {"name": "Office", "address_1": "Street 1", "country": "GR"})
    assert response.status_code == 200 and "Street 1" in response.content.decode()
    response = client.post(
        url,
        {
            "name": "Office",
            "address_1": "Street 1",
            "city": "Athens",
            "postal_code": "10400",
            "country": "GR",
            "services": [str(service.id)],
        },
    )
    assert response.status_code == 302
    assert Location.objects.get(name="Office").organization == record
