from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnershipsConfig(AppConfig):
    name = "civica.partnerships"
    label = "partnerships"
    verbose_name = _("Pilot actions and memoranda of understanding")

    def ready(self):
        from . import jobs  # noqa: F401 - registers the renewal reminders (rules are autodiscovered)
