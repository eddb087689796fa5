"""A member's statement as CSV and as PDF (a DOCX laid out by python-docx, converted by LibreOffice
through civica.core.documents)."""

from __future__ import annotations

import csv
import io

from django.utils import timezone
from django.utils.translation import gettext as _
from docx import Document

from civica.core.csv_cells import safe_cell
from civica.core.documents import docx_to_pdf

from .models import BankMember


def hours(minutes: int) -> str:
    sign = "-" if minutes < 0 else ""
    minutes = abs(minutes)
    return f"{sign}{minutes // 60}:{minutes % 60:02d}"


def _header() -> list[str]:
    return [_("Date"), _("Kind"), _("Description"), _("Entered by"), _("Minutes"), _("Balance (minutes)")]


def _row(line: dict) -> list[str]:
    transfer = line["transfer"]
    return [
        transfer.occurred_on.isoformat(),
        str(transfer.get_kind_display()),
        safe_cell(transfer.description),
        safe_cell(transfer.entered_by.get_full_name() or transfer.entered_by.email),
        str(line["minutes"]),
        str(line["balance"]),
    ]


def statement_csv(member: BankMember, lines: list[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(_header())
    for line in lines:
        writer.writerow(_row(line))
    return buffer.getvalue()


def statement_docx(member: BankMember, lines: list[dict]) -> bytes:
    document = Document()
    document.add_heading(_("Statement of account"), level=1)
    document.add_paragraph(f"{member.bank.name}")
    document.add_paragraph(
        _("Member: %(name)s, card %(card)s")
        % {"name": member.user.get_full_name() or member.user.email, "card": member.card_number}
    )
    document.add_paragraph(_("Printed on %(date)s") % {"date": timezone.localdate().isoformat()})
    table = document.add_table(rows=1, cols=6)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, _header(), strict=True):
        cell.text = text
    for line in lines:
        for cell, text in zip(table.add_row().cells, _row(line), strict=True):
            cell.text = text
    final = lines[-1]["balance"] if lines else 0
    document.add_paragraph(
        _("Balance: %(minutes)s minutes (%(hours)s hours)") % {"minutes": final, "hours": hours(final)}
    )
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def statement_pdf(member: BankMember, lines: list[dict]) -> bytes:
    return docx_to_pdf(statement_docx(member, lines))
