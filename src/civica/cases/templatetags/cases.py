from django import template

from civica.cases import workflows

register = template.Library()


@register.filter
def state_label(case):
    """The translated name of a case's state, from its workflow."""
    return workflows.get(case.workflow).state(case.state).label


@register.filter
def workflow_label(case):
    return workflows.get(case.workflow).label
