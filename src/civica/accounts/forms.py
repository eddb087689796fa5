from allauth.account.forms import LoginForm
from django import forms
from django.utils.translation import gettext_lazy as _

from .models import User
from .scopes import scope_choices


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["first_name", "last_name", "job_title", "phone", "preferred_language"]


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("Token name"), max_length=100, help_text=_("What the token is for, e.g. 'Reporting script'.")
    )
    expires_at = forms.DateField(
        label=_("Expires on"),
        required=False,
        help_text=_("Leave empty for a token that expires in 90 days."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    scopes = forms.MultipleChoiceField(
        label=_("What the token may do"),
        choices=scope_choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Read lets the token look; write also lets it change. Choose only what the program needs."),
    )

    def clean_expires_at(self):
        from django.utils import timezone

        value = self.cleaned_data.get("expires_at")
        if value and value <= timezone.localdate():
            raise forms.ValidationError(_("The expiry date must be in the future."))
        return value


class SignInForm(LoginForm):
    """allauth's sign-in with the "Forgot your password?" link taken out of the password's hint: there it
    sat between the e-mail and password fields in the tab order (and Enter could follow it). The sign-in
    page links to the reset page after the button instead."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].help_text = ""
