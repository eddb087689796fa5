"""Template helpers: design-system form fields, query strings that keep the current filters, money."""

from decimal import Decimal, InvalidOperation

from django import forms, template
from django.utils.formats import get_format
from django.utils.numberformat import format as number_format
from django.utils.translation import get_language

register = template.Library()

_WIDGET_CLASSES = {
    forms.Select: "govuk-select",
    forms.Textarea: "govuk-textarea",
    forms.PasswordInput: "govuk-input",
    forms.EmailInput: "govuk-input",
    forms.URLInput: "govuk-input",
    forms.NumberInput: "govuk-input govuk-input--width-10",
    forms.DateInput: "govuk-input govuk-input--width-10",
    forms.DateTimeInput: "govuk-input govuk-input--width-20",
    forms.FileInput: "govuk-file-upload",
    forms.TextInput: "govuk-input",
}


@register.inclusion_tag("includes/field.html")
def field(bound_field, label_class=""):
    widget = bound_field.field.widget
    for widget_type, css in _WIDGET_CLASSES.items():
        if isinstance(widget, widget_type):
            classes = css + (" govuk-input--error" if bound_field.errors and "input" in css else "")
            if bound_field.errors and "select" in css:
                classes += " govuk-select--error"
            if bound_field.errors and "textarea" in css:
                classes += " govuk-textarea--error"
            widget.attrs["class"] = classes
            break
    described = []
    if bound_field.help_text:
        described.append(f"{bound_field.id_for_label}_helptext")
    if bound_field.errors:
        described.append(f"{bound_field.id_for_label}_error")
    if described:
        widget.attrs["aria-describedby"] = " ".join(described)
    else:
        widget.attrs.pop("aria-describedby", None)
    return {"field": bound_field, "label_class": label_class}


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters replaced, for pagination links."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        query[key] = value
    return query.urlencode()


# How amounts are labelled in running text: Romanian amounts are "lei" in every language Civica speaks.
CURRENCY_LABELS = {"RON": "lei", "EUR": "€"}


@register.filter
def money(value, currency=""):
    """An amount as the page's language writes money: thousands grouped, two decimals, the currency after
    it ("2.045,00 lei" in Romanian, "2,045.00 lei" in English). Empty for no value."""
    if value is None or value == "":
        return ""
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return value
    language = get_language()
    text = number_format(
        amount,
        get_format("DECIMAL_SEPARATOR", language),
        decimal_pos=2,
        grouping=get_format("NUMBER_GROUPING", language),
        thousand_sep=get_format("THOUSAND_SEPARATOR", language),
        force_grouping=True,
    )
    label = CURRENCY_LABELS.get(str(currency), str(currency))
    return f"{text}\u00a0{label}" if label else text
