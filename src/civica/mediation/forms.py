from django import forms
from django.utils.translation import gettext_lazy as _

from civica.core import topics

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


class MediationForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Mediation body or centre"), queryset=None, to_field_name="slug")
    requester_organisation = forms.ModelChoiceField(label=_("On behalf of"), queryset=None, to_field_name="slug")
    country = forms.ChoiceField(label=_("Procedure of"), choices=[("IT", _("Italy")), ("RO", _("Romania"))])
    matter = forms.ChoiceField(label=_("Kind of dispute"), choices=list(MATTERS.items()))
    value = forms.DecimalField(
        label=_("Value of the dispute"), required=False, min_value=0, max_digits=14, decimal_places=2
    )
    public_body_party = forms.BooleanField(label=_("A public body is a party"), required=False, initial=True)
    court_referred = forms.BooleanField(label=_("A court sent the parties to mediation"), required=False)
    title = forms.CharField(label=_("Title"), max_length=250)
    summary = forms.CharField(label=_("Describe the dispute"), widget=forms.Textarea(attrs={"rows": 6}))
    topic = forms.ChoiceField(label=_("Topic"), required=False, choices=topics.choices(_("Choose a topic")))
    other_parties = forms.CharField(
        label=_("Other parties"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line: the name, and the address where the contract needs it."),
    )
    language = forms.ChoiceField(
        label=_("Language of the case"),
        choices=[("ro", _("Romanian")), ("it", _("Italian")), ("el", _("Greek")), ("en", _("English"))],
    )

    def __init__(self, *args, recipients, own_organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = recipients
        self.fields["requester_organisation"].queryset = own_organisations


class ProposeMediatorForm(forms.Form):
    mediator = forms.ModelChoiceField(label=_("Mediator"), queryset=None, to_field_name="uuid")

    def __init__(self, *args, mediators, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mediator"].queryset = mediators


class DeclarationForm(forms.Form):
    no_conflict = forms.BooleanField(label=_("The mediator declares no conflict of interest"), required=False)
    declaration = forms.CharField(
        label=_("Declaration"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Independence and impartiality, and any link with the parties or the dispute."),
    )


class ObjectionForm(forms.Form):
    reason = forms.CharField(label=_("Why do you object to this mediator?"), widget=forms.Textarea(attrs={"rows": 3}))


class DeclineForm(forms.Form):
    reason = forms.CharField(label=_("Why do you decline?"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))
