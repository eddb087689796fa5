"""Documents for every app: DOCX templates filled in, and PDF copies made from them.

A template is an ordinary Word document whose text holds Jinja placeholders (`{{ case.reference }}`,
`{%p for party in parties %}`), so a centre can download one, change it in any word processor and
upload it back. Templates may come from users, so they are rendered in Jinja's sandbox, with every
value escaped for XML and every unknown placeholder reported rather than left blank.

PDF copies come from LibreOffice in headless mode: the one converter that lays out a DOCX the way a
word processor does. Each conversion gets a profile directory of its own, so conversions may run
side by side.
"""

import contextlib
import io
import shutil
import signal
import subprocess
import tempfile
import threading
import zipfile
from collections.abc import Mapping
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _
from docx import Document
from docxtpl import DocxTemplate
from jinja2 import StrictUndefined, TemplateError, UndefinedError
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF_CONTENT_TYPE = "application/pdf"
MAX_TEMPLATE_BYTES = 5 * 1024 * 1024


class DocumentError(Exception):
    """A template that cannot be read or filled in, or a PDF that could not be made; the message is
    translated and fit to show to the person who asked."""


# Bounds on what a template may make: no string or list longer than MAX_VALUE_CHARS from `*`, `+`
# or `**`, no filled-in document larger than MAX_OUTPUT_BYTES, no rendering longer than RENDER_SECONDS.
MAX_VALUE_CHARS = 200_000
MAX_OUTPUT_BYTES = 20 * 1024 * 1024
RENDER_SECONDS = 5


class _TooBig(Exception):
    pass


def _too_big(operator, left, right) -> bool:
    sized = str | list | tuple
    if operator == "*":
        return any(
            isinstance(seq, sized) and isinstance(times, int) and len(seq) * max(times, 0) > MAX_VALUE_CHARS
            for seq, times in ((left, right), (right, left))
        )
    if operator == "+":
        return isinstance(left, sized) and isinstance(right, sized) and len(left) + len(right) > MAX_VALUE_CHARS
    return operator == "**" and isinstance(right, int | float) and abs(right) > 64


class LimitedSandbox(SandboxedEnvironment):
    """Jinja's sandbox (no attribute escapes) plus a cap on the size of what `*`, `+` and `**` make,
    so `{{ 'A' * 50000000 }}` is refused at once instead of filling memory."""

    intercepted_binops = frozenset(["*", "+", "**"])

    def call_binop(self, context, operator, left, right):
        if _too_big(operator, left, right):
            raise _TooBig()
        return super().call_binop(context, operator, left, right)


def _environment() -> SandboxedEnvironment:
    return LimitedSandbox(autoescape=True, undefined=StrictUndefined)


@contextlib.contextmanager
def _time_budget(seconds: int):
    """Raise _TooSlow after `seconds` (only where signals work: the main thread of a process)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def stop(signum, frame):
        raise _TooSlow()

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class _TooSlow(Exception):
    pass


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
        with _time_budget(RENDER_SECONDS):
            document.render(dict(context), jinja_env=_environment(), autoescape=True)
    except _TooBig as error:
        raise DocumentError(
            _("The template makes a text longer than %(limit)s characters.") % {"limit": MAX_VALUE_CHARS}
        ) from error
    except _TooSlow as error:
        raise DocumentError(
            _("The template takes longer than %(seconds)s seconds to fill in.") % {"seconds": RENDER_SECONDS}
        ) from error
    except SecurityError as error:
        raise DocumentError(
            _("The template tries to reach something templates may not use: %(error)s")
            % {"error": error.message or str(error)}
        ) from error
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
    if out.tell() > MAX_OUTPUT_BYTES:
        raise DocumentError(_("The filled-in document would be larger than 20 MB."))
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


class _Sample:
    """A stand-in for a value a kind adds (parties, meetings...): any field, item or loop gives a sample."""

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        return self

    def __getitem__(self, key):
        return self

    def __iter__(self):
        return iter([self])

    def __len__(self):
        return 1

    def __str__(self):
        return "Sample"


def sample_context(*, base, organisation=None) -> dict:
    """Sample values for a test fill-in at upload: the common names (`case`, `centre`, `requester`,
    `today`, `details`) with their exact fields, so an unknown field is refused; anything else a kind
    adds is a permissive sample."""
    context = {name: _Sample() for name in base}
    context.update(
        {
            "case": {
                "reference": "RC-2026-000001",
                "title": "Sample",
                "summary": "Sample",
                "state": "Sample",
                "opened_on": "01.01.2026",
                "outcome": "Sample",
            },
            "centre": {
                "name": getattr(organisation, "name", "Sample"),
                "address": "Sample",
                "email": "sample@example.org",
                "phone": "000",
                "fiscal_id": "000",
            },
            "requester": {"organisation": "Sample", "person": "Sample"},
            "today": "01.01.2026",
            "details": _Sample(),
        }
    )
    return _DefaultSamples(context)


class _DefaultSamples(dict):
    """The context dict; a kind's own top-level names (not listed in `base`) get a permissive sample."""

    def __missing__(self, key):
        return _Sample()
