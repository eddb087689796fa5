from uuid import UUID

from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.utils.translation import gettext as _
from ninja import Query, Router, Status
from ninja.errors import HttpError
from ninja.pagination import paginate

from civica.accounts.authentication import signed_in
from civica.core.pagination import PageNumberPagination
from civica.organisations import selectors as organisation_selectors
from civica.organisations.models import Organisation

from . import document_kinds, document_services, selectors, services
from .models import Case, CaseDocument
from .schemas import (
    CaseDetailOut,
    CaseFilters,
    CaseOut,
    DocumentIn,
    DocumentOut,
    NoteIn,
    NoteOut,
    RequestIn,
    TransitionIn,
)

router = Router(tags=["cases"], auth=signed_in)


def _case(request, reference) -> Case:
    try:
        return selectors.case_get(user=request.auth, reference=reference)
    except Case.DoesNotExist as error:
        raise HttpError(404, "Not found.") from error


@router.get("/cases", response=list[CaseOut], summary="Cases you may see (scope=mine: your open cases)")
@paginate(PageNumberPagination)
def list_cases(request, filters: Query[CaseFilters]):
    return selectors.case_directory(
        user=request.auth, query=filters.q or "", state=filters.state or "", scope=filters.scope or "all"
    )


@router.post("/cases", response={201: CaseDetailOut}, summary="Send a request to a centre")
def create_request(request, payload: RequestIn):
    try:
        recipient = selectors.request_recipients().get(uuid=payload.organisation)
        requester = organisation_selectors.organisation_get(user=request.auth, uuid=payload.requester_organisation)
    except Organisation.DoesNotExist as error:
        raise HttpError(404, "Not found.") from error
    case = services.case_open(
        actor=request.auth,
        workflow="request",
        organisation=recipient,
        requester_organisation=requester,
        title=payload.title,
        summary=payload.summary,
        topic=payload.topic,
        language=payload.language,
        channel="api",
    )
    return Status(201, case)


@router.get("/cases/{reference}", response=CaseDetailOut)
def get_case(request, reference: str):
    return _case(request, reference)


@router.post("/cases/{reference}/transitions", response=CaseDetailOut, summary="Take the next step")
def take_step(request, reference: str, payload: TransitionIn):
    case = _case(request, reference)
    case = services.case_transition(
        actor=request.auth, case=case, transition=payload.transition, outcome=payload.outcome
    )
    return case


@router.post("/cases/{reference}/notes", response={201: NoteOut})
def add_note(request, reference: str, payload: NoteIn):
    case = _case(request, reference)
    shared = payload.shared_with_requester or not request.auth.has_perm("cases.work_on_case", case)
    note = services.note_add(actor=request.auth, case=case, body=payload.body, shared_with_requester=shared)
    return Status(201, note)


@router.get("/cases/{reference}/documents", response=list[DocumentOut], summary="The documents of a case you may see")
def list_documents(request, reference: str):
    case = _case(request, reference)
    return list(selectors.documents_visible(user=request.auth, case=case))


@router.post("/cases/{reference}/documents", response={201: DocumentOut}, summary="Make a document from a template")
def make_document(request, reference: str, payload: DocumentIn):
    """`details` holds what the document kind asks for (for an invitation: meeting_at, place, video_url),
    checked by the same form as the page; its errors name the field as `details.<name>`."""
    case = _case(request, reference)
    try:
        kind = document_kinds.get(payload.kind)
    except KeyError as error:
        raise ValidationError({"kind": _("Choose a document.")}) from error
    details = {}
    if kind.details_form:
        form = kind.details_form(data=payload.details)
        if not form.is_valid():
            raise ValidationError(
                {
                    f"details.{field}" if field != "__all__" else "details": errors
                    for field, errors in form.errors.items()
                }
            )
        details = form.cleaned_data
    document = document_services.document_generate(
        actor=request.auth,
        case=case,
        kind_key=kind.key,
        language=payload.language or "",
        details=details,
        shared=payload.shared_with_requester,
    )
    return Status(201, document)


@router.get("/cases/{reference}/documents/{uuid}/{variant}", response={200: None}, summary="Download a document")
def download_document(request, reference: str, uuid: UUID, variant: str):
    case = _case(request, reference)
    try:
        document = selectors.document_get(user=request.auth, case=case, uuid=uuid)
    except CaseDocument.DoesNotExist as error:
        raise HttpError(404, "Not found.") from error
    stored = {"file": document.file, "pdf": document.pdf}.get(variant)
    if not stored:
        raise HttpError(404, "Not found.")
    content_type = "application/pdf" if variant == "pdf" else document.content_type
    return FileResponse(
        stored.open("rb"), as_attachment=True, filename=stored.name.rsplit("/", 1)[-1], content_type=content_type
    )
