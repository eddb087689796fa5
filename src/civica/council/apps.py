from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CouncilConfig(AppConfig):
    name = "civica.council"
    label = "council"
    verbose_name = _("Council in the open")

    def ready(self):
        from . import rules  # noqa: F401 - registers the permission predicates
