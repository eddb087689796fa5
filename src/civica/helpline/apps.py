from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HelplineConfig(AppConfig):
    name = "civica.helpline"
    label = "helpline"
    verbose_name = _("Helpline")

    def ready(self):
        # Permissions, the periodic jobs and the escalation workflow register themselves on import.
        from . import jobs, rules, workflows  # noqa: F401
