from django.contrib import admin

from .models import AccessLogEntry, AuditEvent


class ReadOnlyAdmin(admin.ModelAdmin):
    """The audit trail is append-only: administrators read it, nobody edits it."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    list_display = ("at", "actor", "action", "record_type", "record_label", "summary")
    list_filter = ("action", "record_type")
    search_fields = ("record_label", "summary")


@admin.register(AccessLogEntry)
class AccessLogEntryAdmin(ReadOnlyAdmin):
    list_display = ("at", "actor", "record_type", "record_label", "channel", "reason")
    list_filter = ("record_type", "channel")
