from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

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
