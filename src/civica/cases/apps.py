from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "civica.cases"
    label = "cases"
    verbose_name = _("Cases")

    def ready(self):
        # Built-in workflows and documents register themselves on import; domain apps register theirs
        # in their own ready().
        from . import jobs, standard_documents, workflows  # noqa: F401
