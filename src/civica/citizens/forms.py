"""Input of the citizens' pages: sign-up extras, verification, the organisation's setup, the profile."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from civica.organisations.models import Territory

from .models import VerificationSetup

PRIVACY_NOTICE_VERSION = "2026-12"


class SignupExtraForm(forms.Form):
    """Added to allauth's sign-up form (ACCOUNT_SIGNUP_FORM_CLASS): language and the privacy notice."""

    preferred_language = forms.ChoiceField(label=_("Preferred language"), choices=settings.LANGUAGES)
    privacy_consent = forms.BooleanField(
        label=_("I have read the privacy notice and agree that Civica keeps my account data as it says."),
        required=True,
        error_messages={"required": _("Please read and accept the privacy notice to create an account.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from django.utils.translation import get_language

        self.fields["preferred_language"].initial = (get_language() or "en")[:2]

    def signup(self, request, user):
        from .accounts import citizen_signed_up

        citizen_signed_up(
            user=user,
            language=self.cleaned_data["preferred_language"],
            notice_version=PRIVACY_NOTICE_VERSION,
        )


class CensusForm(forms.Form):
    identifier = forms.CharField(label=_("Personal identification number"), max_length=32)
    birth_date = forms.DateField(
        label=_("Date of birth"), help_text=_("For example 1985-12-10."), widget=forms.DateInput(attrs={"type": "date"})
    )


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Verification code"), max_length=20, help_text=_("The code on the letter or the slip you received.")
    )


class SetupForm(forms.ModelForm):
    territory = forms.ModelChoiceField(label=_("Residents of"), queryset=Territory.objects.all())

    class Meta:
        model = VerificationSetup
        fields = [
            "territory",
            "census_enabled",
            "code_enabled",
            "oidc_enabled",
            "oidc_provider",
            "validity_days",
            "signup_open",
        ]


class CensusUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Census file (CSV)"),
        help_text=_("Two columns with this header: identifier,birth_date (YYYY-MM-DD). It replaces the previous one."),
    )


class CodesForm(forms.Form):
    count = forms.IntegerField(label=_("How many codes"), min_value=1, max_value=500, initial=10)
    valid_days = forms.IntegerField(label=_("Valid for (days)"), min_value=1, max_value=365, initial=60)


class ProfileForm(forms.Form):
    preferred_language = forms.ChoiceField(label=_("Preferred language"), choices=settings.LANGUAGES)
    email_updates = forms.BooleanField(label=_("E-mail me when my requests change"), required=False)
    email_consultations = forms.BooleanField(label=_("E-mail me about new consultations where I live"), required=False)


class EraseForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I understand that my account will be erased and cannot be recovered."),
        required=True,
        error_messages={"required": _("Please confirm that you want to erase your account.")},
    )
