from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "civica.cases"
    label = "cases"
    verbose_name = _("Cases")

    def ready(self):
        # Built-in workflows register themselves on import; domain apps register theirs in ready().
        from . import workflows  # noqa: F401
