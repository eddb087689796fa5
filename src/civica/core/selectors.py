"""Reads of the audit trail. Callers decide which organisations the actor may review."""

from django.db.models import QuerySet

from .models import AccessLogEntry, AuditEvent


def audit_events_for_organisation(*, organisation_uuid) -> QuerySet[AuditEvent]:
    return AuditEvent.objects.filter(organisation_uuid=organisation_uuid).select_related("actor")


def access_log_for_organisation(*, organisation_uuid) -> QuerySet[AccessLogEntry]:
    return AccessLogEntry.objects.filter(organisation_uuid=organisation_uuid).select_related("actor")
