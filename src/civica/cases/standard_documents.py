"""The case core's own document: the acknowledgement of a request, for every kind of case."""

from pathlib import Path

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .document_kinds import DocumentKind, register
from .document_services import format_value


def acknowledgement_context(case, details: dict, language: str) -> dict:
    return {
        "received_on": format_value(case.created_at, language),
        "answer_by": format_value(timezone.localtime(case.due_at).date(), language) if case.due_at else "",
        "channel": str(case.get_channel_display()),
    }


ACKNOWLEDGEMENT = register(
    DocumentKind(
        key="acknowledgement",
        label=_("Acknowledgement of the request"),
        defaults=Path(__file__).resolve().parent / "document_templates" / "acknowledgement",
        context=acknowledgement_context,
        placeholders={
            "received_on": _("when the request came in"),
            "answer_by": _("the date by which the next step is due, if one is set"),
            "channel": _("how the request came in"),
        },
    )
)
