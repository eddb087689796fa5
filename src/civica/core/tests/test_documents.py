"""DOCX templates filled in and read back; PDF copies made by LibreOffice and their text extracted."""

import io

import pytest
from docx import Document
from pypdf import PdfReader

from civica.core import documents


def template_with(*paragraphs: str) -> bytes:
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_placeholders_are_filled_in_and_escaped():
    template = template_with("Ref. {{ case.reference }}", "Părți: {{ parties|join(', ') }}")
    assert documents.placeholders(template) == {"case", "parties"}
    filled = documents.render_docx(template, {"case": {"reference": "MD-2026-000007"}, "parties": ["A & B <SRL>"]})
    text = documents.docx_text(filled)
    assert "Ref. MD-2026-000007" in text
    # Escaped for XML on the way in, so the document opens and reads back exactly what was given.
    assert "Părți: A & B <SRL>" in text


def test_unknown_placeholder_is_reported_not_left_blank():
    with pytest.raises(documents.DocumentError, match="placeholder Civica does not know"):
        documents.render_docx(template_with("{{ case.nonexistent }}"), {"case": {}})


def test_broken_placeholder_is_reported():
    with pytest.raises(documents.DocumentError, match="not written correctly"):
        documents.placeholders(template_with("{{ case.reference "))


def test_sandbox_refuses_python_internals():
    with pytest.raises(documents.DocumentError):
        documents.render_docx(template_with("{{ case.__class__.__mro__ }}"), {"case": {}})


@pytest.mark.parametrize("content", [b"", b"plain text", b"PK\x03\x04 damaged zip"])
def test_a_file_that_is_not_docx_is_refused(content):
    with pytest.raises(documents.DocumentError, match="not a Word document"):
        documents.render_docx(content, {})


def test_pdf_copy_carries_the_text(libreoffice):
    filled = documents.render_docx(template_with("Proces-verbal {{ ref }}", "Σύσκεψη"), {"ref": "MD-2026-000009"})
    pdf = documents.docx_to_pdf(filled)
    assert pdf.startswith(b"%PDF")
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Proces-verbal MD-2026-000009" in text
    assert "Σύσκεψη" in text


def test_pdf_of_a_damaged_document_is_a_clear_error(libreoffice):
    with pytest.raises(documents.DocumentError, match="not a Word document"):
        documents.docx_to_pdf(b"not a document at all")


def test_a_huge_repetition_is_refused_quickly():
    """`{{ 'A'*50000000 }}` is refused at once with the reason, not rendered into 50 MB (issue 14.9)."""
    import time

    started = time.monotonic()
    with pytest.raises(documents.DocumentError, match="longer than"):
        documents.render_docx(template_with("{{ 'A'*50000000 }}"), {})
    with pytest.raises(documents.DocumentError, match="longer than"):
        documents.render_docx(template_with("{% set a = 'A'*100000 %}{{ a + a + a }}"), {})
    with pytest.raises(documents.DocumentError, match="longer than"):
        documents.render_docx(template_with("{{ 10 ** 100000000 }}"), {})
    assert time.monotonic() - started < 2


def test_a_sandbox_escape_is_refused_with_the_reason():
    """Reaching Python internals through a template is a DocumentError naming what was refused."""
    payload = "{{ ''.__class__.__mro__[1].__subclasses__() }}"
    with pytest.raises(documents.DocumentError, match="may not use"):
        documents.render_docx(template_with(payload), {})


def test_a_slow_template_is_stopped_by_the_time_budget(monkeypatch):
    """A loop that would run for long is stopped after the budget."""
    monkeypatch.setattr(documents, "RENDER_SECONDS", 1)
    slow = "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}"
    with pytest.raises(documents.DocumentError, match="seconds"):
        documents.render_docx(template_with(slow), {})
