"""Certificates of attendance: a Word document built with python-docx in the participant's language,
and a PDF copy laid out by LibreOffice (core.documents). The certificate carries a code that the
public verification page checks."""

import io

from django.conf import settings
from django.utils import formats, translation
from django.utils.translation import gettext as _
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from civica.core import documents

from .models import Registration


def certificate_docx(registration: Registration) -> bytes:
    event = registration.event
    with translation.override(registration.language or event.language):
        document = Document()
        document.core_properties.title = _("Certificate of attendance")
        heading = document.add_heading(_("Certificate of attendance"), level=0)
        heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
        lines = [
            _("This certifies that"),
            registration.name,
            _("attended the %(kind)s") % {"kind": event.get_kind_display().lower()},
            event.title,
            _("organised by %(organiser)s on %(date)s.")
            % {
                "organiser": event.organisation.name,
                "date": formats.date_format(event.starts_at.date(), "DATE_FORMAT"),
            },
        ]
        for index, line in enumerate(lines):
            paragraph = document.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = paragraph.add_run(line)
            if index in (1, 3):
                run.bold = True
                run.font.size = Pt(16)
        document.add_paragraph()
        check = document.add_paragraph(
            _("Verification code: %(code)s. Check it at %(url)s")
            % {"code": registration.certificate_code, "url": f"{settings.SITE_URL}/certificates/verify/"}
        )
        check.alignment = WD_ALIGN_PARAGRAPH.CENTER
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def certificate_pdf(registration: Registration) -> bytes:
    """Raises core.documents.DocumentError when LibreOffice is missing or fails."""
    return documents.docx_to_pdf(certificate_docx(registration))
