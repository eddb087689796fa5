from django.core.exceptions import PermissionDenied
from ninja import Query, Router, Status
from ninja.errors import HttpError
from ninja.pagination import PageNumberPagination, paginate

from civica.accounts.authentication import signed_in
from civica.organisations import selectors as organisation_selectors
from civica.organisations.models import Organisation

from . import selectors, services
from .models import Case
from .schemas import CaseDetailOut, CaseFilters, CaseOut, NoteIn, NoteOut, RequestIn, TransitionIn

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
    try:
        case = services.case_open(
            actor=request.auth,
            workflow="request",
            organisation=recipient,
            requester_organisation=requester,
            title=payload.title,
            summary=payload.summary,
            language=payload.language,
            channel="api",
        )
    except PermissionDenied as error:
        raise HttpError(404, "Not found.") from error
    return Status(201, case)


@router.get("/cases/{reference}", response=CaseDetailOut)
def get_case(request, reference: str):
    return _case(request, reference)


@router.post("/cases/{reference}/transitions", response=CaseDetailOut, summary="Take the next step")
def take_step(request, reference: str, payload: TransitionIn):
    case = _case(request, reference)
    try:
        case = services.case_transition(
            actor=request.auth, case=case, transition=payload.transition, outcome=payload.outcome
        )
    except PermissionDenied as error:
        raise HttpError(404, "Not found.") from error
    return case


@router.post("/cases/{reference}/notes", response={201: NoteOut})
def add_note(request, reference: str, payload: NoteIn):
    case = _case(request, reference)
    shared = payload.shared_with_requester or not request.auth.has_perm("cases.work_on_case", case)
    try:
        note = services.note_add(actor=request.auth, case=case, body=payload.body, shared_with_requester=shared)
    except PermissionDenied as error:
        raise HttpError(404, "Not found.") from error
    return Status(201, note)
