import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from civica.hub import services as hub_services


@pytest.fixture
def world(make_organisation, make_member, make_user):
    """A coordination centre, a member NGO (approved), a municipality, and an unrelated organisation."""
    centre = make_organisation(name="Κέντρο Συντονισμού", slug="centre", kind="centre", country="GR")
    ngo = make_organisation(name="Νομική Βοήθεια", slug="ngo", kind="ngo", country="GR")
    city = make_organisation(name="Δήμος Αθηναίων", slug="city", kind="municipality", country="GR")
    other = make_organisation(name="Other NGO", slug="other", kind="ngo", country="GR")
    people = {
        "centre_admin": make_member(centre, role="admin", email="admin@centre.example"),
        "centre_staff": make_member(centre, role="staff", email="staff@centre.example"),
        "centre_member": make_member(centre, role="member", email="member@centre.example"),
        "ngo_staff": make_member(ngo, role="staff", email="staff@ngo.example"),
        "city_staff": make_member(city, role="staff", email="staff@city.example"),
        "other_admin": make_member(other, role="admin", email="admin@other.example"),
        "outsider": make_user(email="outsider@test.example"),
    }
    membership = hub_services.membership_request(
        actor=None, centre=centre, organisation=ngo, motivation="Legal aid", sectors=["legal"], system=True
    )
    hub_services.membership_decide(actor=people["centre_admin"], membership=membership, approve=True)
    return {"centre": centre, "ngo": ngo, "city": city, "other": other, **people}


def pdf(name="mou.pdf", size=None):
    content = b"%PDF-1.4\n" + b"0" * (size or 100) + b"\n%%EOF"
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def make_memorandum(world, *, signed_on=date(2025, 1, 10), expires_on=date(2027, 1, 10), document=True, **values):
    from civica.partnerships import services

    values.setdefault("title", "Μνημόνιο συνεργασίας με τον Δήμο")
    values.setdefault("scope", "Ανταλλαγή τεχνογνωσίας για την ένταξη.")
    values.setdefault("parties", [world["city"]])
    return services.memorandum_create(
        actor=world["centre_staff"],
        organisation=world["centre"],
        signed_on=signed_on,
        expires_on=expires_on,
        document=pdf() if document else None,
        **values,
    )


def make_action(world, *, actor=None, lead=None, **values):
    from decimal import Decimal

    from civica.partnerships import services

    values.setdefault("title", "Μαθήματα ελληνικών για γονείς")
    values.setdefault("budget", Decimal("12500.00"))
    return services.pilot_action_propose(
        actor=actor or world["ngo_staff"],
        centre=world["centre"],
        lead=lead or world["ngo"],
        partners=[world["city"]],
        **values,
    )


__all__ = ["io", "make_action", "make_memorandum", "pdf"]
