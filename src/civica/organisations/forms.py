from django import forms
from django.utils.translation import gettext_lazy as _

from .models import COUNTRIES, Organisation, Role, Territory


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label=_("Name"), required=False, max_length=100)
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[("", _("Any kind")), *Organisation.Kind.choices])
    country = forms.ChoiceField(label=_("Country"), required=False, choices=[("", _("Any country")), *COUNTRIES])


class TerritoryFilterForm(forms.Form):
    country = forms.ChoiceField(label=_("Country"), required=False, choices=[("", _("Any country")), *COUNTRIES])
    level = forms.ChoiceField(
        label=_("Level"), required=False, choices=[("", _("Any level")), *Territory.Level.choices]
    )
    q = forms.CharField(label=_("Name"), required=False, max_length=100)


class OrganisationForm(forms.ModelForm):
    website = forms.URLField(label=_("website"), required=False, assume_scheme="https")

    class Meta:
        model = Organisation
        fields = [
            "name",
            "short_name",
            "description",
            "territory",
            "fiscal_id",
            "language",
            "website",
            "email",
            "phone",
            "address",
            "is_public",
            "contacts_confidential",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the organisation's own country's territories, so the list stays usable.
        self.fields["territory"].queryset = (
            Territory.objects.filter(country=self.instance.country)
            .exclude(level=Territory.Level.COUNTRY)
            .order_by("name")
        )


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.MEMBER)


class MembershipForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    position = forms.CharField(label=_("Position"), required=False, max_length=150)
    handles_sensitive_data = forms.BooleanField(label=_("Handles sensitive data"), required=False)


class InvitationSignupForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    password1 = forms.CharField(label=_("Password"), widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))
    password2 = forms.CharField(
        label=_("Password (again)"), widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("password1") and cleaned.get("password1") != cleaned.get("password2"):
            self.add_error("password2", _("The two passwords differ."))
        return cleaned
