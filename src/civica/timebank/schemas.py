from datetime import date, datetime
from uuid import UUID

from ninja import Field, Schema


class BankOut(Schema):
    uuid: UUID
    name: str
    organisation: str = Field(alias="organisation.name")
    place: str
    credit_limit_minutes: int
    max_balance_minutes: int
    rounding_minutes: int
    auto_confirm_days: int
    insurance_required: bool
    is_open: bool


class ListingFilters(Schema):
    bank: UUID | None = None
    kind: str | None = None
    category: str | None = None
    q: str | None = None


class ListingOut(Schema):
    uuid: UUID
    bank: UUID = Field(alias="bank.uuid")
    kind: str
    category: str
    title: str
    description: str
    place: str
    availability: str
    member: UUID = Field(alias="member.uuid")
    created_at: datetime


class ListingIn(Schema):
    bank: UUID
    kind: str
    category: str
    title: str = Field(max_length=200)
    description: str = ""
    place: str = Field("", max_length=200)
    availability: str = Field("", max_length=200)


class AccountOut(Schema):
    bank: UUID
    card_number: str
    status: str
    balance_minutes: int


class StatementLineOut(Schema):
    date: date
    kind: str
    description: str
    minutes: int
    balance_minutes: int


class ExchangeOut(Schema):
    uuid: UUID
    bank: UUID = Field(alias="bank.uuid")
    provider: UUID = Field(alias="provider.uuid")
    receiver: UUID = Field(alias="receiver.uuid")
    category: str
    description: str
    minutes: int
    performed_on: date
    status: str
    confirmed_automatically: bool


class ExchangeIn(Schema):
    bank: UUID
    counterpart: UUID
    i_provided: bool
    category: str
    description: str = Field(max_length=300)
    minutes: int = Field(gt=0, le=24 * 60)
    performed_on: date


class DecisionIn(Schema):
    confirm: bool
    reason: str = Field("", max_length=300)
