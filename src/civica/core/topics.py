"""The topics local authorities and their partners bring to a centre: one vocabulary shared by cases
and the knowledge library, so that a closed case and a good practice on the same topic find each other.
Search entries carry them as tags `topic:<key>`."""

from django.utils.translation import gettext_lazy as _

TOPICS = {
    "public_services": _("Public services and utilities"),
    "local_taxes": _("Local taxes and fees"),
    "urban_planning": _("Urban planning and building permits"),
    "public_works": _("Public works and the environment"),
    "housing": _("Housing"),
    "social_services": _("Social services"),
    "education": _("Education and youth"),
    "public_order": _("Public order and neighbourhood"),
    "contracts": _("Contracts of the public body"),
    "other": _("Other"),
}


def choices(empty_label=None) -> list[tuple[str, str]]:
    options = list(TOPICS.items())
    return [("", empty_label), *options] if empty_label is not None else options


def tag(topic: str) -> str:
    return f"topic:{topic}"
