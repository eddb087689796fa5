"""SDG 16 reference data (public, translated by the Accept-Language of the request) and local indicators:
read within their visibility, written by the staff and admins of their organisation."""

from uuid import UUID

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from ninja import Router, Status
from ninja.errors import HttpError
from ninja.pagination import paginate

from civica.accounts.authentication import anyone, signed_in
from civica.core.pagination import PageNumberPagination
from civica.organisations import selectors as organisation_selectors
from civica.organisations.models import Organisation

from . import selectors, services
from .models import LocalIndicator, Target
from .schemas import IndicatorOut, LocalIndicatorIn, LocalIndicatorOut, MeasurementIn, MeasurementOut, TargetOut

router = Router(tags=["sdg"], auth=anyone)


@router.get("/targets", response=list[TargetOut], summary="SDG 16 targets, with their indicators' codes")
def list_targets(request):
    return list(selectors.targets())


@router.get("/targets/{code}", response=TargetOut)
def get_target(request, code: str):
    try:
        return selectors.target_get(code)
    except Target.DoesNotExist as error:
        raise HttpError(404, "Not found.") from error


@router.get("/indicators", response=list[IndicatorOut], summary="SDG 16 global indicators")
def list_indicators(request):
    return list(selectors.indicators())


def _local(request, uuid) -> LocalIndicator:
    try:
        return selectors.local_indicator_get(user=request.auth, uuid=uuid)
    except LocalIndicator.DoesNotExist as error:
        raise HttpError(404, "Not found.") from error


@router.get("/local-indicators", response=list[LocalIndicatorOut], summary="Local indicators you may see")
@paginate(PageNumberPagination)
def list_local_indicators(request):
    return selectors.local_indicators_visible_to(request.auth).order_by("name", "pk")


@router.get("/local-indicators/{uuid}", response=LocalIndicatorOut)
def get_local_indicator(request, uuid: UUID):
    return _local(request, uuid)


@router.post("/local-indicators", response={201: LocalIndicatorOut}, auth=signed_in, summary="Create a local indicator")
def create_local_indicator(request, payload: LocalIndicatorIn):
    try:
        organisation = organisation_selectors.organisation_get(user=request.auth, uuid=payload.organisation)
    except Organisation.DoesNotExist as error:
        raise HttpError(404, "Not found.") from error
    indicator = None
    if payload.indicator:
        indicator = selectors.indicators().filter(code=payload.indicator).first()
        if indicator is None:
            raise ValidationError({"indicator": _("Choose an SDG 16 indicator.")})
    values = payload.dict(exclude={"organisation", "indicator"})
    local = services.local_indicator_create(
        actor=request.auth, organisation=organisation, indicator=indicator, **values
    )
    return Status(201, _local(request, local.uuid))


@router.post(
    "/local-indicators/{uuid}/measurements",
    response={201: MeasurementOut},
    auth=signed_in,
    summary="Record a measured value (a second value for the same day replaces the first)",
)
def record_measurement(request, uuid: UUID, payload: MeasurementIn):
    local = _local(request, uuid)
    measurement = services.measurement_record(actor=request.auth, local_indicator=local, **payload.dict())
    return Status(201, measurement)
