from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HubConfig(AppConfig):
    name = "civica.hub"
    label = "hub"
    verbose_name = _("Coordination centre")

    def ready(self):
        from . import rules  # noqa: F401  (registers the permissions)
