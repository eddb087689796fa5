"""/api/v1/council: the public record of councils in Popolo JSON."""

from uuid import UUID

from ninja import Router
from ninja.errors import HttpError

from civica.accounts.authentication import anyone

from . import popolo, selectors
from .models import Body, VoteEvent

router = Router(tags=["council"], auth=anyone)


def _council(request, uuid) -> Body:
    try:
        return selectors.council_get(user=request.auth, uuid=uuid)
    except Body.DoesNotExist as error:
        raise HttpError(404, "Not found.") from error


@router.get("/council", summary="Councils")
def list_councils(request):
    return [popolo.organization(body) for body in selectors.councils_visible_to(request.auth)]


@router.get("/council/{uuid}", summary="A council's public record in Popolo JSON")
def get_council(request, uuid: UUID):
    return popolo.council_export(_council(request, uuid))


@router.get("/council/vote-events/{uuid}", summary="A vote event in Popolo JSON, with its votes and counts")
def get_vote_event(request, uuid: UUID):
    try:
        return popolo.vote_event(selectors.vote_event_get(user=request.auth, uuid=uuid))
    except VoteEvent.DoesNotExist as error:
        raise HttpError(404, "Not found.") from error
