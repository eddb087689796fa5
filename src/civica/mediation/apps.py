from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediationConfig(AppConfig):
    name = "civica.mediation"
    label = "mediation"
    verbose_name = _("Mediation")

    def ready(self):
        # The procedures and their documents register themselves with the case core on import.
        from . import documents, procedures  # noqa: F401
