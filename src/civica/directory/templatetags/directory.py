from django import template
from django.utils.translation import get_language

register = template.Library()


@register.simple_tag
def translated(record, field: str) -> str:
    """The field in the reader's language when there is a translation, else the original."""
    return record.translated(field, (get_language() or "en")[:2])


@register.simple_tag
def shown_language(record, field: str) -> str:
    language = (get_language() or "en")[:2]
    return language if (record.translations.get(language) or {}).get(field) else record.language
