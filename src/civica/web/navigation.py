"""The modules in the service navigation. Each capability adds its entry here when it lands."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Module:
    label: str | Promise
    url_name: str
    needs_login: bool = False
    platform_admin_only: bool = False


MODULES = [
    Module(_("Dashboard"), "web:dashboard", needs_login=True),
    Module(_("Cases"), "cases:inbox", needs_login=True),
    Module(_("Mediation"), "mediation:estimate"),
    Module(_("Protection"), "protection:index", needs_login=True),
    Module(_("Knowledge"), "knowledge:library"),
    Module(_("Time bank"), "timebank:home"),
    Module(_("Groups"), "groups:directory"),
    Module(_("Strategies"), "strategy:index"),
    Module(_("Helpline"), "helpline:home", needs_login=True),
    Module(_("Services"), "directory:directory"),
    Module(_("Coordination centres"), "hub:centres"),
    Module(_("Events"), "events:list"),
    Module(_("Partnerships"), "partnerships:actions"),
    Module(_("Organisations"), "organisations:directory"),
    Module(_("Territories"), "organisations:territories"),
    Module(_("API"), "api:openapi-view"),
]


def modules_for(user, current_path: str) -> list[dict]:
    items = []
    for module in MODULES:
        if module.needs_login and not user.is_authenticated:
            continue
        if module.platform_admin_only and not user.is_superuser:
            continue
        url = reverse(module.url_name)
        items.append({"label": module.label, "url": url, "active": current_path.startswith(url)})
    return items
