"""The protection API: the cases a person may open (codes only), a case's readable sections (each read
logged with the channel "api"), referrals sent, answered and ended, and the statistics. Everything a
person may not see answers 404, like the pages."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from ninja import Query, Router, Status
from ninja.errors import HttpError
from ninja.pagination import paginate

from civica.accounts.authentication import signed_in
from civica.core.pagination import PageNumberPagination
from civica.organisations.models import Organisation

from . import selectors, services
from .models import ProtectionCase, Referral
from .schemas import AnswerIn, CaseOut, CaseSummaryOut, ReferralIn, ReferralOut, StatisticsQuery, TableOut

router = Router(tags=["protection"], auth=signed_in)


def _case(request, reference):
    try:
        return selectors.case_get(user=request.auth, reference=reference)
    except ProtectionCase.DoesNotExist as error:
        raise HttpError(404, "Not found.") from error


def _plain(value):
    """Section content as JSON: records by their public fields, dates as ISO strings."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, Organisation):
        return str(value.uuid)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "_meta"):
        if value._meta.model_name == "user":
            return value.get_full_name() or value.email
        fields = {}
        for field in value._meta.concrete_fields:
            if field.primary_key or field.name in {"case", "created_by", "reminded_before", "reminded_overdue"}:
                continue
            if field.name in getattr(value, "audit_sensitive_fields", ()):
                continue  # revealed alongside, by the selector
            item = getattr(value, field.name)
            fields[field.name] = _plain(item)
        return fields
    if hasattr(value, "uuid"):
        return str(value.uuid)
    return value


@router.get("/protection/cases", response=list[CaseSummaryOut], summary="Protection cases I may open")
@paginate(PageNumberPagination)
def list_cases(request, q: str = "", kind: str = ""):
    return selectors.case_list(user=request.auth, query=q[:60], kind=kind[:30])


@router.get("/protection/cases/{reference}", response=CaseOut, summary="The sections of a case I may read")
def get_case(request, reference: str):
    pcase, found = _case(request, reference)
    sections = selectors.read_sections(user=request.auth, pcase=pcase, found=found, channel="api")
    return {
        "reference": pcase.case.reference,
        "code": pcase.person.code,
        "kind": pcase.kind,
        "state": pcase.case.state,
        "lead_organisation": pcase.case.organisation.uuid,
        "sections": _plain(sections),
    }


@router.post("/protection/cases/{reference}/referrals", response={201: ReferralOut}, summary="Refer a case")
def send_referral(request, reference: str, payload: ReferralIn):
    pcase, found = _case(request, reference)
    if not found.lead:
        raise HttpError(404, "Not found.")
    try:
        receiver = selectors.receivers(pcase).get(uuid=payload.to_organisation)
    except Organisation.DoesNotExist as error:
        raise ValidationError({"to_organisation": _("Choose another agency.")}) from error
    data = payload.model_dump(exclude={"to_organisation"})
    referral = services.referral_send(actor=request.auth, pcase=pcase, to_organisation=receiver, **data)
    return Status(201, referral)


@router.get("/protection/referrals", response=list[ReferralOut], summary="Referrals to my agencies")
def incoming(request):
    return list(selectors.incoming_referrals(request.auth)[:100])


ACTIONS = {
    "accept": lambda actor, referral, outcome: services.referral_accept(actor=actor, referral=referral),
    "decline": lambda actor, referral, outcome: services.referral_decline(
        actor=actor, referral=referral, reason=outcome
    ),
    "complete": lambda actor, referral, outcome: services.referral_complete(
        actor=actor, referral=referral, outcome=outcome
    ),
    "revoke": lambda actor, referral, outcome: services.referral_revoke(actor=actor, referral=referral, reason=outcome),
}


@router.post(
    "/protection/referrals/{uuid}/{action}", response=ReferralOut, summary="Accept, decline, complete or revoke"
)
def answer(request, uuid: str, action: str, payload: AnswerIn):
    if action not in ACTIONS:
        raise HttpError(404, "Not found.")
    try:
        referral = selectors.referral_get(user=request.auth, uuid=uuid)
    except (Referral.DoesNotExist, ValidationError, ValueError) as error:
        raise HttpError(404, "Not found.") from error
    ACTIONS[action](request.auth, referral, payload.outcome)
    return selectors.referral_get(user=request.auth, uuid=uuid)


@router.get("/protection/statistics", response=list[TableOut], summary="Counts with small counts suppressed")
def statistics(request, query: Query[StatisticsQuery]):
    if not request.auth.has_perm("protection.view_statistics"):
        raise HttpError(404, "Not found.")
    return [
        {"title": str(table.title), "rows": [(str(label), shown) for label, shown in table.rows], "total": table.total}
        for table in selectors.statistics(territory_code=query.territory or "", year=query.year)
    ]
