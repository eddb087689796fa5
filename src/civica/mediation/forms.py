from django import forms
from django.utils.translation import gettext_lazy as _

from .matters import MATTERS

COUNTRIES = [("IT", _("Italy")), ("RO", _("Romania")), ("GR", _("Greece"))]


class EstimateForm(forms.Form):
    country = forms.ChoiceField(label=_("Country"), choices=COUNTRIES)
    matter = forms.ChoiceField(label=_("Kind of dispute"), choices=list(MATTERS.items()))
    value = forms.DecimalField(
        label=_("Value of the dispute"),
        required=False,
        min_value=0,
        max_digits=14,
        decimal_places=2,
        help_text=_("In euro for Italy and Greece, in lei for Romania."),
    )
    parties = forms.IntegerField(label=_("Number of parties"), min_value=2, max_value=50, initial=2)
    court_referred = forms.BooleanField(label=_("A court sent the parties to mediation"), required=False)


class MediatorFilterForm(forms.Form):
    country = forms.ChoiceField(label=_("Country"), required=False, choices=[("", _("Any country")), *COUNTRIES])
    specialisation = forms.ChoiceField(
        label=_("Specialisation"), required=False, choices=[("", _("Any specialisation")), *MATTERS.items()]
    )
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[
            ("", _("Any language")),
            ("ro", _("Romanian")),
            ("it", _("Italian")),
            ("el", _("Greek")),
            ("en", _("English")),
        ],
    )
    public_bodies = forms.BooleanField(label=_("Takes disputes with public bodies"), required=False)
