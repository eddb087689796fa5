from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CitizensConfig(AppConfig):
    name = "civica.citizens"
    label = "citizens"
    verbose_name = _("Citizens")

    def ready(self):
        from civica.core.personal_data import register_exporter

        from . import rules  # noqa: F401  (registers permissions)
        from .accounts import EXPORTERS

        for name, exporter in EXPORTERS.items():
            register_exporter(name, exporter)
