from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnershipsConfig(AppConfig):
    name = "civica.partnerships"
    label = "partnerships"
    verbose_name = _("Pilot actions and memoranda of understanding")

    def ready(self):
        from . import reminders, rules  # noqa: F401 - registers the predicates and the renewal reminders
