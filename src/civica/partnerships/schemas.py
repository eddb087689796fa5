from datetime import date
from decimal import Decimal
from uuid import UUID

from ninja import Field, Schema


class PilotActionFilters(Schema):
    state: str | None = Field(None, pattern="^(proposed|approved|rejected|running|evaluated)$")


class IndicatorOut(Schema):
    uuid: UUID
    name: str
    unit: str
    baseline: Decimal
    target: Decimal
    achieved: Decimal | None
    sdg_indicator: str | None

    @staticmethod
    def resolve_sdg_indicator(obj):
        return obj.sdg_indicator.code if obj.sdg_indicator_id else None


class PilotActionOut(Schema):
    uuid: UUID
    title: str
    description: str
    state: str
    centre: UUID
    lead: UUID
    territory: str | None
    budget: Decimal | None
    currency: str
    starts_on: date | None
    ends_on: date | None
    evaluation: str

    @staticmethod
    def resolve_centre(obj):
        return obj.centre.uuid

    @staticmethod
    def resolve_lead(obj):
        return obj.lead.uuid

    @staticmethod
    def resolve_territory(obj):
        return obj.territory.code if obj.territory_id else None


class PilotActionDetailOut(PilotActionOut):
    partners: list[UUID]
    indicators: list[IndicatorOut]

    @staticmethod
    def resolve_partners(obj):
        return [partner.uuid for partner in obj.partners.all()]

    @staticmethod
    def resolve_indicators(obj):
        return list(obj.indicators.select_related("sdg_indicator").order_by("created_at", "pk"))


class TransitionIn(Schema):
    transition: str = Field(..., pattern="^(approve|reject|start|evaluate)$")
    text: str = Field("", max_length=10000, pattern=r"^[^\x00]*$")


class MemorandumOut(Schema):
    uuid: UUID
    title: str
    scope: str
    organisation: UUID
    parties: list[UUID]
    signed_on: date | None
    expires_on: date | None
    status: str
    has_document: bool

    @staticmethod
    def resolve_organisation(obj):
        return obj.organisation.uuid

    @staticmethod
    def resolve_parties(obj):
        return [party.uuid for party in obj.parties.all()]

    @staticmethod
    def resolve_status(obj):
        from .selectors import memorandum_status

        return memorandum_status(obj)

    @staticmethod
    def resolve_has_document(obj):
        return bool(obj.document)
