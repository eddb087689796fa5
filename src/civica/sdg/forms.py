from django import forms
from django.utils.translation import gettext_lazy as _

YEAR = {"min_value": 1990, "max_value": 2100}


class LocalIndicatorForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=None, to_field_name="slug")
    name = forms.CharField(label=_("Name of the local indicator"), max_length=250)
    unit = forms.CharField(label=_("Unit (optional)"), max_length=40, required=False)
    indicator = forms.ModelChoiceField(
        label=_("SDG 16 indicator it measures (optional)"), queryset=None, required=False, to_field_name="code"
    )
    baseline = forms.DecimalField(label=_("Baseline value"), max_digits=14, decimal_places=2)
    baseline_year = forms.IntegerField(label=_("Baseline year"), **YEAR)
    target_value = forms.DecimalField(label=_("Target value"), max_digits=14, decimal_places=2)
    target_year = forms.IntegerField(label=_("Target year"), **YEAR)
    is_public = forms.BooleanField(label=_("Public: everyone can see it and its values"), required=False, initial=True)

    def __init__(self, *args, organisations, indicators, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["indicator"].queryset = indicators
        self.fields["indicator"].label_from_instance = lambda indicator: f"{indicator.code} {indicator.title_in()}"[
            :110
        ]


class MeasurementForm(forms.Form):
    measured_on = forms.DateField(label=_("Date of the measurement"), widget=forms.DateInput(attrs={"type": "date"}))
    value = forms.DecimalField(label=_("Measured value"), max_digits=14, decimal_places=2)
    note = forms.CharField(label=_("Note (source, method)"), max_length=300, required=False)
