"""/api/v1/events: trainings, seminars and conferences you may see, and registration."""

from uuid import UUID

from ninja import Query, Router, Status
from ninja.errors import HttpError
from ninja.pagination import paginate

from civica.accounts.authentication import anyone, signed_in
from civica.core.pagination import PageNumberPagination

from . import selectors, services
from .models import Event
from .schemas import EmailRegistrationIn, EventFilters, EventOut, RegistrationOut

router = Router(tags=["events"], auth=anyone)


def _event(request, uuid) -> Event:
    try:
        return selectors.event_get(user=request.auth, uuid=uuid)
    except Event.DoesNotExist as error:
        raise HttpError(404, "Not found.") from error


@router.get("/events", response=list[EventOut], summary="Events you may see")
@paginate(PageNumberPagination)
def list_events(request, filters: Query[EventFilters]):
    upcoming = None if filters.when is None else filters.when == "upcoming"
    return selectors.event_list(user=request.auth, kind=filters.kind or "", upcoming=upcoming)


@router.get("/events/{uuid}", response=EventOut)
def get_event(request, uuid: UUID):
    return _event(request, uuid)


@router.post(
    "/events/{uuid}/registrations", response={201: RegistrationOut}, auth=signed_in, summary="Register for an event"
)
def register(request, uuid: UUID):
    """A place, or the waiting list when the event is full (`status` says which)."""
    event = _event(request, uuid)
    registration = services.registration_create(actor=request.auth, event=event)
    return Status(201, registration)


@router.post(
    "/events/{uuid}/registrations/by-email",
    response={202: dict},
    summary="Register for a public event by e-mail (a confirmation link is sent)",
)
def register_by_email(request, uuid: UUID, payload: EmailRegistrationIn):
    event = _event(request, uuid)
    services.registration_request_by_email(
        event=event, name=payload.name, email=payload.email, language=payload.language
    )
    return Status(202, {"detail": "A confirmation link has been sent to the address."})


@router.get("/events/registrations/mine", response=list[RegistrationOut], auth=signed_in, summary="My registrations")
@paginate(PageNumberPagination)
def my_registrations(request):
    return selectors.my_registrations(request.auth)
