from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TimebankConfig(AppConfig):
    name = "civica.timebank"
    label = "timebank"
    verbose_name = _("Time bank")

    def ready(self):
        from . import jobs  # noqa: F401  (registers periodic jobs; rules are autodiscovered)
