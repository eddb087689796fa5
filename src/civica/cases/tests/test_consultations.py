"""Consultations: the invitation e-mail carries a calendar file that a calendar library reads back."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from icalendar import Calendar

from civica.cases import services


@pytest.fixture
def tomorrow():
    return (timezone.now() + datetime.timedelta(days=1)).replace(microsecond=0)


def test_video_consultation_invites_with_ics_and_jitsi_room(
    settings, request_case, centre_world, tomorrow, django_capture_on_commit_callbacks
):
    settings.CIVICA_JITSI_BASE_URL = "https://meet.example.org"
    people = centre_world[2]
    with django_capture_on_commit_callbacks(execute=True):
        consultation = services.consultation_schedule(
            actor=people["centre_staff"],
            case=request_case,
            kind="video",
            starts_at=tomorrow,
            duration_minutes=45,
            participants=["expert@test.example", " Expert@test.example "],
        )
    assert consultation.video_url.startswith("https://meet.example.org/Civica-")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert sorted(message.to) == sorted(["expert@test.example", people["requester"].email])
    filename, content, mimetype = message.attachments[0]
    assert filename == "consultation.ics" and mimetype.startswith("text/calendar")
    event = Calendar.from_ical(content).walk("VEVENT")[0]
    assert event["uid"] == f"consultation-{consultation.uuid}@civica"
    assert event.decoded("dtstart") == tomorrow
    assert event.decoded("dtend") - event.decoded("dtstart") == datetime.timedelta(minutes=45)
    assert str(event["conference"]) == consultation.video_url
    assert event["conference"].params["FEATURE"] in ("AUDIO,VIDEO", ["AUDIO", "VIDEO"])
    assert request_case.reference in str(event["summary"])
    assert consultation.video_url in message.body


def test_phone_consultation_needs_a_number_and_a_future_time(request_case, centre_world, tomorrow):
    staff = centre_world[2]["centre_staff"]
    with pytest.raises(ValidationError):
        services.consultation_schedule(actor=staff, case=request_case, kind="phone", starts_at=tomorrow)
    with pytest.raises(ValidationError):
        services.consultation_schedule(
            actor=staff,
            case=request_case,
            kind="phone",
            location="021 312 2476",
            starts_at=timezone.now() - datetime.timedelta(hours=1),
        )
    with pytest.raises(PermissionDenied):
        services.consultation_schedule(
            actor=centre_world[2]["requester"], case=request_case, kind="phone", location="021", starts_at=tomorrow
        )


def test_pages_schedule_download_and_take_notes(client, request_case, centre_world, tomorrow):
    people = centre_world[2]
    client.force_login(people["centre_staff"])
    base = f"/en/cases/{request_case.reference}/consultations/"
    response = client.post(
        base,
        {
            "kind": "in_person",
            "starts_at": tomorrow.strftime("%Y-%m-%dT%H:%M"),
            "duration_minutes": "60",
            "location": "Casa Municipiilor, sala 2",
            "participants": "not-an-address",
        },
        follow=True,
    )
    assert "is not an e-mail address" in response.content.decode()
    client.post(
        base,
        {
            "kind": "in_person",
            "starts_at": tomorrow.strftime("%Y-%m-%dT%H:%M"),
            "duration_minutes": "60",
            "location": "Casa Municipiilor, sala 2",
        },
    )
    consultation = request_case.consultations.get()
    client.post(f"{base}{consultation.uuid}/notes/", {"notes": "Primăria va trimite hotărârea."})
    consultation.refresh_from_db()
    assert consultation.notes == "Primăria va trimite hotărârea."

    client.force_login(people["requester"])
    ics = client.get(f"{base}{consultation.uuid}.ics")
    assert ics.status_code == 200 and ics["Content-Type"].startswith("text/calendar")
    assert Calendar.from_ical(ics.content).walk("VEVENT")[0]["location"] == "Casa Municipiilor, sala 2"
    client.force_login(people["outsider"])
    assert client.get(f"{base}{consultation.uuid}.ics").status_code == 404
