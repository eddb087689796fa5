from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProtectionConfig(AppConfig):
    name = "civica.protection"
    label = "protection"
    verbose_name = _("Protection cases")

    def ready(self):
        # The workflow registers itself with the case core; the rules and periodic jobs on import.
        from . import jobs, rules, workflows  # noqa: F401
