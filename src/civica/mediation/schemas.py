from decimal import Decimal
from uuid import UUID

from ninja import Field, Schema


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
    notes: list[str]
