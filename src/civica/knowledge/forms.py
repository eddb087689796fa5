from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from civica.core.validators import PublicURLValidator

from .models import KnowledgeItem

OTHER_LANGUAGES = [(code, name) for code, name in settings.LANGUAGES]


class LibraryFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("Any kind")), *KnowledgeItem.Kind.choices]
    )


class ItemForm(forms.Form):
    """The text in its original language, and optionally in each of the others, field by field."""

    organisation = forms.ModelChoiceField(label=_("Published by"), queryset=None, to_field_name="slug")
    kind = forms.ChoiceField(label=_("Kind"), choices=KnowledgeItem.Kind.choices)
    visibility = forms.ChoiceField(label=_("Who can read it"), choices=KnowledgeItem.Visibility.choices)
    language = forms.ChoiceField(label=_("Original language"), choices=settings.LANGUAGES)
    title = forms.CharField(label=_("Title"), max_length=250)
    body = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 10}))
    attachment = forms.FileField(label=_("Document (PDF, DOCX or ODT, up to 10 MB)"), required=False)
    change_note = forms.CharField(label=_("What changed"), required=False, max_length=300)

    def __init__(self, *args, organisations, revising=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        if revising:
            for name in ("organisation", "kind", "visibility"):
                del self.fields[name]
        else:
            del self.fields["change_note"]
        for code, name in settings.LANGUAGES:
            self.fields[f"title_{code}"] = forms.CharField(
                label=_("Title in %(language)s") % {"language": name}, required=False, max_length=250
            )
            self.fields[f"body_{code}"] = forms.CharField(
                label=_("Text in %(language)s") % {"language": name},
                required=False,
                widget=forms.Textarea(attrs={"rows": 5}),
            )

    def translations(self) -> dict:
        original = self.cleaned_data["language"]
        return {
            code: {"title": self.cleaned_data[f"title_{code}"], "body": self.cleaned_data[f"body_{code}"]}
            for code, _name in settings.LANGUAGES
            if code != original and (self.cleaned_data[f"title_{code}"] or self.cleaned_data[f"body_{code}"])
        }

    def original_fields(self):
        return [
            self[name]
            for name in ("organisation", "kind", "visibility", "language", "title", "body", "attachment", "change_note")
            if name in self.fields
        ]

    def translation_fields(self):
        return [(name, self[f"title_{code}"], self[f"body_{code}"]) for code, name in settings.LANGUAGES]


def _area(rows=4):
    return forms.Textarea(attrs={"rows": rows})


class PracticeForm(forms.Form):
    """A practice in one language: its original one on creation, any of the four when changing it."""

    organisation = forms.ModelChoiceField(label=_("Recorded by"), queryset=None, to_field_name="slug")
    language = forms.ChoiceField(label=_("Language of this text"), choices=settings.LANGUAGES)
    title = forms.CharField(label=_("Title"), max_length=250)
    promoter = forms.CharField(label=_("Organisation carrying it out"), max_length=250)
    thematic_unit = forms.CharField(label=_("Thematic unit"), max_length=200, required=False)
    goal = forms.CharField(label=_("Goal"), required=False, widget=_area())
    audience = forms.CharField(label=_("Audience"), required=False, widget=_area(3))
    duration = forms.CharField(label=_("Duration"), max_length=200, required=False)
    description = forms.CharField(label=_("Description"), widget=_area(8))
    social_impact = forms.CharField(label=_("Social impact"), required=False, widget=_area())
    partners = forms.CharField(label=_("Partners"), required=False, widget=_area(3))
    staff_involved = forms.CharField(label=_("Staff involved"), max_length=200, required=False)
    benefits = forms.CharField(label=_("Benefits for the organisation"), required=False, widget=_area())
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    website = forms.URLField(
        label=_("Website"), required=False, assume_scheme="https", validators=[PublicURLValidator()]
    )
    sdg_targets = forms.ModelMultipleChoiceField(
        label=_("SDG targets it serves"), queryset=None, required=False, to_field_name="code"
    )
    is_published = forms.BooleanField(label=_("Publish it in the public catalogue"), required=False, initial=True)

    def __init__(self, *args, organisations=None, targets, fixed_language=None, **kwargs):
        super().__init__(*args, **kwargs)
        if organisations is None:
            del self.fields["organisation"]
        else:
            self.fields["organisation"].queryset = organisations
        if fixed_language:
            del self.fields["language"]
        self.fields["sdg_targets"].queryset = targets
        self.fields["sdg_targets"].label_from_instance = lambda target: f"{target.code} {target.title_in()}"[:100]

    def text_values(self) -> dict:
        from .models import Practice

        return {name: self.cleaned_data.get(name, "") for name in Practice.TEXT_FIELDS}


class PracticeFilterForm(forms.Form):
    q = forms.CharField(label=_("Search the catalogue"), required=False, max_length=100)
    target = forms.ChoiceField(label=_("SDG target"), required=False)
    unit = forms.ChoiceField(label=_("Thematic unit"), required=False)

    def __init__(self, *args, targets, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].choices = [("", _("Any target")), *[(t.code, f"{t.code}") for t in targets]]
        self.fields["unit"].choices = [("", _("Any thematic unit")), *[(unit, unit) for unit in units]]


class FeedbackForm(forms.Form):
    useful = forms.TypedChoiceField(
        label=_("Was this practice useful to you?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comment (optional)"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 4})
    )
    # Hidden from people (and from assistive technology); robots fill it in.
    website = forms.CharField(label=_("Leave this field empty"), required=False)


class PresentExistingForm(forms.Form):
    practice = forms.ModelChoiceField(
        label=_("A practice from the catalogue presented in this meeting"), queryset=None, to_field_name="uuid"
    )

    def __init__(self, *args, practices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["practice"].queryset = practices
