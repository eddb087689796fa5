"""/api/v1/timebank/...: banks, offers and requests, my accounts and statements, exchanges. Anything
the caller may not see answers 404."""

from uuid import UUID

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from ninja import Query, Router, Status
from ninja.errors import HttpError
from ninja.pagination import paginate

from civica.accounts.authentication import signed_in
from civica.core.pagination import PageNumberPagination

from . import ledger, selectors, services
from .models import BankMember, Category, Exchange, Listing, TimeBank
from .schemas import (
    AccountOut,
    BankOut,
    DecisionIn,
    ExchangeIn,
    ExchangeOut,
    ListingFilters,
    ListingIn,
    ListingOut,
    StatementLineOut,
)

router = Router(tags=["timebank"], auth=signed_in)


def _not_found():
    return HttpError(404, "Not found.")


def _bank(request, uuid) -> TimeBank:
    try:
        return selectors.bank_get(user=request.auth, uuid=uuid)
    except TimeBank.DoesNotExist as error:
        raise _not_found() from error


@router.get("/timebank/banks", response=list[BankOut], summary="Time banks (to ask to join one)")
@paginate(PageNumberPagination)
def list_banks(request):
    return selectors.banks_visible_to(request.auth)


@router.get("/timebank/listings", response=list[ListingOut], summary="Offers and requests in your time banks")
@paginate(PageNumberPagination)
def list_listings(request, filters: Query[ListingFilters]):
    bank = _bank(request, filters.bank) if filters.bank else None
    return selectors.listings(
        user=request.auth, bank=bank, kind=filters.kind or "", category=filters.category or "", query=filters.q or ""
    )


@router.post("/timebank/listings", response={201: ListingOut}, summary="Offer or ask for a service")
def create_listing(request, payload: ListingIn):
    bank = _bank(request, payload.bank)
    if payload.kind not in Listing.Kind.values:
        raise ValidationError({"kind": _("Choose offer or request.")})
    if payload.category not in Category.values:
        raise ValidationError({"category": _("Choose a category from the list.")})
    listing = services.listing_save(actor=request.auth, bank=bank, data=payload.dict(exclude={"bank"}))
    return Status(201, listing)


@router.get("/timebank/accounts", response=list[AccountOut], summary="My accounts and balances")
def my_accounts(request):
    return [
        {"bank": m.bank.uuid, "card_number": m.card_number, "status": m.status, "balance_minutes": m.account.balance}
        for m in selectors.memberships(request.auth)
        if hasattr(m, "account")
    ]


@router.get("/timebank/accounts/{bank}/statement", response=list[StatementLineOut], summary="My statement in one bank")
def my_statement(request, bank: UUID):
    member = selectors.membership_of(request.auth, _bank(request, bank))
    if member is None:
        raise _not_found()
    lines = selectors.statement_lines(selectors.statement(user=request.auth, member=member))
    return [
        {
            "date": line["transfer"].occurred_on,
            "kind": line["transfer"].kind,
            "description": line["transfer"].description,
            "minutes": line["minutes"],
            "balance_minutes": line["balance"],
        }
        for line in lines
    ]


@router.get("/timebank/exchanges", response=list[ExchangeOut], summary="My exchanges")
@paginate(PageNumberPagination)
def list_exchanges(request):
    return selectors.my_exchanges(user=request.auth)


@router.post(
    "/timebank/exchanges", response={201: ExchangeOut}, summary="Record an exchange for the other member to confirm"
)
def record_exchange(request, payload: ExchangeIn):
    bank = _bank(request, payload.bank)
    if payload.category not in Category.values:
        raise ValidationError({"category": _("Choose a category from the list.")})
    counterpart = selectors.active_members(bank).filter(uuid=payload.counterpart).first()
    if counterpart is None:
        raise _not_found()
    exchange = services.exchange_record(
        actor=request.auth,
        bank=bank,
        counterpart=counterpart,
        i_provided=payload.i_provided,
        data=payload.dict(include={"category", "description", "minutes", "performed_on"}),
    )
    return Status(201, exchange)


@router.get("/timebank/exchanges/{uuid}", response=ExchangeOut)
def get_exchange(request, uuid: UUID):
    try:
        return selectors.exchange_get(user=request.auth, uuid=uuid)
    except Exchange.DoesNotExist as error:
        raise _not_found() from error


@router.post("/timebank/exchanges/{uuid}/decision", response=ExchangeOut, summary="Confirm or reject an exchange")
def decide_exchange(request, uuid: UUID, payload: DecisionIn):
    try:
        exchange = selectors.exchange_get(user=request.auth, uuid=uuid)
        return services.exchange_decide(
            actor=request.auth, exchange=exchange, confirm=payload.confirm, reason=payload.reason
        )
    except (Exchange.DoesNotExist, BankMember.DoesNotExist, PermissionDenied) as error:
        raise _not_found() from error
    except ledger.LedgerBusy as error:
        raise HttpError(503, str(error)) from error
