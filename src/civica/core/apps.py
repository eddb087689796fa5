from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "civica.core"
    label = "core"
    verbose_name = _("Civica core")

    def ready(self):
        # The core's periodic jobs and deployment checks register themselves on import.
        from . import checks, jobs  # noqa: F401
