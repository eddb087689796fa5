"""Input of protection cases. Plain forms (not model forms): the services take clear values and encrypt
them; a model form would show the sealed placeholders."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import risk
from .models import SECTIONS, ProtectedPerson, ProtectionCase, ProtectionOrder, Referral, ServiceProvided, TeamMember


class DateInput(forms.DateInput):
    input_type = "date"


class CaseFilterForm(forms.Form):
    q = forms.CharField(label=_("Code or reference"), required=False, max_length=60)
    kind = forms.ChoiceField(
        label=_("Kind of violence"), required=False, choices=[("", _("Any kind")), *ProtectionCase.Kind.choices]
    )


class OpenCaseForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Lead organisation"), queryset=None, empty_label=None)
    kind = forms.ChoiceField(label=_("Kind of violence"), choices=ProtectionCase.Kind.choices)
    territory = forms.ModelChoiceField(label=_("Territory"), queryset=None)
    sex = forms.ChoiceField(label=_("Sex"), choices=ProtectedPerson.Sex.choices)
    birth_year = forms.IntegerField(label=_("Year of birth"), required=False, min_value=1900, max_value=2100)
    full_name = forms.CharField(
        label=_("Full name"),
        required=False,
        max_length=200,
        help_text=_("Encrypted; shown only to those the case is shared with. Lists and reports use the code."),
    )
    address = forms.CharField(label=_("Home address"), required=False, max_length=300)
    contact = forms.CharField(
        label=_("Safe way to make contact"), required=False, max_length=300, help_text=_("A phone number or a person.")
    )
    narrative = forms.CharField(label=_("What happened"), required=False, widget=forms.Textarea(attrs={"rows": 5}))
    injuries = forms.CharField(label=_("Injuries"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    incident_address = forms.CharField(label=_("Address of the incidents"), required=False, max_length=300)
    children = forms.CharField(
        label=_("Children"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One child per line: first name, then the year of birth after a comma."),
    )

    def __init__(self, *args, organisations, territories, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["territory"].queryset = territories

    def clean_children(self):
        children = []
        for number, line in enumerate(self.cleaned_data["children"].splitlines(), start=1):
            if not line.strip():
                continue
            name, _sep, year = line.partition(",")
            year = year.strip()
            if year and not (year.isdigit() and 1900 <= int(year) <= timezone.localdate().year):
                raise forms.ValidationError(
                    _("Line %(number)s: the year of birth must be a year such as 2015.") % {"number": number}
                )
            children.append({"name": name.strip(), "birth_year": int(year) if year else None})
        return children


class NarrativeForm(forms.Form):
    narrative = forms.CharField(label=_("What happened"), required=False, widget=forms.Textarea(attrs={"rows": 5}))
    injuries = forms.CharField(label=_("Injuries"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    incident_address = forms.CharField(label=_("Address of the incidents"), required=False, max_length=300)
    children = OpenCaseForm.base_fields["children"]
    clean_children = OpenCaseForm.clean_children


class ReferralForm(forms.Form):
    to_organisation = forms.ModelChoiceField(label=_("Refer to"), queryset=None)
    purpose = forms.CharField(
        label=_("What is asked of the agency"), max_length=500, widget=forms.Textarea(attrs={"rows": 3})
    )
    basis = forms.ChoiceField(label=_("Lawful basis for sharing"), choices=Referral.Basis.choices)
    basis_detail = forms.CharField(
        label=_("Consent or legal reference"),
        max_length=300,
        help_text=_("When and how the person consented, or the law the sharing rests on."),
    )
    deadline = forms.DateField(label=_("Deadline"), widget=DateInput)
    transfer_ownership = forms.BooleanField(
        label=_("Hand the case over: the receiving agency becomes the lead when it accepts"), required=False
    )

    def __init__(self, *args, receivers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_organisation"].queryset = receivers


SECTION_CHOICES = SECTIONS


class AnswerForm(forms.Form):
    outcome = forms.CharField(label=_("Outcome or reason"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class EmergencyForm(forms.Form):
    reason = forms.CharField(
        label=_("Why you need the case now"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Your reason is logged and sent to the lead organisation's administrators."),
    )


class RiskForm(forms.Form):
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        questions = {key: forms.BooleanField(label=label, required=False) for key, label, _weight in risk.QUESTIONS}
        self.fields = {**questions, **self.fields}


class SafetyPlanForm(forms.Form):
    plan = forms.CharField(
        label=_("Safety plan"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Safe places, people to call, the bag ready to leave, the children's school, code words."),
    )


class OrderForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of order"), choices=ProtectionOrder.Kind.choices)
    authority = forms.CharField(label=_("Issued by"), max_length=200, help_text=_("The police unit or the court."))
    number = forms.CharField(label=_("Number"), max_length=60, required=False)
    issued_on = forms.DateField(label=_("Issued on"), widget=DateInput)
    expires_on = forms.DateField(label=_("Valid until"), widget=DateInput)
    measures = forms.CharField(label=_("Measures"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class ServiceForm(forms.Form):
    kind = forms.ChoiceField(label=_("Service"), choices=ServiceProvided.Kind.choices)
    provided_on = forms.DateField(label=_("Provided on"), widget=DateInput)
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class FollowUpForm(forms.Form):
    title = forms.CharField(label=_("What is to be done"), max_length=200)
    due_on = forms.DateField(label=_("Due on"), widget=DateInput)


class ContributionForm(forms.Form):
    section = forms.ChoiceField(label=_("Section"), choices=SECTIONS)
    body = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, sections=None, **kwargs):
        super().__init__(*args, **kwargs)
        if sections is not None:
            self.fields["section"].choices = [(key, label) for key, label in SECTIONS if key in sections]


class TeamForm(forms.Form):
    membership = forms.ModelChoiceField(label=_("Person"), queryset=None)
    role = forms.ChoiceField(
        label=_("Role on the team"), choices=[c for c in TeamMember.Role.choices if c[0] != TeamMember.Role.MANAGER]
    )

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["membership"].queryset = candidates
        self.fields["membership"].label_from_instance = lambda m: (
            f"{m.user.get_full_name() or m.user.email} – {m.organisation}"
        )


class LegalHoldForm(forms.Form):
    legal_hold = forms.BooleanField(label=_("Keep the data: legal hold"), required=False)
    legal_hold_reason = forms.CharField(label=_("Reason for the legal hold"), required=False, max_length=300)


class StatisticsForm(forms.Form):
    territory = forms.ChoiceField(label=_("Territory"), required=False)
    year = forms.IntegerField(label=_("Year opened"), required=False, min_value=2000, max_value=2100)

    def __init__(self, *args, territories, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["territory"].choices = [("", _("All territories"))] + [(t.code, str(t)) for t in territories]
