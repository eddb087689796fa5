"""A centre with one member organisation (and its people), an outsider, and a second centre with its own
records: the roles of every permission matrix in this app."""

from types import SimpleNamespace

import pytest

from civica.directory import services as directory_services
from civica.groups.models import Group
from civica.hub import services
from civica.hub.models import CentreMembership, Need, Offer


@pytest.fixture
def centre_world(make_organisation, make_member):
    centre = make_organisation(name="Athens Coordination Centre", slug="accmr", kind="centre", country="GR")
    ngo = make_organisation(name="Refugee Legal Support", slug="rls", kind="ngo", country="GR")
    clinic = make_organisation(name="Social Clinic", slug="clinic", kind="ngo", country="GR")
    outsider = make_organisation(name="Other NGO", slug="other", kind="ngo", country="GR")
    elsewhere = make_organisation(name="Thessaloniki Centre", slug="thess", kind="centre", country="GR")
    world = SimpleNamespace(
        centre=centre,
        ngo=ngo,
        clinic=clinic,
        outsider=outsider,
        elsewhere=elsewhere,
        centre_staff=make_member(centre, role="staff", email="staff@accmr.example"),
        ngo_staff=make_member(ngo, role="staff", email="staff@rls.example"),
        ngo_member=make_member(ngo, role="member", email="member@rls.example"),
        clinic_staff=make_member(clinic, role="admin", email="admin@clinic.example"),
        outsider_admin=make_member(outsider, role="admin", email="admin@other.example"),
        elsewhere_staff=make_member(elsewhere, role="staff", email="staff@thess.example"),
    )
    world.membership = CentreMembership.objects.create(centre=centre, organisation=ngo, state="approved")
    world.clinic_membership = CentreMembership.objects.create(centre=centre, organisation=clinic, state="approved")
    CentreMembership.objects.create(centre=centre, organisation=outsider, state="requested")
    world.representative = services.representative_add(
        actor=world.ngo_staff, membership=world.membership, user=world.ngo_member, title="Lawyer"
    )
    world.committee = Group.objects.create(organisation=centre, name="Legal committee", kind="committee")
    record = directory_services.organization_record_for(organisation=ngo, centre=centre)
    world.service = directory_services.service_publish(
        organization=record,
        data={"name": "Asylum legal advice", "description": "Free advice.", "categories": ["legal"]},
    )
    world.need = Need.objects.create(
        centre=centre, title="Interpreters for asylum interviews", sector="legal", priority="immediate"
    )
    world.foreign_need = Need.objects.create(centre=elsewhere, title="Winter clothes", sector="health_social")
    world.foreign_offer = Offer.objects.create(
        centre=elsewhere,
        reference="OF-ELSEWHERE",
        offerer_kind="individual",
        kind="goods",
        description="Coats",
        contact_name="Maria",
        contact_email="maria@example.com",
        consent_to_contact=True,
    )
    return world


OFFER = {
    "offerer_kind": "company",
    "kind": "goods",
    "description": "200 sleeping bags",
    "quantity": "200",
    "area": "Athens",
    "contact_name": "Giorgos Pappas",
    "company_name": "Outdoor SA",
    "contact_email": "giorgos@outdoor.example",
    "contact_phone": "+30 210 000 0000",
    "consent_to_contact": True,
    "language": "el",
}


@pytest.fixture
def offer(centre_world):
    return services.offer_submit(centre=centre_world.centre, data=dict(OFFER))
