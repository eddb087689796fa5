from django import template
from django.utils.translation import gettext_lazy as _

from ..models import Point

register = template.Library()

TRANSITION_LABELS = {
    "submit": _("Send to the attendees for review"),
    "return": _("Return to draft"),
    "approve": _("Approve the minutes"),
    "publish": _("Publish the minutes"),
}


@register.filter
def transition_label(name: str) -> str:
    return TRANSITION_LABELS.get(name, name)


@register.filter
def points_by_kind(theme) -> list[tuple[str, str, list]]:
    """(kind, label, points) in the order of the minutes: problems, solutions, decisions, actions, information."""
    points = list(theme.points.all())
    return [
        (kind, label, [point for point in points if point.kind == kind])
        for kind, label in Point.Kind.choices
        if any(point.kind == kind for point in points)
    ]


@register.filter
def short_name(organisation) -> str:
    """An organisation's short name, else its name; empty when there is none."""
    if organisation is None:
        return ""
    return organisation.short_name or organisation.name
