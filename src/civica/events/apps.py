from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "civica.events"
    label = "events"
    verbose_name = _("Trainings, seminars and conferences")

    # The rules are autodiscovered (rules.apps.AutodiscoverRulesConfig): nothing to import by hand.
