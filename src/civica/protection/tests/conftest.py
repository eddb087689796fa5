"""A Sector 1 world: the social services lead, the local police and an NGO receive referrals, and an
organisation with nothing to do with the case."""

import datetime

import pytest
from django.utils import timezone

from civica.protection import services


@pytest.fixture
def world(territories, make_organisation, make_member):
    sector = territories["RO-179141"]
    lead = make_organisation(
        name="DGASPC Sector 1", slug="dgaspc", kind="public_agency", agency_type="social_services", territory=sector
    )
    police = make_organisation(
        name="Poliția Locală Sector 1",
        slug="politia",
        kind="public_agency",
        agency_type="local_police",
        territory=sector,
    )
    ngo = make_organisation(name="Asociația Anais", slug="anais", kind="ngo", territory=sector)
    other = make_organisation(name="Another NGO", slug="other", kind="ngo", territory=sector)
    people = {
        "manager": make_member(lead, role="staff", email="manager@dgaspc.example", first_name="Maria"),
        "lead_admin": make_member(lead, role="admin", email="admin@dgaspc.example"),
        "lead_staff": make_member(lead, role="staff", email="colleague@dgaspc.example"),
        "lead_member": make_member(lead, role="member", email="member@dgaspc.example"),
        "police": make_member(police, role="staff", email="agent@politia.example"),
        "police_member": make_member(police, role="member", email="volunteer@politia.example"),
        "ngo": make_member(ngo, role="admin", email="psiholog@anais.example"),
        "other": make_member(other, role="admin", email="admin@other.example"),
    }
    return {"sector": sector, "lead": lead, "police": police, "ngo": ngo, "other": other, "people": people}


SECRET_NAME = "Ioana Secretescu"
SECRET_NARRATIVE = "Lovită de partener în seara de 3 martie, amenințată cu cuțitul"


@pytest.fixture
def pcase(world):
    return services.protection_case_open(
        actor=world["people"]["manager"],
        organisation=world["lead"],
        kind="domestic_violence",
        territory=world["sector"],
        sex="f",
        birth_year=1988,
        full_name=SECRET_NAME,
        address="Strada Ascunsă 7, București",
        contact="0722 000 111",
        narrative=SECRET_NARRATIVE,
        injuries="Echimoze pe braț",
        incident_address="Strada Ascunsă 7",
        children=[{"name": "Andrei", "birth_year": 2016}],
    )


def refer(pcase, world, to="police", sections=("narrative", "risk"), **values):
    values.setdefault("deadline", timezone.localdate() + datetime.timedelta(days=10))
    return services.referral_send(
        actor=world["people"]["manager"],
        pcase=pcase,
        to_organisation=world[to],
        sections=list(sections),
        purpose="Verificarea ordinului de protecție provizoriu",
        basis="consent",
        basis_detail="Consimțământ scris, 3 martie 2026",
        **values,
    )
