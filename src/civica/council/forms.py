"""Input of the council's pages: convening a sitting, attendance, a roll call, publishing a decision,
a recommendation on a draft in public debate."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Attendance, Motion, Vote, VoteEvent


class SittingForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=250)
    starts_at = forms.DateTimeField(
        label=_("Starts"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
    )
    place = forms.CharField(label=_("Place"), max_length=250, required=False)
    stream_url = forms.URLField(label=_("Live stream or video"), required=False, assume_scheme="https")
    is_public = forms.BooleanField(label=_("Public sitting"), required=False, initial=True)
    motions = forms.ModelMultipleChoiceField(
        label=_("Draft decisions on the agenda"),
        queryset=Motion.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, motions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["motions"].queryset = motions


class AttendanceForm(forms.Form):
    """One choice per councillor in office, named by the person's UUID."""

    def __init__(self, *args, people, current=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.people = {str(p.uuid): p for p in people}
        for key, person in self.people.items():
            self.fields[key] = forms.ChoiceField(
                label=person.name, choices=Attendance.Status.choices, initial=(current or {}).get(person.pk, "present")
            )

    def statuses(self):
        return {self.people[key]: value for key, value in self.cleaned_data.items()}


class VoteForm(forms.Form):
    motion = forms.ModelChoiceField(label=_("Draft decision"), queryset=Motion.objects.none())
    rule = forms.ChoiceField(label=_("Majority"), choices=VoteEvent.Majority.choices)

    def __init__(self, *args, motions, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["motion"].queryset = motions
        self.people = {str(p.uuid): p for p in people}
        for key, person in self.people.items():
            self.fields[key] = forms.ChoiceField(label=person.name, choices=Vote.Option.choices, initial="yes")

    def votes(self):
        return [(self.people[key], self.cleaned_data[key]) for key in self.people]


class DecisionForm(forms.Form):
    official_id = forms.CharField(
        label=_("Official record identifier"),
        max_length=60,
        required=False,
        help_text=_("Diavgeia's ΑΔΑ in Greece, the Monitorul Oficial Local or albo pretorio number elsewhere."),
    )
    pdf = forms.FileField(label=_("The decision as PDF"), required=False)


class RecommendationForm(forms.Form):
    text = forms.CharField(label=_("Your recommendation"), widget=forms.Textarea(attrs={"rows": 5}), max_length=5000)
