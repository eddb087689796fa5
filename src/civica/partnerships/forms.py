from django import forms
from django.utils.translation import gettext_lazy as _

from .models import CURRENCIES

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PilotActionForm(forms.Form):
    lead = forms.ModelChoiceField(label=_("Lead organisation"), queryset=None, to_field_name="slug")
    title = forms.CharField(label=_("Title"), max_length=250)
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 5}))
    partners = forms.ModelMultipleChoiceField(
        label=_("Partner organisations"), queryset=None, required=False, to_field_name="slug"
    )
    territory = forms.ModelChoiceField(label=_("Territory"), queryset=None, required=False, to_field_name="code")
    budget = forms.DecimalField(label=_("Budget"), required=False, min_value=0, max_digits=14, decimal_places=2)
    currency = forms.ChoiceField(label=_("Currency"), choices=CURRENCIES)
    starts_on = forms.DateField(label=_("Starts"), required=False, widget=DATE)
    ends_on = forms.DateField(label=_("Ends"), required=False, widget=DATE)

    def __init__(self, *args, leads, partners, territories, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead"].queryset = leads
        self.fields["partners"].queryset = partners
        self.fields["territory"].queryset = territories


class TransitionForm(forms.Form):
    text = forms.CharField(
        label=_("Reason or evaluation"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Required to reject (the reason) and to evaluate (the evaluation)."),
    )


class IndicatorForm(forms.Form):
    name = forms.CharField(label=_("Indicator"), max_length=250)
    unit = forms.CharField(label=_("Unit"), max_length=40, required=False)
    baseline = forms.DecimalField(label=_("Baseline"), max_digits=14, decimal_places=2)
    target = forms.DecimalField(label=_("Target"), max_digits=14, decimal_places=2)
    achieved = forms.DecimalField(label=_("Achieved"), max_digits=14, decimal_places=2, required=False)
    sdg_indicator = forms.ModelChoiceField(
        label=_("SDG 16 indicator"), queryset=None, required=False, to_field_name="code"
    )

    def __init__(self, *args, sdg_indicators, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sdg_indicator"].queryset = sdg_indicators


class MemorandumForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Kept by"), queryset=None, to_field_name="slug")
    title = forms.CharField(label=_("Title"), max_length=250)
    scope = forms.CharField(label=_("Scope"), widget=forms.Textarea(attrs={"rows": 5}))
    parties = forms.ModelMultipleChoiceField(
        label=_("Other parties (organisations or municipalities)"), queryset=None, to_field_name="slug"
    )
    signed_on = forms.DateField(label=_("Signed on"), required=False, widget=DATE)
    expires_on = forms.DateField(label=_("Expires on"), required=False, widget=DATE)
    document = forms.FileField(label=_("Signed document (PDF, at most 10 MB)"), required=False)
    is_public = forms.BooleanField(label=_("Show it on the public pages once signed"), required=False, initial=True)

    def __init__(self, *args, organisations, parties, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["parties"].queryset = parties


class SignatureForm(forms.Form):
    signed_on = forms.DateField(label=_("Signed on"), widget=DATE)
    expires_on = forms.DateField(label=_("Expires on"), required=False, widget=DATE)
    document = forms.FileField(label=_("Signed document (PDF, at most 10 MB)"), required=False)
