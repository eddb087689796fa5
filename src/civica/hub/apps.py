from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HubConfig(AppConfig):
    name = "civica.hub"
    label = "hub"
    verbose_name = _("Coordination centre")

    # The rules are autodiscovered (rules.apps.AutodiscoverRulesConfig): nothing to import by hand.
