"""A small Athens directory: a coordination centre, a member NGO with a legal clinic and a shelter at a
confidential address, and people in every role of the permission matrix."""

from dataclasses import dataclass

import pytest

SECRET_STREET = "Odos Kryfi 7"


@dataclass
class World:
    centre: object
    member: object
    other: object
    record: object
    clinic: object
    shelter: object
    shelter_location: object
    centre_staff: object
    member_staff: object
    other_staff: object


@pytest.fixture
def world(make_organisation, make_member):
    from civica.directory import services

    centre = make_organisation(name="Athens Coordination Centre", slug="accmr", kind="centre", country="GR")
    member = make_organisation(name="Legal Aid NGO", slug="legal-ngo", kind="ngo", country="GR")
    other = make_organisation(name="Other NGO", slug="other-ngo", kind="ngo", country="GR")
    record = services.organization_record_for(organisation=member, centre=centre)
    services.organization_record_for(organisation=other, centre=centre)
    office = services.location_add(
        organization=record,
        name="Legal clinic office",
        address_1="Akadimias 10",
        city="Athens",
        postal_code="10671",
        latitude=37.98,
        longitude=23.73,
    )
    hidden = services.location_add(
        organization=record,
        name="Women's shelter",
        address_1=SECRET_STREET,
        city="Athens",
        postal_code="11141",
        latitude=38.01,
        longitude=23.74,
        is_confidential=True,
    )
    clinic = services.service_publish(
        organization=record,
        data={
            "name": "Asylum legal clinic",
            "description": "Free legal advice on asylum claims.",
            "categories": ["legal"],
            "language": "en",
            "translations": {"el": {"name": "Νομική κλινική ασύλου"}},
        },
        locations=[office],
        languages=["en", "ar"],
    )
    shelter = services.service_publish(
        organization=record,
        data={
            "name": "Emergency shelter for women",
            "description": "Safe accommodation for women and children.",
            "categories": ["housing", "health_social"],
            "capacity": 20,
            "vacancies": 3,
        },
        locations=[hidden],
    )
    return World(
        centre=centre,
        member=member,
        other=other,
        record=record,
        clinic=clinic,
        shelter=shelter,
        shelter_location=hidden,
        centre_staff=make_member(centre, role="staff"),
        member_staff=make_member(member, role="staff"),
        other_staff=make_member(other, role="admin"),
    )
