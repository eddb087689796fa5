from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GroupsConfig(AppConfig):
    name = "civica.groups"
    label = "groups"
    verbose_name = _("Working groups and committees")

    def ready(self):
        from . import jobs  # noqa: F401 - registers the periodic follow-up reminders
