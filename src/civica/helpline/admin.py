from django.contrib import admin

from .models import Helpline, Operator, QuickReply


class OperatorInline(admin.TabularInline):
    model = Operator
    extra = 0
    raw_id_fields = ["user"]


@admin.register(Helpline)
class HelplineAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "country", "retention_days"]
    inlines = [OperatorInline]


@admin.register(QuickReply)
class QuickReplyAdmin(admin.ModelAdmin):
    list_display = ["title", "key", "language", "helpline"]
    list_filter = ["language"]
