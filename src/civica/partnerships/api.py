"""/api/v1/pilot-actions and /api/v1/memoranda, read within the same visibility as the pages, and
/api/v1/centres/{slug}/impact."""

from uuid import UUID

from ninja import Query, Router
from ninja.errors import HttpError
from ninja.pagination import paginate

from civica.accounts.authentication import anyone, signed_in
from civica.core.pagination import PageNumberPagination
from civica.hub import selectors as hub_selectors
from civica.organisations.models import Organisation

from . import selectors, services
from .models import Memorandum, PilotAction
from .schemas import MemorandumOut, PilotActionDetailOut, PilotActionFilters, PilotActionOut, TransitionIn

router = Router(tags=["partnerships"], auth=anyone)


def _action(request, uuid) -> PilotAction:
    try:
        return selectors.pilot_action_get(user=request.auth, uuid=uuid)
    except PilotAction.DoesNotExist as error:
        raise HttpError(404, "Not found.") from error


@router.get("/pilot-actions", response=list[PilotActionOut], summary="Pilot actions you may see")
@paginate(PageNumberPagination)
def list_actions(request, filters: Query[PilotActionFilters]):
    return selectors.pilot_action_list(user=request.auth, state=filters.state or "")


@router.get("/pilot-actions/{uuid}", response=PilotActionDetailOut)
def get_action(request, uuid: UUID):
    return _action(request, uuid)


@router.post("/pilot-actions/{uuid}/transitions", response=PilotActionDetailOut, auth=signed_in)
def transition_action(request, uuid: UUID, payload: TransitionIn):
    action = _action(request, uuid)
    services.pilot_action_transition(
        actor=request.auth, action=action, transition=payload.transition, text=payload.text
    )
    return _action(request, uuid)


@router.get("/memoranda", response=list[MemorandumOut], summary="Memoranda of understanding you may see")
@paginate(PageNumberPagination)
def list_memoranda(request):
    return selectors.memorandum_list(user=request.auth)


@router.get("/memoranda/{uuid}", response=MemorandumOut)
def get_memorandum(request, uuid: UUID):
    try:
        return selectors.memorandum_get(user=request.auth, uuid=uuid)
    except Memorandum.DoesNotExist as error:
        raise HttpError(404, "Not found.") from error


@router.get("/centres/{slug}/impact", response=dict, summary="A coordination centre's impact figures")
def impact(request, slug: str):
    try:
        centre = hub_selectors.centre_get(slug)
    except Organisation.DoesNotExist as error:
        raise HttpError(404, "Not found.") from error
    figures = selectors.impact(centre)
    figures["pilot_actions"] = {state: count for state, _label, count in figures["pilot_actions"]}
    return figures
