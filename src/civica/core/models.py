"""Shared kernel models: the base every business record stands on, and the audit trail.

The audit tables are append-only: rows are written once and never changed or deleted, enforced
here in Python and by database triggers (see migration 0002).
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from civica.core.validators import PublicURLValidator

from .crypto import EncryptedJSONField


class PublicRecord(models.Model):
    """A business record: a UUID for every URL and API answer, never the sequential id."""

    uuid = models.UUIDField(_("public identifier"), default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionError("Audit records are append-only.")

    def delete(self):
        raise PermissionError("Audit records are append-only.")


class AppendOnlyModel(models.Model):
    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise PermissionError("Audit records are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("Audit records are append-only.")


class AuditRecord(AppendOnlyModel):
    """What every line of the trail says: when, who, and which record of which organisation."""

    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The audit trail outlives the records it describes, so it points at them by type and key, and
    # at the owning organisation by its public identifier (core imports no app).
    organisation_uuid = models.UUIDField(_("organisation"), null=True, blank=True)
    record_type = models.CharField(_("record type"), max_length=100)
    record_uuid = models.UUIDField(_("record"), null=True, blank=True)
    record_label = models.CharField(_("record"), max_length=300, blank=True)

    class Meta:
        abstract = True


class AuditEvent(AuditRecord):
    """Who changed what on a business record, with the values before and after."""

    class Action(models.TextChoices):
        CREATE = "create", _("created")
        UPDATE = "update", _("changed")
        DELETE = "delete", _("deleted")
        EVENT = "event", _("event")

    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    before = models.JSONField(_("before"), default=dict, blank=True)
    after = models.JSONField(_("after"), default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        indexes = [
            models.Index(fields=["organisation_uuid", "-at"]),
            models.Index(fields=["record_type", "record_uuid"]),
        ]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.record_type} {self.record_label}"

    @property
    def changed_fields(self) -> list[str]:
        keys = sorted(set(self.before) | set(self.after))
        return [key for key in keys if self.before.get(key) != self.after.get(key)]


class AccessLogEntry(AuditRecord):
    """One read of a record marked sensitive: who, what, when and why."""

    channel = models.CharField(_("channel"), max_length=20, default="web")
    reason = models.CharField(_("reason"), max_length=300, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("access log entry")
        verbose_name_plural = _("access log")
        indexes = [models.Index(fields=["organisation_uuid", "-at"])]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.record_type} {self.record_label}"


class SearchEntry(models.Model):
    """One searchable text (a closed case's summary, a practice, a page), in one language.

    Owners write entries through `civica.core.search.index`; what a person may find is decided by the
    caller, who passes the organisations whose entries they may see. Sensitive fields are never indexed.
    """

    record_type = models.CharField(max_length=100)
    record_uuid = models.UUIDField()
    organisation_uuid = models.UUIDField(null=True, blank=True)
    is_public = models.BooleanField(default=False)
    language = models.CharField(max_length=5)
    title = models.CharField(max_length=300)
    body = models.TextField(blank=True)
    # Snowball stems of title and body, for SQLite's FTS5 table (PostgreSQL stems in the database).
    stems = models.TextField(blank=True)
    tags = models.JSONField(default=list, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["record_type", "record_uuid"], name="one_search_entry_per_record")
        ]
        indexes = [models.Index(fields=["record_type", "organisation_uuid"]), models.Index(fields=["is_public"])]

    def __str__(self):
        return f"{self.record_type}: {self.title}"


class Notice(models.Model):
    """An in-app notice; the same news goes out by e-mail (civica.core.notifications)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notices")
    created_at = models.DateTimeField(auto_now_add=True)
    subject = models.CharField(_("subject"), max_length=300)
    url = models.CharField(_("link"), max_length=500, blank=True, validators=[PublicURLValidator(allow_relative=True)])
    read_at = models.DateTimeField(_("read"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "read_at", "-created_at"])]
        verbose_name = _("notice")
        verbose_name_plural = _("notices")

    def __str__(self):
        return self.subject


class PeriodicRun(models.Model):
    """When each periodic job (reminders, confirmations, retention) last ran; its row is locked while
    it runs, so two schedulers on two machines never run the same job twice."""

    name = models.CharField(max_length=100, unique=True)
    last_started_at = models.DateTimeField(null=True, blank=True)
    last_finished_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)

    def __str__(self):
        return self.name


class OutgoingEmail(models.Model):
    """One e-mail waiting for the task that sends it. The task queue's own table keeps a task's
    arguments in clear (and for a while after it has run), so the task gets this row's id only: the
    message itself (body, addresses, subject) is sealed here and the row is deleted once it is sent."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    message = EncryptedJSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return str(self.uuid)
