from django import template
from django.utils.translation import get_language

register = template.Library()


@register.filter
def translated_title(item) -> str:
    """The title in the reader's language, or the UN's English one."""
    return item.title_in(get_language())
