from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Category, Listing, TimeBank


class DateInput(forms.DateInput):
    input_type = "date"


class JoinForm(forms.Form):
    skills = forms.CharField(label=_("What you can offer"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    is_minor = forms.BooleanField(label=_("I am under 18"), required=False)
    guardian_name = forms.CharField(label=_("Name of your parent or guardian"), required=False, max_length=200)
    guardian_contact = forms.CharField(label=_("Their phone or e-mail"), required=False, max_length=200)
    insured = forms.BooleanField(label=_("I am insured for the services I provide"), required=False)
    # A honeypot: hidden from people, filled only by robots.
    website = forms.CharField(label=_("Leave this empty"), required=False)

    def clean(self):
        data = super().clean()
        if data.get("is_minor") and not data.get("guardian_name", "").strip():
            self.add_error("guardian_name", _("A member under 18 joins with a named parent or guardian."))
        return data


class ListingFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    kind = forms.ChoiceField(
        label=_("Offers or requests"), required=False, choices=[("", _("Both")), *Listing.Kind.choices]
    )
    category = forms.ChoiceField(
        label=_("Category"), required=False, choices=[("", _("Any category")), *Category.choices]
    )


class ListingForm(forms.ModelForm):
    class Meta:
        model = Listing
        fields = ["kind", "category", "title", "description", "place", "availability"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}


class ListingEditForm(ListingForm):
    class Meta(ListingForm.Meta):
        fields = [*ListingForm.Meta.fields, "is_active"]


class ContactForm(forms.Form):
    message = forms.CharField(
        label=_("Your message"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Your e-mail address is not shown to the other member."),
    )


class ExchangeForm(forms.Form):
    direction = forms.ChoiceField(
        label=_("Who gave the service"),
        choices=[("provided", _("I gave the service")), ("received", _("I received the service"))],
    )
    counterpart = forms.ModelChoiceField(label=_("The other member"), queryset=None, to_field_name="uuid")
    category = forms.ChoiceField(label=_("Category"), choices=Category.choices)
    description = forms.CharField(label=_("What was done"), max_length=300)
    minutes = forms.IntegerField(label=_("Time (minutes)"), min_value=1, max_value=24 * 60)
    performed_on = forms.DateField(label=_("Date"), widget=DateInput)

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["counterpart"].queryset = members

    def clean_performed_on(self):
        value = self.cleaned_data["performed_on"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("An exchange is recorded after it has taken place."))
        return value


class DecisionForm(forms.Form):
    reason = forms.CharField(label=_("Reason (if you reject it)"), required=False, max_length=300)


class FeedbackForm(forms.Form):
    rating = forms.TypedChoiceField(label=_("Rating"), coerce=int, choices=[(n, str(n)) for n in range(5, 0, -1)])
    comment = forms.CharField(label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class DonationForm(forms.Form):
    minutes = forms.IntegerField(label=_("Minutes to give to the community fund"), min_value=1, max_value=6000)


class FundPaymentForm(forms.Form):
    description = forms.CharField(label=_("Event or activity"), max_length=300)
    occurred_on = forms.DateField(label=_("Date"), widget=DateInput)
    minutes = forms.IntegerField(label=_("Minutes for each person"), min_value=1, max_value=24 * 60)
    attendees = forms.ModelMultipleChoiceField(
        label=_("Attendance list"), queryset=None, to_field_name="uuid", widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attendees"].queryset = members


class ChequeForm(forms.Form):
    number = forms.CharField(label=_("Cheque number"), max_length=40)
    payer = forms.ModelChoiceField(
        label=_("Member who received the service (pays)"), queryset=None, to_field_name="uuid"
    )
    payee = forms.ModelChoiceField(
        label=_("Member who gave the service (is paid)"), queryset=None, to_field_name="uuid"
    )
    minutes = forms.IntegerField(label=_("Time (minutes)"), min_value=1, max_value=24 * 60)
    written_on = forms.DateField(label=_("Date on the cheque"), widget=DateInput)
    description = forms.CharField(label=_("Service"), max_length=300)

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["payer"].queryset = members
        self.fields["payee"].queryset = members


class CorrectionForm(forms.Form):
    reason = forms.CharField(label=_("Why this transfer is being reversed"), max_length=200)


class BankForm(forms.ModelForm):
    class Meta:
        model = TimeBank
        fields = [
            "name",
            "description",
            "place",
            "credit_limit_minutes",
            "max_balance_minutes",
            "rounding_minutes",
            "auto_confirm_days",
            "dormancy_days",
            "dormancy_warning_days",
            "cheque_deadline_days",
            "insurance_required",
            "is_open",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        if organisations is not None:
            self.fields["organisation"] = forms.ModelChoiceField(
                label=_("Run by"), queryset=organisations, to_field_name="slug"
            )
            self.order_fields(["organisation"])

    def clean_rounding_minutes(self):
        value = self.cleaned_data["rounding_minutes"]
        if value < 1:
            raise forms.ValidationError(_("The rounding unit is at least one minute."))
        return value
