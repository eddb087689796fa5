"""Documents of a case: made from a template in the case's language, or uploaded; and the templates a
centre edits. Every write is one transaction with a timeline line and an audit line, like the rest of
the case core."""

import datetime
import mimetypes
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import formats, timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from civica.core import audit, documents
from civica.organisations import selectors as organisation_selectors
from civica.organisations.models import Role

from . import document_kinds, selectors, workflows
from .models import Case, CaseDocument, CaseEvent, DocumentTemplate
from .services import handling_side, record_event, requester_side, tell

MAX_UPLOAD = 10 * 1024 * 1024
UPLOAD_EXTENSIONS = {"pdf", "docx", "odt", "doc", "rtf", "jpg", "jpeg", "png", "txt"}

# The names every template may use, whatever its kind; a kind adds its own.
BASE_PLACEHOLDERS = {
    "case": gettext_lazy("the case: reference, title, summary, state, opened_on, outcome"),
    "centre": gettext_lazy("the organisation handling the case: name, address, email, phone, fiscal_id"),
    "requester": gettext_lazy("who asked: organisation, person"),
    "today": gettext_lazy("today's date, written in the document's language"),
    "details": gettext_lazy("what was filled in when the document was made"),
}


def format_value(value, language: str):
    """Dates and amounts as the document's language writes them (23.11.2026 in Romanian, 1.234,50 in
    Italian); text as it is."""
    with translation.override(language):
        if isinstance(value, datetime.datetime):
            return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")
        if isinstance(value, datetime.date):
            return formats.date_format(value, "DATE_FORMAT")
        if isinstance(value, Decimal | float):
            return formats.number_format(value, 2, use_l10n=True, force_grouping=True)
        if hasattr(value, "_meta"):
            return str(value)
    return value


def base_context(case: Case, details: dict, language: str) -> dict:
    with translation.override(language):
        state = str(workflows.get(case.workflow).state(case.state).label)
    centre = case.organisation
    return {
        "case": {
            "reference": case.reference,
            "title": case.title,
            "summary": case.summary,
            "state": state,
            "opened_on": format_value(case.created_at.date(), language),
            "outcome": case.outcome,
        },
        "centre": {
            "name": centre.name,
            "address": centre.address,
            "email": centre.email,
            "phone": centre.phone,
            "fiscal_id": centre.fiscal_id,
        },
        "requester": {
            "organisation": case.requester_organisation.name if case.requester_organisation_id else "",
            "person": case.requester.display_name if case.requester_id else "",
        },
        "today": format_value(timezone.localdate(), language),
        "details": {name: format_value(value, language) for name, value in details.items()},
    }


def _context(case: Case, kind: document_kinds.DocumentKind, details: dict, language: str) -> dict:
    context = base_context(case, details, language)
    with translation.override(language):
        context.update(kind.context(case, details, language))
    return context


def _require_worker(actor, case: Case) -> None:
    if not actor.has_perm("cases.work_on_case", case):
        raise PermissionDenied("cases.work_on_case")


@transaction.atomic
def document_generate(
    *,
    actor,
    case: Case,
    kind_key: str,
    language: str = "",
    details: dict | None = None,
    shared: bool = False,
    pdf_copy: bool = True,
) -> CaseDocument:
    """Fill in the kind's template for this case, keep the DOCX and, where LibreOffice is installed
    (and `pdf_copy` is left on), its PDF copy. A template that cannot be filled in changes nothing and
    says why."""
    _require_worker(actor, case)
    try:
        kind = document_kinds.get(kind_key)
    except KeyError as error:
        raise ValidationError({"kind": _("Choose a document.")}) from error
    if not kind.applies_to(case):
        raise ValidationError({"kind": _("This document cannot be made for this case in its present state.")})
    language = language or case.language
    details = details or {}
    try:
        docx = documents.render_docx(
            selectors.template_in_use(case.organisation, kind, language), _context(case, kind, details, language)
        )
        pdf = documents.docx_to_pdf(docx) if pdf_copy and documents.pdf_available() else None
    except documents.DocumentError as error:
        raise ValidationError({"kind": str(error)}) from error
    with translation.override(language):
        title = f"{kind.label} – {case.reference}"
    stem = slugify(f"{case.reference}-{kind.key}-{language}")
    document = CaseDocument(
        case=case,
        title=title,
        kind=kind.key,
        language=language,
        content_type=documents.DOCX_CONTENT_TYPE,
        size=len(docx),
        shared_with_requester=shared,
        created_by=actor,
    )
    document.file.save(f"{stem}.docx", ContentFile(docx), save=False)
    if pdf is not None:
        document.pdf.save(f"{stem}.pdf", ContentFile(pdf), save=False)
    document.save()
    _recorded(actor, case, document, made_from=kind.key)
    return document


@transaction.atomic
def document_upload(*, actor, case: Case, upload, title: str = "", shared: bool = False) -> CaseDocument:
    """A file added to the case by someone working on it, or by the requester (then always shared)."""
    works_on_it = actor.has_perm("cases.work_on_case", case)
    if not works_on_it and not actor.has_perm("cases.add_shared_note", case):
        raise PermissionDenied("cases.add_document")
    shared = shared or not works_on_it
    if upload is None:
        raise ValidationError({"file": _("Choose a file.")})
    extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    if extension not in UPLOAD_EXTENSIONS:
        raise ValidationError({"file": _("Upload a PDF, Word, OpenDocument, RTF, text or image file.")})
    if upload.size > MAX_UPLOAD:
        raise ValidationError({"file": _("The file is larger than 10 MB.")})
    if upload.size == 0:
        raise ValidationError({"file": _("The file is empty.")})
    content_type = mimetypes.guess_type(upload.name)[0] or "application/octet-stream"
    document = CaseDocument(
        case=case,
        title=(title or upload.name)[:250],
        content_type=content_type,
        size=upload.size,
        shared_with_requester=shared,
        created_by=actor,
    )
    document.file.save(upload.name, upload, save=False)
    document.save()
    _recorded(actor, case, document, made_from="")
    return document


def _recorded(actor, case: Case, document: CaseDocument, *, made_from: str) -> None:
    record_event(
        case,
        actor,
        CaseEvent.Kind.DOCUMENT,
        visible_to_requester=document.shared_with_requester,
        document=str(document.uuid),
        title=document.title,
    )
    audit.record_change(
        actor=actor,
        instance=document,
        action="create",
        after={"case": case.reference, "title": document.title, "kind": made_from},
        organisation_uuid=case.organisation.uuid,
    )
    recipients = handling_side(case) + (requester_side(case) if document.shared_with_requester else [])
    tell(case, actor, recipients, gettext_lazy("New document on %(reference)s: %(title)s"), document.title)


@transaction.atomic
def document_share(*, actor, document: CaseDocument) -> CaseDocument:
    """Share a document with the requester (sharing cannot be undone: they may have read it)."""
    _require_worker(actor, document.case)
    if not document.shared_with_requester:
        document.shared_with_requester = True
        document.save(update_fields=["shared_with_requester", "updated_at"])
        record_event(
            document.case,
            actor,
            CaseEvent.Kind.DOCUMENT,
            visible_to_requester=True,
            document=str(document.uuid),
            title=document.title,
            shared=True,
        )
        audit.record_change(
            actor=actor,
            instance=document,
            action="share",
            after={"shared_with_requester": True},
            organisation_uuid=document.case.organisation.uuid,
        )
        tell(
            document.case,
            actor,
            requester_side(document.case),
            gettext_lazy("New document on %(reference)s: %(title)s"),
            document.title,
        )
    return document


def _require_template_editor(actor, organisation) -> None:
    if organisation_selectors.role_in(actor, organisation) != Role.ADMIN:
        raise PermissionDenied("cases.edit_templates")


@transaction.atomic
def template_upload(*, actor, organisation, kind_key: str, language: str, upload) -> DocumentTemplate:
    """A centre's own template: checked by filling it in with a sample case before it is kept."""
    _require_template_editor(actor, organisation)
    kind = document_kinds.get(kind_key)
    if upload is None:
        raise ValidationError({"file": _("Choose a file.")})
    content = upload.read()
    try:
        used = documents.placeholders(content)
    except documents.DocumentError as error:
        raise ValidationError({"file": str(error)}) from error
    known = set(BASE_PLACEHOLDERS) | set(kind.placeholders)
    unknown = sorted(used - known)
    if unknown:
        raise ValidationError(
            {
                "file": _("The template uses placeholders Civica does not know: %(names)s.")
                % {"names": ", ".join(unknown)}
            }
        )
    # Filled in once with sample values, so a sandbox escape, an unknown field ({{ case.nu_exista }}),
    # an enormous text or a slow loop is refused now, with its reason, rather than when a case needs it.
    try:
        documents.render_docx(content, documents.sample_context(base=BASE_PLACEHOLDERS, organisation=organisation))
    except documents.DocumentError as error:
        raise ValidationError({"file": str(error)}) from error
    template = DocumentTemplate(organisation=organisation, kind=kind.key, language=language, uploaded_by=actor)
    template.file.save(f"{kind.key}-{language}.docx", ContentFile(content), save=False)
    template.save()
    audit.record_change(
        actor=actor,
        instance=template,
        action="create",
        after={"kind": kind.key, "language": language},
        organisation_uuid=organisation.uuid,
    )
    return template


@transaction.atomic
def template_revert(*, actor, organisation, kind_key: str, language: str) -> int:
    """Go back to the default template; the uploads stay in the history."""
    _require_template_editor(actor, organisation)
    count = DocumentTemplate.objects.filter(
        organisation=organisation, kind=kind_key, language=language, active=True
    ).update(active=False)
    audit.record_change(
        actor=actor,
        instance=organisation,
        action="template_reverted",
        after={"kind": kind_key, "language": language},
        organisation_uuid=organisation.uuid,
    )
    return count
