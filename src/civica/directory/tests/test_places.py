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


def _public_place_ids():
    from civica.directory import visibility

    return set(visibility.public(Location).values_list("id", flat=True)), set(
        visibility.public(ServiceAtLocation).values_list("location_id", flat=True)
    )


def test_a_members_place_stays_out_of_public_view_until_the_centre_approves_it(provider, client):
    """Bottom-up mapping: a place (and the published service placed there) goes live only after review,
    like a service change; the public pages, API, exports and map all read through visibility.public."""
    record, service, people = provider
    location = services.location_create(
        actor=people["ngo_staff"],
        organization=record,
        name="Day centre",
        address_1="Odos 5",
        city="Athens",
        postal_code="10431",
        services=[service],
    )
    assert not location.is_published
    locations, placements = _public_place_ids()
    assert location.id not in locations and location.id not in placements
    client.force_login(people["centre_staff"])
    page = client.get("/en/directory/manage/").content.decode()
    assert "Day centre" in page and "Places waiting for your review" in page
    response = client.get(f"/api/hsds/services/{service.id}")
    assert "Odos 5" not in response.content.decode()

    # Neither the provider nor another centre's staff may approve it (404), and nothing changes.
    for person in (people["ngo_staff"], people["ngo_member"]):
        client.force_login(person)
        assert client.post(f"/en/directory/places/{location.id}/publish/").status_code == 404
        with pytest.raises(PermissionDenied):
            services.location_publish(actor=person, location=location)
    location.refresh_from_db()
    assert not location.is_published

    client.force_login(people["centre_staff"])
    assert client.get(f"/en/directory/places/{location.id}/publish/").status_code == 405
    assert client.post(f"/en/directory/places/{location.id}/publish/").status_code == 302
    location.refresh_from_db()
    assert location.is_published
    locations, placements = _public_place_ids()
    assert location.id in locations and location.id in placements
    assert "Odos 5" in client.get(f"/api/hsds/services/{service.id}").content.decode()
    assert "Places waiting for your review" not in client.get("/en/directory/manage/").content.decode()


def test_a_person_who_also_reviews_for_the_centre_publishes_a_place_at_once(provider):
    from civica.core.permissions import SYSTEM
    from civica.organisations.services import membership_add

    record, service, people = provider
    membership_add(actor=SYSTEM, organisation=record.organisation, user=people["centre_staff"], role="staff")
    location = services.location_create(
        actor=people["centre_staff"], organization=record, name="Info point", services=[service]
    )
    assert location.is_published


def test_the_review_list_costs_the_same_queries_with_ten_times_the_places(provider, django_assert_num_queries):
    record, _service, people = provider

    def add(count):
        for number in range(count):
            services.location_create(
                actor=people["ngo_staff"],
                organization=record,
                name=f"Place {number}",
                address_1=f"Street {number}",
                city="Athens",
                postal_code="10400",
            )

    def read(reviewer):
        return [
            (place.organization.name, [a.city for a in place.addresses.all()])
            for place in selectors.places_to_review(reviewer)
        ]

    def fresh_reviewer():  # no roles cached on the object from an earlier read
        return type(people["centre_staff"]).objects.get(pk=people["centre_staff"].pk)

    add(2)
    reviewer = fresh_reviewer()
    with django_assert_num_queries(3):  # the reviewer's centres, the places, their addresses
        assert len(read(reviewer)) == 2
    add(18)
    reviewer = fresh_reviewer()
    with django_assert_num_queries(3):
        assert len(read(reviewer)) == 20
