"""Documents for every app: DOCX templates filled in, and PDF copies made from them.

A template is an ordinary Word document whose text holds Jinja placeholders (`{{ case.reference }}`,
`{%p for party in parties %}`), so a centre can download one, change it in any word processor and
upload it back. Templates may come from users, so they are rendered in Jinja's sandbox, with every
value escaped for XML and every unknown placeholder reported rather than left blank.

PDF copies come from LibreOffice in headless mode: the one converter that lays out a DOCX the way a
word processor does. Each conversion gets a profile directory of its own, so conversions may run
side by side.
"""

import io
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Mapping
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _
from docx import Document
from docxtpl import DocxTemplate
from jinja2 import StrictUndefined, TemplateError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF_CONTENT_TYPE = "application/pdf"
MAX_TEMPLATE_BYTES = 5 * 1024 * 1024


class DocumentError(Exception):
    """A template that cannot be read or filled in, or a PDF that could not be made; the message is
    translated and fit to show to the person who asked."""


def _environment() -> SandboxedEnvironment:
    return SandboxedEnvironment(autoescape=True, undefined=StrictUndefined)


def _open(template: bytes) -> DocxTemplate:
    if len(template) > MAX_TEMPLATE_BYTES:
        raise DocumentError(_("The template is larger than 5 MB."))
    if not zipfile.is_zipfile(io.BytesIO(template)):
        raise DocumentError(_("The template is not a Word document (.docx)."))
    try:
        document = DocxTemplate(io.BytesIO(template))
        document.init_docx()
    except Exception as error:  # python-docx raises many kinds for a damaged package
        raise DocumentError(_("The template is not a Word document (.docx).")) from error
    return document


def placeholders(template: bytes) -> set[str]:
    """The names a template uses at its top level (`case`, `parties`, ...)."""
    try:
        return set(_open(template).get_undeclared_template_variables(jinja_env=_environment()))
    except TemplateError as error:
        raise DocumentError(
            _("The template has a placeholder that is not written correctly: %(error)s")
            % {"error": error.message or str(error)}
        ) from error


def render_docx(template: bytes, context: Mapping) -> bytes:
    """The template filled in with `context`, as DOCX bytes."""
    document = _open(template)
    try:
        document.render(dict(context), jinja_env=_environment(), autoescape=True)
    except UndefinedError as error:
        raise DocumentError(
            _("The template uses a placeholder Civica does not know: %(error)s")
            % {"error": error.message or str(error)}
        ) from error
    except TemplateError as error:
        raise DocumentError(
            _("The template has a placeholder that is not written correctly: %(error)s")
            % {"error": error.message or str(error)}
        ) from error
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def docx_text(docx: bytes) -> str:
    """The text of a DOCX, paragraph by paragraph and then table cell by cell: for search and checks."""
    document = Document(io.BytesIO(docx))
    lines = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.extend(cell.text for cell in row.cells)
    return "\n".join(lines)


def pdf_available() -> bool:
    return shutil.which(settings.CIVICA_SOFFICE) is not None


def docx_to_pdf(docx: bytes) -> bytes:
    """A PDF of the DOCX, laid out by LibreOffice."""
    soffice = shutil.which(settings.CIVICA_SOFFICE)
    if soffice is None:
        raise DocumentError(_("PDF copies cannot be made on this server: LibreOffice is not installed."))
    if not zipfile.is_zipfile(io.BytesIO(docx)):
        # LibreOffice would happily lay out any bytes as plain text; only a Word document may pass.
        raise DocumentError(_("The template is not a Word document (.docx)."))
    with tempfile.TemporaryDirectory(prefix="civica-pdf-") as workdir:
        work = Path(workdir)
        source = work / "document.docx"
        source.write_bytes(docx)
        command = [
            soffice,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work),
            str(source),
        ]
        try:
            subprocess.run(  # noqa: S603 - a fixed program and arguments, no shell
                command, capture_output=True, timeout=settings.CIVICA_PDF_TIMEOUT_SECONDS, check=False
            )
        except subprocess.TimeoutExpired as error:
            raise DocumentError(_("The PDF copy took too long to make. Please try again.")) from error
        target = work / "document.pdf"
        if not target.exists():
            raise DocumentError(_("The PDF copy could not be made from this document."))
        return target.read_bytes()
