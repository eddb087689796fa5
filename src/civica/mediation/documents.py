"""The documents of a mediation, registered with the case core: invitation, the Romanian contract,
the public body representative's mandate, the closing minutes (proces-verbal / verbale) and the
agreement. Their default wording, per language, is in document_templates/<kind>/<language>.txt."""

from pathlib import Path

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from civica.cases import document_kinds, workflows
from civica.cases.document_kinds import DocumentKind
from civica.cases.document_services import format_value

from .fees import rules_for
from .matters import MATTERS
from .models import MediationCase, MediatorSelection

TEMPLATES = Path(__file__).resolve().parent / "document_templates"
BOTH = frozenset({"mediation_it", "mediation_ro"})
CLOSED = frozenset({"agreement", "no_agreement", "not_continued", "failure", "withdrawal_minutes_due", "withdrawn"})

PLACEHOLDERS = {
    "mediation": _(
        "the dispute: country, matter, value, currency, mandatory, court_referred, public_body_party, clauses, law"
    ),
    "mediator": _("the confirmed mediator: chosen, full_name, authorisation_number, authority, email, phone"),
    "parties": _("the parties, one name each (the requesting organisation first)"),
}


def _confirmed_mediator(mediation: MediationCase):
    selection = (
        mediation.selections.select_related("mediator").filter(status=MediatorSelection.Status.CONFIRMED).first()
    )
    return selection.mediator if selection else None


# The context is built in the document's language (labels, dates); refusals stay lazy so that they
# reach the person in their own language, not the document's.
def mediation_context(case, details: dict, language: str, *, mediator_required: bool = False) -> dict:
    mediation = case.mediation
    mediator = _confirmed_mediator(mediation)
    if mediator_required and mediator is None:
        raise ValidationError({"kind": _("Confirm the mediator before making this document.")})
    rules = rules_for(mediation.country, case.created_at.date()) or {}
    present = set(mediation.contract_clauses)
    return {
        "mediation": {
            "country": mediation.country,
            "matter": str(MATTERS.get(mediation.matter, mediation.matter)),
            "value": format_value(mediation.value, language) if mediation.value is not None else "",
            "currency": rules.get("currency", ""),
            "mandatory": mediation.mandatory,
            "court_referred": mediation.court_referred,
            "public_body_party": mediation.public_body_party,
            "clauses": [str(label) for key, label in MediationCase.RO_MANDATORY_CLAUSES if key in present],
            "law": rules.get("source", ""),
        },
        "mediator": {
            "chosen": mediator is not None,
            "full_name": mediator.full_name if mediator else "",
            "authorisation_number": mediator.authorisation_number if mediator else "",
            "authority": mediator.get_authority_display() if mediator else "",
            "email": mediator.email if mediator else "",
            "phone": mediator.phone if mediator else "",
        },
        "parties": mediation.parties,
    }


class InvitationDetails(forms.Form):
    meeting_at = forms.DateTimeField(
        label=_("Date and time of the meeting"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )
    place = forms.CharField(label=_("Place"), max_length=250, required=False)
    video_url = forms.URLField(label=_("Video link"), required=False, assume_scheme="https")

    def clean(self):
        data = super().clean()
        if not data.get("place") and not data.get("video_url"):
            raise ValidationError(_("Give the place of the meeting, its video link, or both."))
        return data


class ContractDetails(forms.Form):
    fee = forms.DecimalField(label=_("Mediator's fee"), min_value=0, max_digits=12, decimal_places=2)
    fee_sharing = forms.CharField(
        label=_("How the costs are shared"),
        max_length=250,
        required=False,
        help_text=_("Leave empty for equal shares, as the law provides."),
    )
    copies = forms.IntegerField(label=_("Number of copies"), min_value=1, max_value=20, initial=3)


class MandateDetails(forms.Form):
    representative = forms.CharField(label=_("Representative of the public body"), max_length=200)
    position = forms.CharField(label=_("Position"), max_length=200)
    legal_opinion = forms.CharField(label=_("Legal opinion (number and date)"), max_length=200)
    act = forms.CharField(
        label=_("Act granting the mandate"),
        max_length=250,
        help_text=_("For example the mayor's disposition or the council's decision, with its number and date."),
    )
    limits = forms.CharField(label=_("Limits of the mandate"), widget=forms.Textarea(attrs={"rows": 4}))


class ClosingDetails(forms.Form):
    place = forms.CharField(label=_("Place"), max_length=250)
    closed_on = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))


class AgreementDetails(forms.Form):
    terms = forms.CharField(label=_("Terms agreed"), widget=forms.Textarea(attrs={"rows": 8}))
    place = forms.CharField(label=_("Place"), max_length=250)


def _with_mediator(case, details, language):
    return mediation_context(case, details, language, mediator_required=True)


def _public_body_only(case, details, language):
    if not case.mediation.public_body_party:
        raise ValidationError({"kind": _("A mandate is only needed when a public body is a party.")})
    return mediation_context(case, details, language)


def _closing(case, details, language):
    context = mediation_context(case, details, language, mediator_required=True)
    state = case.state if case.state != "withdrawal_minutes_due" else "withdrawn"
    context["closure"] = str(workflows.get(case.workflow).state(state).label)
    return context


CLOSING_PLACEHOLDERS = {**PLACEHOLDERS, "closure": _("how the mediation ended")}

for kind in (
    DocumentKind(
        key="invitation",
        label=_("Invitation to mediation"),
        defaults=TEMPLATES / "invitation",
        context=mediation_context,
        workflows=BOTH,
        states=frozenset({"filed", "first_meeting", "in_progress", "extended", "information", "contract", "sessions"}),
        details_form=InvitationDetails,
        placeholders=PLACEHOLDERS,
    ),
    DocumentKind(
        key="contract_ro",
        label=_("Mediation contract (Romania)"),
        defaults=TEMPLATES / "contract_ro",
        context=_with_mediator,
        workflows=frozenset({"mediation_ro"}),
        states=frozenset({"information", "contract", "sessions"}),
        details_form=ContractDetails,
        placeholders=PLACEHOLDERS,
    ),
    DocumentKind(
        key="mandate",
        label=_("Mandate of the public body's representative"),
        defaults=TEMPLATES / "mandate",
        context=_public_body_only,
        workflows=BOTH,
        states=frozenset({"first_meeting", "in_progress", "extended", "sessions", "awaiting_mandate"}),
        details_form=MandateDetails,
        placeholders=PLACEHOLDERS,
    ),
    DocumentKind(
        key="agreement",
        label=_("Mediation agreement"),
        defaults=TEMPLATES / "agreement",
        context=_with_mediator,
        workflows=BOTH,
        states=frozenset({"first_meeting", "in_progress", "extended", "sessions", "awaiting_mandate", "agreement"}),
        details_form=AgreementDetails,
        placeholders=PLACEHOLDERS,
    ),
    DocumentKind(
        key="closing_minutes",
        label=_("Closing minutes"),
        defaults=TEMPLATES / "closing_minutes",
        context=_closing,
        workflows=BOTH,
        states=CLOSED,
        details_form=ClosingDetails,
        placeholders=CLOSING_PLACEHOLDERS,
    ),
):
    document_kinds.register(kind)
