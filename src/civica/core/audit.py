"""The one audit mechanism: services call these inside their transaction.

`snapshot` turns a record into plain JSON so that before/after survive later schema changes;
fields marked sensitive are never copied into the trail in clear.
"""

from __future__ import annotations

import datetime
import decimal
import uuid
from collections.abc import Iterable

from django.db import models

from .models import AccessLogEntry, AuditEvent

SENSITIVE_PLACEHOLDER = "[redacted]"


def _plain(value):
    if isinstance(value, (datetime.date, datetime.datetime, datetime.time, uuid.UUID, decimal.Decimal)):
        return str(value)
    if isinstance(value, models.Model):
        return str(getattr(value, "uuid", value.pk))
    return value


def snapshot(instance: models.Model, fields: Iterable[str] | None = None) -> dict:
    """Plain values of a record's concrete fields (foreign keys by id), sensitive ones redacted."""
    sensitive = set(getattr(instance, "audit_sensitive_fields", ()))
    skipped = set(getattr(instance, "audit_skip_fields", ())) | {"updated_at", "created_at"}
    data = {}
    for field in instance._meta.concrete_fields:
        if fields is not None and field.name not in fields:
            continue
        if field.name in skipped or field.primary_key:
            continue
        value = getattr(instance, field.attname)
        data[field.name] = SENSITIVE_PLACEHOLDER if field.name in sensitive and value else _plain(value)
    return data


def _about(*, actor, instance: models.Model, organisation_uuid) -> dict:
    """The fields every line of the trail shares."""
    return {
        "actor": actor if getattr(actor, "is_authenticated", False) else None,
        "organisation_uuid": organisation_uuid,
        "record_type": instance._meta.label_lower,
        "record_uuid": getattr(instance, "uuid", None),
        "record_label": str(instance)[:300],
    }


def record_change(
    *,
    actor,
    instance: models.Model,
    action: str,
    before: dict | None = None,
    after: dict | None = None,
    organisation_uuid=None,
    summary: str = "",
) -> AuditEvent:
    """Append one change to the trail. Call it inside the service's transaction."""
    return AuditEvent.objects.create(
        **_about(actor=actor, instance=instance, organisation_uuid=organisation_uuid),
        action=action,
        summary=summary[:300],
        before=before or {},
        after=after or {},
    )


def record_access(*, actor, instance: models.Model, organisation_uuid=None, channel="web", reason="") -> None:
    """Log a read of a sensitive record."""
    AccessLogEntry.objects.create(
        **_about(actor=actor, instance=instance, organisation_uuid=organisation_uuid),
        channel=channel,
        reason=reason[:300],
    )
