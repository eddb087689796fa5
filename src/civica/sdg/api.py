"""SDG 16 reference data: public, translated by the Accept-Language of the request."""

from ninja import Router
from ninja.errors import HttpError

from civica.accounts.authentication import anyone

from . import selectors
from .models import Target
from .schemas import IndicatorOut, TargetOut

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
