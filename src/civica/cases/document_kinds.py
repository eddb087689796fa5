"""The kinds of document a case can produce (an acknowledgement, an invitation, minutes, ...), defined
in code next to the workflows they serve, like the workflows themselves.

Each kind ships a default template per language, written as plain text in the app that defines the
kind (`document_templates/<kind>/<language>.txt`, so the wording can be reviewed and translated like
code) and built into a Word document when asked for. A centre may download that document, change it
and upload its own version; the newest upload for its organisation, kind and language is then used.

Default text format: a line starting with "# " is a title, "## " a heading; other lines separated by
an empty line are paragraphs, and the lines inside one paragraph are kept as line breaks (an address,
a list of signatures); Jinja blocks such as `{%p for party in parties %}` stand on lines of
their own, because docxtpl's `{%p ... %}` tags must fill their paragraph.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django import forms
from django.utils.functional import Promise
from docx import Document
from docx.shared import Pt


@dataclass(frozen=True)
class DocumentKind:
    key: str
    label: str | Promise
    # The folder holding <language>.txt for each language the default template is written in.
    defaults: Path
    # The context the template is filled with: builder(case, details) -> dict.
    context: Callable[..., dict]
    # The workflows whose cases may produce this document; empty means every workflow.
    workflows: frozenset[str] = field(default_factory=frozenset)
    # States in which it makes sense (e.g. closing minutes once closed); empty means any state.
    states: frozenset[str] = field(default_factory=frozenset)
    # Extra facts asked when the document is made (the meeting's date, the representative's name).
    details_form: type[forms.Form] | None = None
    # The names a template of this kind may use, with what each holds, shown to template editors.
    placeholders: dict[str, str | Promise] = field(default_factory=dict)

    def applies_to(self, case) -> bool:
        return (not self.workflows or case.workflow in self.workflows) and (
            not self.states or case.state in self.states
        )

    def default_languages(self) -> list[str]:
        return sorted(path.stem for path in self.defaults.glob("*.txt"))

    def default_text(self, language: str) -> str:
        path = self.defaults / f"{language}.txt"
        if not path.exists():
            path = self.defaults / "en.txt"
        return path.read_text(encoding="utf-8")

    def default_template(self, language: str) -> bytes:
        return build_docx(self.default_text(language))


_kinds: dict[str, DocumentKind] = {}


def register(kind: DocumentKind) -> DocumentKind:
    if kind.key in _kinds and _kinds[kind.key].defaults != kind.defaults:
        raise ValueError(f"Document kind {kind.key!r} is registered twice")
    _kinds[kind.key] = kind
    return kind


def get(key: str) -> DocumentKind:
    return _kinds[key]


def all_kinds() -> list[DocumentKind]:
    return sorted(_kinds.values(), key=lambda kind: kind.key)


def kinds_for(case) -> list[DocumentKind]:
    return [kind for kind in all_kinds() if kind.applies_to(case)]


def build_docx(text: str) -> bytes:
    """A plain Word document from the default-template text format described above."""
    document = Document()
    document.styles["Normal"].font.name = "DejaVu Sans"
    document.styles["Normal"].font.size = Pt(11)
    for block in _blocks(text):
        if block.startswith("# "):
            document.add_heading(block[2:].strip(), level=1)
        elif block.startswith("## "):
            document.add_heading(block[3:].strip(), level=2)
        else:
            paragraph = document.add_paragraph()
            for number, line in enumerate(block.split("\n")):
                if number:
                    paragraph.add_run().add_break()
                # One run per line: docxtpl needs each placeholder inside a single run.
                paragraph.add_run(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _blocks(text: str) -> list[str]:
    blocks, lines = [], []
    for line in text.splitlines():
        stripped = line.strip()
        standalone = stripped.startswith(("# ", "## ", "{%p", "{%tr"))
        if not stripped or standalone:
            if lines:
                blocks.append("\n".join(lines))
                lines = []
            if standalone:
                blocks.append(stripped)
            continue
        lines.append(stripped)
    if lines:
        blocks.append("\n".join(lines))
    return blocks
