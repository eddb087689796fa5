"""Django admin for platform administrators. Changes made here are audited like any other."""

from django.contrib import admin
from django.db import models

from civica.core import audit

from .models import Invitation, Membership, Organisation, Territory


class AuditedAdmin(admin.ModelAdmin):
    def save_model(self, request, obj, form, change):
        before = audit.snapshot(type(obj).objects.get(pk=obj.pk)) if change else {}
        super().save_model(request, obj, form, change)
        audit.record_change(
            actor=request.user,
            instance=obj,
            action="update" if change else "create",
            before=before,
            after=audit.snapshot(obj),
            organisation_uuid=self.organisation_uuid(obj),
            summary="admin",
        )

    def delete_model(self, request, obj):
        audit.record_change(
            actor=request.user,
            instance=obj,
            action="delete",
            before=audit.snapshot(obj),
            organisation_uuid=self.organisation_uuid(obj),
            summary="admin",
        )
        super().delete_model(request, obj)

    def organisation_uuid(self, obj):
        return obj.organisation.uuid


@admin.register(Territory)
class TerritoryAdmin(admin.ModelAdmin):
    list_display = ("name", "name_en", "level", "country", "official_code", "nuts_code", "code")
    list_filter = ("country", "level")
    search_fields = ("name", "name_en", "code", "official_code")
    raw_id_fields = ("parent",)


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    raw_id_fields = ("user",)
    fields = ("user", "role", "position", "handles_sensitive_data")


@admin.register(Organisation)
class OrganisationAdmin(AuditedAdmin):
    list_display = ("name", "kind", "country", "territory", "is_public", "contacts_confidential")
    list_filter = ("kind", "country", "is_public")
    search_fields = ("name", "short_name", "fiscal_id", "slug")
    prepopulated_fields = {"slug": ("name",)}
    raw_id_fields = ("territory", "parent")
    inlines = [MembershipInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def organisation_uuid(self, obj):
        return obj.uuid


@admin.register(Membership)
class MembershipAdmin(AuditedAdmin):
    list_display = ("user", "organisation", "role", "position", "handles_sensitive_data")
    list_filter = ("role", "handles_sensitive_data")
    search_fields = ("user__email", "organisation__name")
    raw_id_fields = ("user", "organisation")


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ("email", "organisation", "role", "expires_at", "accepted_at", "revoked_at")
    list_filter = ("role",)
    search_fields = ("email", "organisation__name")
    readonly_fields = ("token_hash",)
