"""Registration, the waiting list, confirmation by e-mail, attendance and certificates."""

import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from civica.core import documents
from civica.core.models import AuditEvent
from civica.events import selectors, services
from civica.events.certificates import certificate_docx, certificate_pdf
from civica.events.models import Registration

from .conftest import held, make_event


def test_event_needs_a_place_or_video_and_an_end_after_its_start(world):
    from datetime import timedelta

    from django.utils import timezone

    start = timezone.now()
    with pytest.raises(ValidationError) as error:
        services.event_create(
            actor=world["staff"],
            organisation=world["ours"],
            title=" ",
            kind="training",
            starts_at=start,
            ends_at=start - timedelta(hours=1),
            capacity=0,
        )
    assert set(error.value.message_dict) == {"title", "ends_at", "place", "capacity"}
    assert not selectors.event_list(user=world["staff"]).exists()


def test_video_event_gets_a_jitsi_room_and_its_ics_carries_it(world, settings):
    settings.CIVICA_JITSI_BASE_URL = "https://meet.example.org"
    event = make_event(world, video=True)
    assert event.video_url.startswith("https://meet.example.org/Civica-")
    from civica.events.calendar import event_ics

    with_video = event_ics(event, with_video=True).decode()
    assert "CONFERENCE" in with_video and event.video_url in with_video.replace("\r\n ", "")
    assert event.video_url not in event_ics(event, with_video=False).decode().replace("\r\n ", "")


def test_full_event_puts_people_on_the_waiting_list_and_a_cancellation_promotes_the_first(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    event = make_event(world, capacity=1)
    with django_capture_on_commit_callbacks(execute=True):
        first = services.registration_create(actor=world["member"], event=event)
        second = services.registration_create(actor=world["outsider"], event=event)
    assert (first.status, second.status) == ("confirmed", "waiting")
    assert mailoutbox[0].attachments[0][0] == "event.ics"
    with pytest.raises(ValidationError):
        services.registration_create(actor=world["member"], event=event)
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_cancel(actor=world["member"], registration=first)
    second.refresh_from_db()
    assert second.status == "confirmed"
    assert mailoutbox[-1].to == ["outsider@test.example"]
    assert AuditEvent.objects.filter(record_uuid=second.uuid, summary="from waiting list").exists()


def test_someone_else_cannot_cancel_a_registration(world):
    event = make_event(world)
    registration = services.registration_create(actor=world["member"], event=event)
    with pytest.raises(PermissionDenied):
        services.registration_cancel(actor=world["outsider"], registration=registration)


def test_public_registration_by_email_holds_a_place_only_once_confirmed(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    event = make_event(world, capacity=1)
    with django_capture_on_commit_callbacks(execute=True):
        pending = services.registration_request_by_email(
            event=event, name="Ioana Vasile", email="Ioana@Example.org", language="ro"
        )
    assert pending.status == "unconfirmed" and selectors.confirmed_count(event) == 0
    token = re.search(r"/events/confirm/([^/]+)/", mailoutbox[0].body).group(1)
    assert pending.token_hash and token not in pending.token_hash
    response_path = f"/ro/events/confirm/{token}/"
    from django.test import Client

    client = Client()
    assert client.get(response_path).status_code == 200
    pending.refresh_from_db()
    assert pending.status == "confirmed" and pending.email == "ioana@example.org"
    # The link works once.
    assert client.get(response_path).status_code == 400


def test_registration_by_email_refuses_private_events_and_bad_addresses(world):
    private = make_event(world, is_public=False)
    with pytest.raises(PermissionDenied):
        services.registration_request_by_email(event=private, name="X", email="x@example.org")
    public = make_event(world)
    with pytest.raises(ValidationError) as error:
        services.registration_request_by_email(event=public, name="", email="not-an-address")
    assert set(error.value.message_dict) == {"name", "email"}
    assert not Registration.objects.exists()


def test_attendance_issues_one_certificate_per_person_who_came(world, mailoutbox, django_capture_on_commit_callbacks):
    event = make_event(world, capacity=5)
    came = services.registration_create(actor=world["member"], event=event)
    absent = services.registration_create(actor=world["outsider"], event=event)
    with pytest.raises(ValidationError):
        services.attendance_record(actor=world["staff"], event=event, present={came.uuid})
    event = held(event)
    with pytest.raises(PermissionDenied):
        services.attendance_record(actor=world["member"], event=event, present={came.uuid})
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.attendance_record(actor=world["staff"], event=event, present={came.uuid}) == 1
    came.refresh_from_db()
    absent.refresh_from_db()
    assert came.attended is True and absent.attended is False and absent.certificate_code is None
    assert re.fullmatch(r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}", came.certificate_code)
    assert [m.to for m in mailoutbox] == [[came.email]]
    name, content, _type = mailoutbox[0].attachments[0]
    assert name == "certificate.docx" and came.certificate_code in documents.docx_text(content)
    # Marking again sends nothing new and keeps the code.
    code = came.certificate_code
    with django_capture_on_commit_callbacks(execute=True):
        services.attendance_record(actor=world["staff"], event=event, present={came.uuid})
    came.refresh_from_db()
    assert came.certificate_code == code and len(mailoutbox) == 1


def test_certificate_docx_says_who_attended_what_in_their_language(world):
    event = make_event(world, capacity=5)
    registration = services.registration_create(actor=world["member"], event=event)
    event = held(event)
    services.attendance_record(actor=world["staff"], event=event, present={registration.uuid})
    registration.refresh_from_db()
    registration.language = "it"
    text = documents.docx_text(certificate_docx(registration))
    assert "Attestato di partecipazione" in text
    assert registration.name in text and event.title in text and registration.certificate_code in text
    assert world["ours"].name in text


def test_certificate_pdf(world, libreoffice):
    event = make_event(world, capacity=5)
    registration = services.registration_create(actor=world["member"], event=event)
    event = held(event)
    services.attendance_record(actor=world["staff"], event=event, present={registration.uuid})
    registration.refresh_from_db()
    assert certificate_pdf(registration).startswith(b"%PDF")


def test_the_public_verification_page_checks_a_code(client, world):
    event = make_event(world, capacity=5)
    registration = services.registration_create(actor=world["member"], event=event)
    services.attendance_record(actor=world["staff"], event=held(event), present={registration.uuid})
    registration.refresh_from_db()
    valid = client.get("/en/certificates/verify/", {"code": registration.certificate_code.lower()})
    assert valid.status_code == 200 and registration.name in valid.content.decode()
    invalid = client.get("/en/certificates/verify/", {"code": "AAAA-BBBB-CCCC"})
    assert "No certificate has this code." in invalid.content.decode()


def test_certificate_download_only_to_the_person_and_the_organisers(client, world):
    event = make_event(world, capacity=5)
    registration = services.registration_create(actor=world["member"], event=event)
    services.attendance_record(actor=world["staff"], event=held(event), present={registration.uuid})
    path = f"/en/events/registrations/{registration.uuid}/certificate.docx"
    for who, status in (("member", 200), ("staff", 200), ("outsider", 404), ("other_admin", 404)):
        client.force_login(world[who])
        assert client.get(path).status_code == status, who
    client.logout()
    assert client.get(path).status_code == 404


def test_organisers_add_participants_even_after_the_event(world):
    event = held(make_event(world, capacity=1))
    first = services.registration_add(actor=world["staff"], event=event, name="Maria Pop", email="maria@example.org")
    second = services.registration_add(actor=world["staff"], event=event, name="Ion Pop", email="ion@example.org")
    assert (first.status, second.status) == ("confirmed", "waiting")
    with pytest.raises(PermissionDenied):
        services.registration_add(actor=world["member"], event=event, name="X", email="x@example.org")
    with pytest.raises(ValidationError):
        services.registration_add(actor=world["staff"], event=event, name="Maria", email="MARIA@example.org")
