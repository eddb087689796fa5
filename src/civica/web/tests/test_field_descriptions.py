"""Hints and errors are announced: the shared field include gives them the ids Django's widgets name in
`aria-describedby` (`<id>_helptext`, `<id>_error`), so every reference points at an element."""

import re

from django import forms
from django.template.loader import render_to_string


class _Everything(forms.Form):
    name = forms.CharField(help_text="As on your identity card.")
    kind = forms.ChoiceField(choices=[("a", "A"), ("b", "B")], help_text="Pick one.")
    agree = forms.BooleanField(help_text="Required to go on.")
    notes = forms.CharField(widget=forms.Textarea, required=False, help_text="Anything else.")


def _ids_and_references(html: str):
    ids = set(re.findall(r'\sid="([^"]+)"', html))
    references = {ref for value in re.findall(r'aria-describedby="([^"]*)"', html) for ref in value.split()}
    return ids, references


def test_every_described_by_reference_exists_with_errors_and_hints():
    form = _Everything(data={"notes": "x"})
    assert not form.is_valid()
    html = "".join(render_to_string("includes/field.html", {"field": form[name]}) for name in form.fields)
    ids, references = _ids_and_references(html)
    assert references, "the widgets must name their hints and errors"
    assert references <= ids, f"aria-describedby names missing ids: {sorted(references - ids)}"
    for name in ("name", "kind", "agree"):
        assert f"id_{name}_error" in references and f"id_{name}_helptext" in references


def test_hints_alone_are_described_without_errors():
    html = "".join(
        render_to_string("includes/field.html", {"field": _Everything()[name]}) for name in ("name", "agree")
    )
    ids, references = _ids_and_references(html)
    assert references == {"id_name_helptext", "id_agree_helptext"} and references <= ids
