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
