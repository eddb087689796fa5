from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "civica.directory"
    label = "directory"
    verbose_name = _("Service directory")

    def ready(self):
        from . import jobs  # noqa: F401  (registers the periodic job; rules are autodiscovered)
