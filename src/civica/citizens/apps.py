from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CitizensConfig(AppConfig):
    name = "civica.citizens"
    label = "citizens"
    verbose_name = _("Citizens")

    def ready(self):
        from . import rules  # noqa: F401  (registers permissions)
