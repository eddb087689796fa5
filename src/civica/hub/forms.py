from django import forms
from django.utils.translation import gettext_lazy as _

from civica.organisations.models import Organisation, Territory

from .models import SECTORS, CapacityReport, Need, Offer, PreparednessTask


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


# --- needs, offers and the preparedness plan -------------------------------------------------------

CHECKBOXES = {"class": "govuk-checkboxes__input"}
RADIOS = {"class": "govuk-radios__input"}


class NeedFilterForm(forms.Form):
    q = forms.CharField(label=_("Words"), required=False, max_length=100)
    sector = forms.ChoiceField(label=_("Sector"), required=False, choices=[("", _("All sectors")), *SECTORS])
    priority = forms.ChoiceField(
        label=_("Priority"), required=False, choices=[("", _("Any priority")), *Need.Priority.choices]
    )
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[("", _("Any status")), *Need.Status.choices])
    territory = forms.ModelChoiceField(
        label=_("Territory or district"), required=False, queryset=Territory.objects.none(), empty_label=_("Anywhere")
    )
    committee = forms.ModelChoiceField(
        label=_("Committee"), required=False, queryset=Territory.objects.none(), empty_label=_("Any committee")
    )

    def __init__(self, *args, territories, committees, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["territory"].queryset = territories
        self.fields["committee"].queryset = committees


class NeedForm(forms.Form):
    title = forms.CharField(label=_("Need or gap"), max_length=250)
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    sector = forms.ChoiceField(label=_("Sector"), choices=SECTORS, widget=forms.RadioSelect(attrs=RADIOS))
    priority = forms.ChoiceField(
        label=_("Priority"), choices=Need.Priority.choices, widget=forms.RadioSelect(attrs=RADIOS)
    )
    territory = forms.ModelChoiceField(
        label=_("Territory or district"), required=False, queryset=Territory.objects.none()
    )
    committee = forms.ModelChoiceField(
        label=_("Identified by the committee"), required=False, queryset=Territory.objects.none()
    )

    def __init__(self, *args, territories, committees, services=None, manage=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["territory"].queryset = territories
        self.fields["committee"].queryset = committees
        if manage:
            self.fields["status"] = forms.ChoiceField(
                label=_("Status"), choices=Need.Status.choices, widget=forms.RadioSelect(attrs=RADIOS)
            )
            self.fields["services"] = forms.ModelMultipleChoiceField(
                label=_("Services in the directory that answer it"),
                required=False,
                queryset=services,
                widget=forms.CheckboxSelectMultiple(attrs=CHECKBOXES),
            )


class OfferForm(forms.Form):
    """The public form. `website` is a honeypot: hidden from people, filled only by robots."""

    offerer_kind = forms.ChoiceField(
        label=_("You offer as"), choices=Offer.OffererKind.choices, widget=forms.RadioSelect(attrs=RADIOS)
    )
    kind = forms.ChoiceField(
        label=_("Kind of support"), choices=Offer.Kind.choices, widget=forms.RadioSelect(attrs=RADIOS)
    )
    description = forms.CharField(label=_("What you offer"), widget=forms.Textarea(attrs={"rows": 4}))
    quantity = forms.CharField(
        label=_("Quantity or value"),
        required=False,
        max_length=200,
        help_text=_("For example: 40 blankets, 2 volunteers on Saturdays, 500 euros."),
    )
    area = forms.CharField(label=_("Area where it can be given"), required=False, max_length=200)
    contact_name = forms.CharField(label=_("Your name"), max_length=200)
    company_name = forms.CharField(
        label=_("Company or organisation"), required=False, max_length=200, help_text=_("If you offer as a company.")
    )
    contact_email = forms.EmailField(label=_("E-mail"))
    contact_phone = forms.CharField(label=_("Telephone"), required=False, max_length=50)
    consent_to_contact = forms.BooleanField(
        label=_("I agree that the centre and the organisation it matches my offer with contact me about it."),
        required=True,
        help_text=_("Only the centre's staff, and after matching the matched organisation, see your contact details."),
    )
    website = forms.CharField(label=_("Leave this empty"), required=False)


class MatchForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Member organisation"), queryset=Territory.objects.none())
    needs = forms.ModelMultipleChoiceField(
        label=_("Needs it answers"),
        required=False,
        queryset=Need.objects.none(),
        widget=forms.CheckboxSelectMultiple(attrs=CHECKBOXES),
    )
    note = forms.CharField(
        label=_("Note to the organisation"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, organisations, needs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["needs"].queryset = needs


class NoteForm(forms.Form):
    note = forms.CharField(
        label=_("Note (needed to decline)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))


class ContactForm(forms.Form):
    representative = forms.ChoiceField(label=_("Representative"))
    caller = forms.ChoiceField(label=_("Called by"), required=False)

    def __init__(self, *args, representatives, entries, **kwargs):
        super().__init__(*args, **kwargs)
        self.representatives = {str(r.uuid): r for r in representatives}
        self.entries = {str(e.uuid): e for e in entries}
        self.fields["representative"].choices = [
            (key, f"{r.user} · {r.membership.organisation.name}") for key, r in self.representatives.items()
        ]
        self.fields["caller"].choices = [("", _("The centre (level 1)"))] + [
            (key, f"{e.level} · {e.representative.user}") for key, e in self.entries.items()
        ]


class CapacityForm(forms.Form):
    membership = forms.ModelChoiceField(label=_("Member organisation"), queryset=CapacityReport.objects.none())
    kind = forms.ChoiceField(label=_("Capacity"), choices=CapacityReport.Kind.choices)
    quantity = forms.IntegerField(label=_("How many are available now"), min_value=0, max_value=100000)
    note = forms.CharField(label=_("Note"), required=False, max_length=250)

    def __init__(self, *args, memberships, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["membership"].queryset = memberships
        self.fields["membership"].label_from_instance = lambda membership: membership.organisation.name


class TaskForm(forms.Form):
    title = forms.CharField(label=_("Task"), max_length=250)
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    membership = forms.ModelChoiceField(label=_("Assigned to"), queryset=CapacityReport.objects.none())
    due = forms.DateField(label=_("Due"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, memberships, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["membership"].queryset = memberships
        self.fields["membership"].label_from_instance = lambda membership: membership.organisation.name


class TaskStatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=PreparednessTask.Status.choices,
        widget=forms.Select(attrs={"class": "govuk-select"}),
    )
