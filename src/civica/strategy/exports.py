"""The strategy and its action plan as Word documents and PDF (core.documents: DOCX → PDF through
LibreOffice), and the plan's actions as CSV. Written in the strategy's language, whoever exports it."""

import csv
import io

from django.utils import formats, translation
from django.utils.translation import gettext as _
from docx import Document
from docx.shared import Pt

from civica.core.csv_cells import safe_cell
from civica.core.documents import docx_to_pdf

from . import selectors


def _document(title: str, subtitle: str):
    document = Document()
    document.styles["Normal"].font.size = Pt(11)
    document.add_heading(title, level=1)
    if subtitle:
        document.add_paragraph(subtitle)
    return document


def _bytes(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _status_line(strategy) -> str:
    decision = selectors.decision_of(strategy)
    if strategy.adopted_version_id and decision and decision.voted_on:
        return _("Adopted by the local council on %(date)s (%(reference)s).") % {
            "date": formats.date_format(decision.voted_on, "SHORT_DATE_FORMAT"),
            "reference": decision.reference,
        }
    return _("Draft, not adopted.")


def strategy_docx(strategy, version) -> bytes:
    with translation.override(strategy.language):
        document = _document(strategy.title, f"{strategy.organisation.name} · {strategy.period}".strip(" ·"))
        document.add_paragraph(
            _("Version %(number)s. %(status)s") % {"number": version.number, "status": _status_line(strategy)}
        )
        for text in version.texts.order_by("position", "pk"):
            if text.is_heading:
                document.add_heading(text.text, level=2)
            else:
                document.add_paragraph(text.text)
        return _bytes(document)


def plan_docx(strategy) -> bytes:
    with translation.override(strategy.language):
        plan = selectors.plan_of(strategy)
        title = _("Annual action plan %(year)s") % {"year": strategy.plan_year or ""}
        document = _document(title.strip(), strategy.title)
        document.add_paragraph(
            _("Progress of the plan: %(progress)s%% (weighted by budget).")
            % {"progress": formats.number_format(plan["progress"], 1)}
        )
        for objective in plan["objectives"]:
            document.add_heading(f"{objective.code}. {objective.title}", level=2)
            for measure in objective.measures.all():
                document.add_heading(f"{measure.code}. {measure.title}", level=3)
                table = document.add_table(rows=1, cols=6)
                table.style = "Table Grid"
                headers = [_("Action"), _("Owner"), _("Budget (lei)"), _("Funding"), _("Deadline"), _("Progress")]
                for cell, header in zip(table.rows[0].cells, headers, strict=True):
                    cell.text = header
                for action in measure.actions.all():
                    row = table.add_row().cells
                    row[0].text = f"{action.code}. {action.title}"
                    row[1].text = ", ".join(
                        x for x in (action.owner, action.institution.name if action.institution else "") if x
                    )
                    row[2].text = formats.number_format(action.budget, 2, force_grouping=True)
                    row[3].text = action.funding_source.name if action.funding_source else ""
                    row[4].text = formats.date_format(action.deadline, "SHORT_DATE_FORMAT") if action.deadline else ""
                    row[5].text = f"{action.progress}%"
        return _bytes(document)


def strategy_pdf(strategy, version) -> bytes:
    return docx_to_pdf(strategy_docx(strategy, version))


def plan_pdf(strategy) -> bytes:
    return docx_to_pdf(plan_docx(strategy))


CSV_COLUMNS = [
    "objective",
    "measure",
    "code",
    "action",
    "owner",
    "institution",
    "budget",
    "funding_source",
    "funding_call",
    "call_deadline",
    "deadline",
    "indicator",
    "sdg_indicators",
    "progress",
]


def _safe(value) -> str:
    return safe_cell(str(value))


def actions_csv(strategy) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for action in selectors.actions_of(strategy):
        writer.writerow(
            [
                _safe(value)
                for value in (
                    action.measure.objective.code,
                    action.measure.code,
                    action.code,
                    action.title,
                    action.owner,
                    action.institution.name if action.institution else "",
                    f"{action.budget:.2f}",
                    action.funding_source.name if action.funding_source else "",
                    action.funding_call.title if action.funding_call else "",
                    action.funding_call.deadline.isoformat() if action.funding_call else "",
                    action.deadline.isoformat() if action.deadline else "",
                    action.indicator,
                    " ".join(indicator.code for indicator in action.sdg_indicators.all()),
                    action.progress,
                )
            ]
        )
    return out.getvalue()
