"""Calls and visits taken by the centre's staff become cases with their channel; requesters cannot log them."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from civica.cases import services
from civica.cases.models import Case


def test_staff_log_a_call_from_a_municipality_or_a_citizen(client, centre_world):
    centre, municipality, people = centre_world
    centre.office_hours = "Luni – vineri, 9:00 – 17:00"
    centre.save()
    client.force_login(people["centre_staff"])
    page = client.get("/en/cases/log/").content.decode()
    assert "9:00 – 17:00" in page
    client.post(
        "/en/cases/log/",
        {
            "organisation": centre.slug,
            "channel": "phone",
            "requester_organisation": municipality.slug,
            "title": "Telefon: taxa de parcare",
            "summary": "Întrebare",
            "language": "ro",
        },
    )
    client.post(
        "/en/cases/log/",
        {
            "organisation": centre.slug,
            "channel": "visit",
            "requester_organisation": "",
            "title": "Vizită: un cetățean",
            "summary": "Informare",
            "language": "ro",
        },
    )
    assert sorted(Case.objects.values_list("channel", flat=True)) == ["phone", "visit"]
    assert Case.objects.get(channel="visit").requester_organisation is None
    assert "Phone call" in client.get(f"/en/cases/{Case.objects.get(channel='phone').reference}/").content.decode()


def test_only_the_centre_logs_calls(client, centre_world):
    centre, municipality, people = centre_world
    with pytest.raises(PermissionDenied):
        services.case_open(
            actor=people["requester"],
            workflow="request",
            organisation=centre,
            requester_organisation=municipality,
            title="x",
            channel="phone",
        )
    with pytest.raises(ValidationError):
        services.case_open(
            actor=people["centre_staff"], workflow="request", organisation=centre, title="x", channel="pigeon"
        )
    client.force_login(people["requester"])
    assert client.get("/en/cases/log/").status_code == 404
    assert "Log a call" not in client.get("/en/cases/").content.decode()
