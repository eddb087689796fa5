from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "civica.events"
    label = "events"
    verbose_name = _("Trainings, seminars and conferences")

    def ready(self):
        from . import rules  # noqa: F401 - registers the permission predicates
