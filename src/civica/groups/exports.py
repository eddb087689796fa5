"""The minutes as a Word document laid out like the Sector 1 working group's (seed 003), and as PDF.

Title, group and date; the place; the introduction; numbered themes, each with its problems,
proposed solutions, decisions and information to be provided; then the date and the signatories
(prepared by, coordinator, expert). Written in the group's language, whoever exports it.
"""

import io

from django.utils import formats, translation
from django.utils.translation import gettext as _
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from civica.core.documents import docx_to_pdf

from . import selectors
from .models import Point

SECTIONS = [
    (Point.Kind.PROBLEM, lambda: _("The following problems were identified:")),
    (Point.Kind.SOLUTION, lambda: _("The following solutions were proposed:")),
    (Point.Kind.DECISION, lambda: _("Decisions:")),
    (Point.Kind.ACTION, lambda: _("Actions:")),
    (Point.Kind.INFORMATION, lambda: _("Information to be provided:")),
]


def _who(point) -> str:
    parts = [
        name
        for name in (
            point.owner.display_name if point.owner else "",
            point.institution.name if point.institution else "",
        )
        if name
    ]
    text = ", ".join(parts)
    if point.due_on:
        text += (" – " if text else "") + _("by %(date)s") % {
            "date": formats.date_format(point.due_on, "SHORT_DATE_FORMAT")
        }
    return text


def minutes_docx(minutes) -> bytes:
    meeting = minutes.meeting
    with translation.override(meeting.group.language):
        document = Document()
        document.styles["Normal"].font.size = Pt(11)
        title = document.add_heading(_("Minutes of the meeting of the group"), level=1)
        title.alignment = WD_ALIGN_PARAGRAPH.CENTER
        subtitle = document.add_paragraph()
        subtitle.alignment = WD_ALIGN_PARAGRAPH.CENTER
        subtitle.add_run(meeting.group.name.upper()).bold = True
        date_text = formats.date_format(meeting.starts_at, "SHORT_DATE_FORMAT")
        subtitle.add_run("\n" + _("on %(date)s") % {"date": date_text})
        if meeting.place or meeting.video_url:
            document.add_paragraph(_("Place: %(place)s") % {"place": meeting.place or meeting.video_url})
        if minutes.introduction:
            document.add_paragraph(minutes.introduction)
        for number, theme in enumerate(selectors.themes_of(minutes), start=1):
            document.add_heading(f"{number}. {theme.title}", level=2)
            points = list(theme.points.all())
            for kind, heading in SECTIONS:
                of_kind = [point for point in points if point.kind == kind]
                if not of_kind:
                    continue
                document.add_paragraph(heading(), style="List Bullet")
                for point in of_kind:
                    who = _who(point) if kind in Point.FOLLOWED_UP else ""
                    document.add_paragraph(point.text + (f" ({who})" if who else ""), style="List Bullet 2")
        document.add_paragraph()
        document.add_paragraph(_("Date")).runs[0].bold = True
        document.add_paragraph(date_text)
        table = document.add_table(rows=2, cols=3)
        signatories = [
            (_("Prepared by"), minutes.prepared_by),
            (_("Coordinator of the group"), minutes.coordinator),
            (_("Expert of the group"), minutes.expert),
        ]
        for column, (role, person) in enumerate(signatories):
            table.cell(0, column).text = role
            table.cell(1, column).text = person.display_name if person else ""
        out = io.BytesIO()
        document.save(out)
        return out.getvalue()


def minutes_pdf(minutes) -> bytes:
    return docx_to_pdf(minutes_docx(minutes))
