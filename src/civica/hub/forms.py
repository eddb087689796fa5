from django import forms
from django.utils.translation import gettext_lazy as _

from civica.organisations.models import Organisation

from .models import SECTORS


class JoinForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=Organisation.objects.none())
    motivation = forms.CharField(
        label=_("Why does your organisation want to join?"), widget=forms.Textarea(attrs={"rows": 4})
    )
    sectors = forms.MultipleChoiceField(
        label=_("Sectors of work"),
        required=False,
        choices=SECTORS,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "govuk-checkboxes__input"}),
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class DecisionForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (needed when the organisation is not admitted)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ProfileForm(forms.Form):
    profile = forms.CharField(label=_("Profile"), required=False, widget=forms.Textarea(attrs={"rows": 5}))
    sectors = forms.MultipleChoiceField(
        label=_("Sectors of work"),
        required=False,
        choices=SECTORS,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "govuk-checkboxes__input"}),
    )


class RepresentativeForm(forms.Form):
    user = forms.ChoiceField(label=_("Person"))
    title = forms.CharField(label=_("Title or role"), required=False, max_length=150)

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.people = {str(person.pk): person for person in people}
        self.fields["user"].choices = [(key, str(person)) for key, person in self.people.items()]
