from datetime import datetime
from decimal import Decimal
from uuid import UUID

from ninja import Field, Schema
from pydantic import ConfigDict


class MediatorFilters(Schema):
    country: str | None = Field(None, pattern="^(RO|IT|GR)$")
    specialisation: str | None = Field(None, max_length=40)
    language: str | None = Field(None, pattern="^[a-z]{2}$")
    territory: str | None = Field(None, max_length=32)
    public_bodies: bool | None = None


class MediatorOut(Schema):
    uuid: UUID
    full_name: str
    country: str
    authority: str
    authorisation_number: str
    specialisations: list[str]
    languages: list[str]
    territories: list[str]
    availability: str
    public_bodies: bool
    fee_min: Decimal | None
    fee_max: Decimal | None
    fee_policy: str

    @staticmethod
    def resolve_territories(obj):
        return [territory.code for territory in obj.territories.all()]


class EstimateQuery(Schema):
    country: str = Field(pattern="^(RO|IT|GR)$")
    matter: str = Field(max_length=40)
    value: Decimal | None = Field(None, ge=0, le=Decimal("1000000000"))
    parties: int = Field(2, ge=2, le=50)
    court_referred: bool = False


class RangeOut(Schema):
    low: Decimal
    high: Decimal


class CourtFeesOut(Schema):
    court_action: Decimal
    agreement_approval: Decimal
    refunded_if_settled_in_court: bool
    source: str


class EstimateOut(Schema):
    country: str
    matter: str
    currency: str
    refused: str | None
    mandatory: bool
    source: str
    first_meeting: Decimal | None
    procedure: RangeOut | None
    with_agreement_at_first_meeting: RangeOut | None
    with_agreement_later: RangeOut | None
    tax_credit_max: Decimal | None
    statutory_months: int | None
    extension_months: int | None
    median_days: float | None
    court_fees: CourtFeesOut | None
    notes: list[str]


class MediationIn(Schema):
    model_config = ConfigDict(extra="forbid")

    organisation: UUID
    requester_organisation: UUID
    country: str = Field(pattern="^(RO|IT)$")
    matter: str = Field(max_length=40)
    value: Decimal | None = Field(None, ge=0, le=Decimal("1000000000"))
    public_body_party: bool = False
    court_referred: bool = False
    title: str = Field(min_length=1, max_length=250)
    summary: str = Field("", max_length=20000)
    other_parties: str = Field("", max_length=5000)
    topic: str = Field("", max_length=30)
    language: str = Field("en", pattern="^(en|ro|it|el)$")


class SelectionOut(Schema):
    mediator: UUID
    mediator_name: str
    status: str
    declared_at: datetime | None
    objection_deadline: datetime | None
    accepted_at: datetime | None

    @staticmethod
    def resolve_mediator(obj):
        return obj.mediator.uuid

    @staticmethod
    def resolve_mediator_name(obj):
        return obj.mediator.full_name


class MediationOut(Schema):
    reference: str
    state: str
    country: str
    matter: str
    value: Decimal | None
    mandatory: bool
    court_referred: bool
    public_body_party: bool
    contract_clauses: list[str]
    parties: list[str]
    mediator: SelectionOut | None

    @staticmethod
    def resolve_reference(obj):
        return obj.case.reference

    @staticmethod
    def resolve_state(obj):
        return obj.case.state

    @staticmethod
    def resolve_mediator(obj):
        from .selectors import current_selection

        return current_selection(obj)


class ClausesIn(Schema):
    model_config = ConfigDict(extra="forbid")

    clauses: list[str] = Field(max_length=20)


class ProposalIn(Schema):
    model_config = ConfigDict(extra="forbid")

    mediator: UUID


class DeclarationIn(Schema):
    model_config = ConfigDict(extra="forbid")

    no_conflict: bool
    declaration: str = Field(min_length=1, max_length=5000)


class ObjectionIn(Schema):
    model_config = ConfigDict(extra="forbid")

    reason: str = Field(min_length=1, max_length=5000)


class ConfirmationIn(Schema):
    model_config = ConfigDict(extra="forbid")

    others_accepted: bool = False
