from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from civica.organisations.models import Organisation, Territory

from . import sectors

# Languages a service may be given in: Athens' and Italy's most asked-for, by ISO 639-1 code.
SPOKEN_LANGUAGES = [
    ("en", _("English")),
    ("el", _("Greek")),
    ("it", _("Italian")),
    ("ro", _("Romanian")),
    ("ar", _("Arabic")),
    ("fa", _("Farsi")),
    ("ps", _("Pashto")),
    ("ur", _("Urdu")),
    ("fr", _("French")),
    ("uk", _("Ukrainian")),
    ("ku", _("Kurdish")),
    ("so", _("Somali")),
]


def sector_choices():
    return [(code, label) for code, (label, _translations) in sectors.SECTORS.items()]


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    category = forms.ChoiceField(label=_("Sector"), required=False)
    organisation_kind = forms.ChoiceField(
        label=_("Kind of organisation"), required=False, choices=[("", _("Any kind")), *Organisation.Kind.choices]
    )
    territory = forms.ModelChoiceField(
        label=_("Territory or district"), required=False, queryset=Territory.objects.none(), empty_label=_("Anywhere")
    )
    language = forms.ChoiceField(
        label=_("Language spoken"), required=False, choices=[("", _("Any language")), *SPOKEN_LANGUAGES]
    )
    cost = forms.ChoiceField(
        label=_("Cost"), required=False, choices=[("", _("Free or paid")), ("free", _("Free")), ("paid", _("Paid"))]
    )
    delivery = forms.ChoiceField(
        label=_("How it is given"),
        required=False,
        choices=[("", _("In person or online")), ("physical", _("In person")), ("virtual", _("Online or by phone"))],
    )

    def __init__(self, *args, territories, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [("", _("Any sector")), *sector_choices()]
        self.fields["territory"].queryset = territories


class ServiceForm(forms.Form):
    """A proposal: the service in its original language, optionally in the others, field by field."""

    name = forms.CharField(label=_("Name of the service"), max_length=250)
    alternate_name = forms.CharField(label=_("Other name"), required=False, max_length=250)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 6}))
    language = forms.ChoiceField(label=_("Language of this text"), choices=settings.LANGUAGES)
    categories = forms.MultipleChoiceField(
        label=_("Sectors"),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "govuk-checkboxes__input"}),
        choices=sector_choices,
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[
            ("active", _("Active")),
            ("inactive", _("Inactive")),
            ("defunct", _("Closed for good")),
            ("temporarily closed", _("Temporarily closed")),
        ],
    )
    url = forms.CharField(label=_("Web page"), required=False, max_length=500)
    email = forms.CharField(label=_("E-mail"), required=False, max_length=250)
    application_process = forms.CharField(
        label=_("How to apply"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    eligibility_description = forms.CharField(
        label=_("Who can use it"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    fees_description = forms.CharField(label=_("Fees"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    capacity = forms.IntegerField(label=_("Places (capacity)"), required=False, min_value=0)
    vacancies = forms.IntegerField(label=_("Places free now"), required=False, min_value=0)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code, language in settings.LANGUAGES:
            self.fields[f"name_{code}"] = forms.CharField(
                label=_("Name in %(language)s") % {"language": language}, required=False, max_length=250
            )
            self.fields[f"description_{code}"] = forms.CharField(
                label=_("Description in %(language)s") % {"language": language},
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
            )

    def original_fields(self):
        return [self[name] for name in self.fields if not name.startswith(("name_", "description_"))]

    def translation_fields(self):
        return [self[name] for name in self.fields if name.startswith(("name_", "description_"))]

    def data_for_service(self) -> dict:
        data = {key: value for key, value in self.cleaned_data.items() if not key.startswith(("name_", "description_"))}
        data["translations"] = {
            code: {"name": self.cleaned_data[f"name_{code}"], "description": self.cleaned_data[f"description_{code}"]}
            for code, _language in settings.LANGUAGES
        }
        return data

    @staticmethod
    def initial_from(payload: dict) -> dict:
        initial = {key: value for key, value in payload.items() if key != "translations"}
        for code, values in (payload.get("translations") or {}).items():
            initial[f"name_{code}"] = values.get("name", "")
            initial[f"description_{code}"] = values.get("description", "")
        return initial


class RejectForm(forms.Form):
    reason = forms.CharField(label=_("Why is the change rejected?"), widget=forms.Textarea(attrs={"rows": 3}))


class ImportForm(forms.Form):
    centre = forms.ModelChoiceField(label=_("Into the directory of"), queryset=Organisation.objects.none())
    file = forms.FileField(
        label=_("HSDS file"),
        help_text=_("A .zip of the CSV files with datapackage.json, or a .json file (services, organizations)."),
    )
    kind = forms.ChoiceField(
        label=_("A JSON file holds"),
        required=False,
        choices=[
            ("", _("Tell by the file name")),
            ("service", _("Services")),
            ("organization", _("Organizations")),
            ("service_at_location", _("Services at locations")),
            ("location", _("Locations")),
            ("taxonomy", _("Taxonomies")),
            ("taxonomy_term", _("Taxonomy terms")),
        ],
    )
    skip_broken_links = forms.BooleanField(
        label=_("Import the rest when links are broken (each broken link is listed and left empty)"),
        required=False,
    )

    def __init__(self, *args, centres, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["centre"].queryset = Organisation.objects.filter(pk__in=[centre.pk for centre in centres])


class LocationForm(forms.Form):
    name = forms.CharField(label=_("Name of the place"), max_length=250)
    address_1 = forms.CharField(label=_("Street and number"), required=False, max_length=250)
    city = forms.CharField(label=_("Town or city"), required=False, max_length=150)
    postal_code = forms.CharField(label=_("Postal code"), required=False, max_length=20)
    country = forms.ChoiceField(
        label=_("Country"), choices=[("GR", _("Greece")), ("IT", _("Italy")), ("RO", _("Romania"))]
    )
    territory = forms.ModelChoiceField(
        label=_("Territory or district"), required=False, queryset=Territory.objects.none()
    )
    latitude = forms.FloatField(label=_("Latitude"), required=False, min_value=-90, max_value=90)
    longitude = forms.FloatField(label=_("Longitude"), required=False, min_value=-180, max_value=180)
    is_confidential = forms.BooleanField(
        label=_("Confidential address (a shelter): never shown in public pages, the API, exports, search or the map"),
        required=False,
    )
    services = forms.ModelMultipleChoiceField(
        label=_("Services offered here"),
        required=False,
        queryset=Territory.objects.none(),
        widget=forms.CheckboxSelectMultiple(attrs={"class": "govuk-checkboxes__input"}),
    )

    def __init__(self, *args, territories, services, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["territory"].queryset = territories
        self.fields["services"].queryset = services
