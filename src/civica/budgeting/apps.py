from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BudgetingConfig(AppConfig):
    name = "civica.budgeting"
    label = "budgeting"
    verbose_name = _("Participatory budgeting")

    def ready(self):
        from . import rules  # noqa: F401  (registers permissions)
