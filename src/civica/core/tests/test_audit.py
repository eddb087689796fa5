"""The audit trail is append-only (the ORM and PostgreSQL refuse changes), survives erasing a
person, and snapshots redact sensitive fields."""

import pytest
from django.db import DatabaseError, connection, transaction

from civica.core import audit
from civica.core.models import AccessLogEntry, AuditEvent


@pytest.fixture
def event(make_organisation):
    organisation = make_organisation(name="Audited")
    return AuditEvent.objects.get(record_uuid=organisation.uuid)


def test_events_cannot_be_changed_or_deleted_through_the_orm(event):
    event.summary = "rewritten"
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()
    with pytest.raises(PermissionError):
        AuditEvent.objects.filter(pk=event.pk).update(summary="rewritten")
    with pytest.raises(PermissionError):
        AuditEvent.objects.all().delete()
    with pytest.raises(PermissionError):
        AccessLogEntry.objects.all().delete()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the database trigger exists on PostgreSQL")
def test_postgresql_refuses_raw_updates_and_deletes(event):
    """Even raw SQL cannot rewrite history on PostgreSQL."""
    for statement in (
        "UPDATE core_auditevent SET summary = 'x' WHERE id = %s",
        "DELETE FROM core_auditevent WHERE id = %s",
    ):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(statement, [event.pk])
    event.refresh_from_db()
    assert event.summary == ""


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the database trigger exists on PostgreSQL")
def test_erasing_a_person_keeps_their_events(make_user, make_organisation):
    """Deleting an account sets the actor to NULL, the one change the trigger allows."""
    organisation = make_organisation()
    person = make_user()
    audit.record_change(
        actor=person,
        instance=organisation,
        action="update",
        summary="phone changed",
        organisation_uuid=organisation.uuid,
    )
    person.delete()
    assert AuditEvent.objects.filter(
        record_uuid=organisation.uuid, summary="phone changed", actor__isnull=True
    ).exists()


def test_snapshot_redacts_sensitive_fields(make_organisation):
    organisation = make_organisation(phone="0700 000 000")
    organisation.audit_sensitive_fields = ("phone",)
    data = audit.snapshot(organisation)
    assert data["phone"] == audit.SENSITIVE_PLACEHOLDER
    assert data["name"] == organisation.name
    assert "updated_at" not in data
