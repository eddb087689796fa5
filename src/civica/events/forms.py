from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .models import Event

DATETIME = forms.DateTimeInput(
    attrs={"type": "datetime-local", "class": "govuk-input govuk-input--width-20"}, format="%Y-%m-%dT%H:%M"
)


class EventForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Organiser"), queryset=None, to_field_name="slug")
    kind = forms.ChoiceField(label=_("Kind"), choices=Event.Kind.choices)
    title = forms.CharField(label=_("Title"), max_length=250)
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    starts_at = forms.DateTimeField(label=_("Starts"), widget=DATETIME)
    ends_at = forms.DateTimeField(label=_("Ends"), widget=DATETIME)
    place = forms.CharField(label=_("Place"), max_length=250, required=False)
    video = forms.BooleanField(label=_("Hold it by video (a Jitsi Meet room is created)"), required=False)
    capacity = forms.IntegerField(label=_("Places"), min_value=1, max_value=100000)
    is_public = forms.BooleanField(
        label=_("Public: anyone can see it and register with an e-mail address"), required=False, initial=True
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class EmailRegistrationForm(forms.Form):
    name = forms.CharField(label=_("Your name, as it should appear on the certificate"), max_length=200)
    email = forms.EmailField(label=_("Your e-mail address"))


class VerifyForm(forms.Form):
    code = forms.CharField(label=_("Verification code"), max_length=20, help_text=_("For example: ABCD-EFGH-JKLM"))
