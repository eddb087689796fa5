from django import template

from civica.timebank.statements import hours as _hours

register = template.Library()


@register.filter
def hours(minutes) -> str:
    """Minutes as hours and minutes, 90 → 1:30."""
    return _hours(int(minutes or 0))


@register.filter
def percent_of(value, top) -> int:
    return round(100 * (value or 0) / top) if top else 0
