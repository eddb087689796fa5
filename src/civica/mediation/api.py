"""The mediation API: the public estimator and list of mediators, and a mediation followed from its
opening to the confirmed mediator. Steps of the procedure go through /cases/{reference}/transitions,
its documents through /cases/{reference}/documents. A refusal by the rules answers 404, like the rest
of the API (config/api.py)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from ninja import Query, Router, Status
from ninja.errors import HttpError
from ninja.pagination import paginate

from civica.accounts.authentication import anyone, signed_in
from civica.cases import selectors as case_selectors
from civica.cases.models import Case
from civica.core.pagination import PageNumberPagination
from civica.organisations import selectors as organisation_selectors
from civica.organisations.models import Organisation

from . import selectors, services
from .estimates import estimate
from .matters import MATTERS
from .models import MediationCase, Mediator
from .schemas import (
    ClausesIn,
    ConfirmationIn,
    DeclarationIn,
    EstimateOut,
    EstimateQuery,
    MediationIn,
    MediationOut,
    MediatorFilters,
    MediatorOut,
    ObjectionIn,
    ProposalIn,
)

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


def _mediation(request, reference) -> MediationCase:
    try:
        return case_selectors.case_get(user=request.auth, reference=reference).mediation
    except (Case.DoesNotExist, MediationCase.DoesNotExist) as error:
        raise HttpError(404, "Not found.") from error


def _current(mediation):
    selection = selectors.current_selection(mediation)
    if selection is None:
        raise HttpError(404, "Not found.")
    return selection


@router.post("/mediations", response={201: MediationOut}, auth=signed_in, summary="Start a mediation")
def open_mediation(request, payload: MediationIn):
    try:
        recipient = case_selectors.request_recipients().get(uuid=payload.organisation)
        requester = organisation_selectors.organisation_get(user=request.auth, uuid=payload.requester_organisation)
    except Organisation.DoesNotExist as error:
        raise HttpError(404, "Not found.") from error
    data = payload.model_dump(exclude={"organisation", "requester_organisation"})
    mediation = services.mediation_open(
        actor=request.auth, organisation=recipient, requester_organisation=requester, **data
    )
    return Status(201, mediation)


@router.get("/mediations/{reference}", response=MediationOut, auth=signed_in)
def get_mediation(request, reference: str):
    return _mediation(request, reference)


@router.put("/mediations/{reference}/contract-clauses", response=MediationOut, auth=signed_in)
def set_clauses(request, reference: str, payload: ClausesIn):
    mediation = _mediation(request, reference)
    return services.mediation_contract_clauses_set(actor=request.auth, mediation=mediation, clauses=payload.clauses)


@router.post("/mediations/{reference}/mediator", response=MediationOut, auth=signed_in, summary="Propose a mediator")
def propose(request, reference: str, payload: ProposalIn):
    mediation = _mediation(request, reference)
    try:
        mediator = selectors.public_mediators(country=mediation.country).get(uuid=payload.mediator)
    except Mediator.DoesNotExist as error:
        raise ValidationError({"mediator": _("Choose a mediator from the list.")}) from error
    services.mediator_propose(actor=request.auth, mediation=mediation, mediator=mediator)
    return mediation


@router.post("/mediations/{reference}/mediator/declaration", response=MediationOut, auth=signed_in)
def declare(request, reference: str, payload: DeclarationIn):
    mediation = _mediation(request, reference)
    services.mediator_declare(
        actor=request.auth,
        selection=_current(mediation),
        no_conflict=payload.no_conflict,
        declaration=payload.declaration,
    )
    return mediation


@router.post("/mediations/{reference}/mediator/acceptance", response=MediationOut, auth=signed_in)
def accept(request, reference: str):
    mediation = _mediation(request, reference)
    services.mediator_accept(actor=request.auth, selection=_current(mediation))
    return mediation


@router.post("/mediations/{reference}/mediator/objection", response=MediationOut, auth=signed_in)
def object_to(request, reference: str, payload: ObjectionIn):
    mediation = _mediation(request, reference)
    services.mediator_object(actor=request.auth, selection=_current(mediation), reason=payload.reason)
    return mediation


@router.post("/mediations/{reference}/mediator/confirmation", response=MediationOut, auth=signed_in)
def confirm(request, reference: str, payload: ConfirmationIn):
    mediation = _mediation(request, reference)
    services.mediator_confirm(
        actor=request.auth, selection=_current(mediation), others_accepted=payload.others_accepted
    )
    return mediation
