from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from ninja import Query, Router
from ninja.pagination import PageNumberPagination, paginate

from civica.accounts.authentication import anyone

from . import selectors
from .estimates import estimate
from .matters import MATTERS
from .schemas import EstimateOut, EstimateQuery, MediatorFilters, MediatorOut

router = Router(tags=["mediation"], auth=anyone)


@router.get("/mediators", response=list[MediatorOut], summary="The public list of mediators")
@paginate(PageNumberPagination)
def list_mediators(request, filters: Query[MediatorFilters]):
    return selectors.public_mediators(
        country=filters.country or "",
        specialisation=filters.specialisation or "",
        language=filters.language or "",
        territory=filters.territory or "",
        public_bodies=filters.public_bodies,
    )


@router.get("/estimates", response=EstimateOut, summary="What a mediation would cost each party and how long")
def get_estimate(request, query: Query[EstimateQuery]):
    if query.matter not in MATTERS:
        raise ValidationError({"matter": _("Choose a kind of dispute from the list.")})
    result = estimate(
        country=query.country,
        matter=query.matter,
        value=query.value,
        parties=query.parties,
        court_referred=query.court_referred,
        past_durations_days=selectors.closed_durations_days(country=query.country, matter=query.matter),
    )
    return result
