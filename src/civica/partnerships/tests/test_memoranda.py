"""Memoranda: computed status, the signed PDF (validated, served only to the parties), renewal reminders."""

from datetime import date, datetime, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from civica.core import periodic
from civica.partnerships import selectors, services
from civica.partnerships.models import Memorandum

from .conftest import make_memorandum, pdf

TODAY = date(2026, 11, 24)


@pytest.mark.parametrize(
    ("signed_on", "expires_on", "status"),
    [
        (None, None, "draft"),
        (date(2025, 1, 1), None, "signed"),
        (date(2025, 1, 1), date(2027, 12, 31), "signed"),
        (date(2025, 1, 1), TODAY + timedelta(days=60), "expiring"),
        (date(2025, 1, 1), TODAY, "expiring"),
        (date(2025, 1, 1), TODAY - timedelta(days=1), "expired"),
    ],
)
def test_status_is_computed_from_the_dates(world, signed_on, expires_on, status):
    memorandum = make_memorandum(world, signed_on=signed_on, expires_on=expires_on, document=False)
    assert selectors.memorandum_status(memorandum, TODAY) == status


def test_a_renewal_marks_the_old_memorandum_renewed_and_cannot_happen_twice(world):
    old = make_memorandum(world, expires_on=TODAY + timedelta(days=10))
    new = make_memorandum(world, signed_on=TODAY, expires_on=date(2029, 1, 1), renews=old)
    assert selectors.memorandum_status(selectors.memorandum_get(user=world["centre_staff"], uuid=old.uuid), TODAY) == (
        "renewed"
    )
    assert selectors.memorandum_status(new, TODAY) == "signed"
    with pytest.raises(ValidationError):
        make_memorandum(world, renews=old)


def test_the_document_must_be_a_pdf_of_at_most_10_mb(world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    for upload in (
        SimpleUploadedFile("mou.docx", b"PK\x03\x04 not a pdf"),
        SimpleUploadedFile("mou.pdf", b"<html>not a pdf</html>"),
        pdf(size=10 * 1024 * 1024 + 1),
    ):
        with pytest.raises(ValidationError) as error:
            services.memorandum_create(
                actor=world["centre_staff"],
                organisation=world["centre"],
                title="MoU",
                scope="Scope",
                parties=[world["city"]],
                document=upload,
            )
        assert "document" in error.value.message_dict
    assert not Memorandum.objects.exists()


def test_parties_dates_and_scope_are_required(world):
    with pytest.raises(ValidationError) as error:
        services.memorandum_create(
            actor=world["centre_staff"],
            organisation=world["centre"],
            title="",
            scope="",
            parties=[world["centre"]],
            signed_on=date(2026, 1, 1),
            expires_on=date(2025, 1, 1),
        )
    assert set(error.value.message_dict) == {"title", "scope", "parties", "expires_on"}


def test_recording_the_signature_of_a_draft(world):
    draft = make_memorandum(world, signed_on=None, expires_on=None, document=False)
    with pytest.raises(PermissionDenied):
        services.memorandum_record_signature(
            actor=world["city_staff"], memorandum=draft, signed_on=TODAY, expires_on=None
        )
    services.memorandum_record_signature(
        actor=world["centre_staff"], memorandum=draft, signed_on=TODAY, expires_on=date(2028, 1, 1), document=pdf()
    )
    draft.refresh_from_db()
    assert draft.signed_on == TODAY and draft.document.name.endswith(".pdf")


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("centre_admin", 200),
        ("centre_member", 200),
        ("city_staff", 200),
        ("ngo_staff", 404),
        ("other_admin", 404),
        ("outsider", 404),
        ("anonymous", 404),
    ],
)
def test_the_signed_document_is_served_only_to_the_keeper_and_the_parties(client, world, who, status):
    memorandum = make_memorandum(world)
    if who != "anonymous":
        client.force_login(world[who])
    response = client.get(f"/en/partnerships/memoranda/{memorandum.uuid}/document.pdf")
    assert response.status_code == status
    if status == 200:
        assert b"".join(response.streaming_content).startswith(b"%PDF")
    # The public page of the signed memorandum is seen by everyone, the link only by those who may download.
    page = client.get(f"/en/partnerships/memoranda/{memorandum.uuid}/").content.decode()
    assert ("document.pdf" in page) == (status == 200)


def _run(now):
    return periodic.run_due(now, only="partnerships.memorandum_renewal_reminders")


def test_renewal_reminder_is_sent_once_before_expiry(world, mailoutbox, django_capture_on_commit_callbacks):
    today = timezone.localdate()
    soon = make_memorandum(world, expires_on=today + timedelta(days=30))
    make_memorandum(world, title="Far away", expires_on=today + timedelta(days=300))
    make_memorandum(world, title="Already expired", expires_on=today - timedelta(days=3))
    renewed = make_memorandum(world, title="Renewed", expires_on=today + timedelta(days=20))
    make_memorandum(world, title="Renewal", renews=renewed, signed_on=today, expires_on=today + timedelta(days=900))
    now = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        _run(now)
    assert sorted(m.to[0] for m in mailoutbox) == ["admin@centre.example", "staff@centre.example"]
    assert all(soon.title in m.subject for m in mailoutbox)
    soon.refresh_from_db()
    assert soon.reminded_for == soon.expires_on
    # A second run, even a day later, sends nothing again.
    with django_capture_on_commit_callbacks(execute=True):
        _run(now + timedelta(days=1))
    assert len(mailoutbox) == 2
    # A new expiry date (an amendment) gets its own reminder.
    services.memorandum_record_signature(
        actor=world["centre_staff"], memorandum=soon, signed_on=soon.signed_on, expires_on=today + timedelta(days=40)
    )
    with django_capture_on_commit_callbacks(execute=True):
        _run(now + timedelta(days=2))
    assert len(mailoutbox) == 4


def test_the_reminder_job_is_registered():
    assert "partnerships.memorandum_renewal_reminders" in [job.name for job in periodic.registered()]
    assert isinstance(timezone.now(), datetime)
