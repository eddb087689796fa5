"""/api/v1/: a centre's needs (for its staff and members) and offers of support (the public may offer;
the centre's staff and the matched organisation read them). Not visible → 404."""

from uuid import UUID

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from ninja import Query, Router, Status
from ninja.errors import HttpError
from ninja.pagination import paginate

from civica.accounts.authentication import anyone
from civica.core.pagination import PageNumberPagination
from civica.organisations.models import Organisation

from . import selectors, services, throttle
from .models import Need, Offer
from .schemas import NeedFilters, NeedOut, OfferIn, OfferOut, OfferReceipt

router = Router(tags=["coordination centres"], auth=anyone)


def _centre(slug: str, user=None, permission: str | None = None) -> Organisation:
    try:
        centre = selectors.centre_get(slug)
    except Organisation.DoesNotExist as error:
        raise HttpError(404, "Not found.") from error
    if permission and not (user.is_authenticated and user.has_perm(permission, centre)):
        raise HttpError(404, "Not found.")
    return centre


@router.get("/centres/{slug}/needs", response=list[NeedOut], summary="A centre's needs and gaps (staff and members)")
@paginate(PageNumberPagination)
def list_needs(request, slug: str, filters: Query[NeedFilters]):
    centre = _centre(slug, request.auth, "hub.see_needs")
    return selectors.needs_visible_to(
        request.auth,
        centre,
        selectors.NeedFilters(
            sector=filters.sector or "",
            priority=filters.priority or "",
            status=filters.status or "",
            unanswered=filters.unanswered,
            query=filters.q or "",
        ),
    )


@router.get("/needs/{uuid}", response=NeedOut)
def get_need(request, uuid: UUID):
    try:
        need = selectors.need_get(user=request.auth, uuid=uuid)
    except Need.DoesNotExist as error:
        raise HttpError(404, "Not found.") from error
    # Through the list's selector, so that only services still public are named.
    return selectors.needs_visible_to(request.auth, need.centre).get(pk=need.pk)


@router.get(
    "/centres/{slug}/offers", response=list[OfferOut], summary="Offers: all for the centre, matched ones for a member"
)
@paginate(PageNumberPagination)
def list_offers(request, slug: str, state: str = ""):
    centre = _centre(slug)
    if state and state not in Offer.State.values:
        raise ValidationError({"state": _("Choose a state from the list.")})
    # The centre's staff see every offer; a member organisation's staff those matched to them (maybe none).
    if not (request.auth.is_authenticated and request.auth.has_perm("hub.propose_need", centre)):
        raise HttpError(404, "Not found.")
    return selectors.offers_visible_to(request.auth, centre, state=state)


@router.get("/offers/{uuid}", response=OfferOut)
def get_offer(request, uuid: UUID):
    try:
        return selectors.offer_get(user=request.auth, uuid=uuid)
    except Offer.DoesNotExist as error:
        raise HttpError(404, "Not found.") from error


@router.post(
    "/centres/{slug}/offers",
    response={201: OfferReceipt, 429: dict},
    summary="Offer support to a centre (no account needed; the offerer gets a private link by e-mail)",
)
def create_offer(request, slug: str, payload: OfferIn):
    centre = _centre(slug)
    if not throttle.allow("offer", request):
        return Status(429, {"detail": _("Too many offers were sent from here in the last hour."), "errors": []})
    offer = services.offer_submit(centre=centre, data=payload.dict(), actor=request.auth)
    return Status(201, offer)
