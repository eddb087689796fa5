from django import template

from civica.mediation.matters import MATTERS

register = template.Library()


@register.filter
def matter_label(key):
    return MATTERS.get(key, key)
