from datetime import datetime
from uuid import UUID

from ninja import Field, Schema

# PostgreSQL text cannot hold NUL characters: refuse them as invalid input rather than fail later.
NO_NUL = r"^[^\x00]*$"
SECTOR = "^(legal|health_social|housing|education|labour)$"


class NeedFilters(Schema):
    sector: str | None = Field(None, pattern=SECTOR)
    priority: str | None = Field(None, pattern="^(immediate|long_term)$")
    status: str | None = Field(None, pattern="^(proposed|open|met|closed)$")
    unanswered: bool = False
    q: str | None = Field(None, max_length=100, pattern=NO_NUL)


class ServiceRef(Schema):
    id: UUID
    name: str


class NeedOut(Schema):
    uuid: UUID
    title: str
    description: str
    sector: str
    priority: str
    status: str
    territory: str | None
    committee: UUID | None
    services: list[ServiceRef]
    created_at: datetime

    @staticmethod
    def resolve_territory(obj):
        return obj.territory.code if obj.territory_id else None

    @staticmethod
    def resolve_committee(obj):
        return obj.committee.uuid if obj.committee_id else None

    @staticmethod
    def resolve_services(obj):
        return [{"id": service.id, "name": service.name} for service in obj.services.all()]


class OfferIn(Schema):
    offerer_kind: str = Field(..., pattern="^(individual|company)$")
    kind: str = Field(..., pattern="^(goods|volunteers|premises|expertise|money)$")
    description: str = Field(..., min_length=1, max_length=5000, pattern=NO_NUL)
    quantity: str = Field("", max_length=200, pattern=NO_NUL)
    area: str = Field("", max_length=200, pattern=NO_NUL)
    contact_name: str = Field(..., min_length=1, max_length=200, pattern=NO_NUL)
    company_name: str = Field("", max_length=200, pattern=NO_NUL)
    contact_email: str = Field(..., max_length=254, pattern=NO_NUL)
    contact_phone: str = Field("", max_length=50, pattern=NO_NUL)
    consent_to_contact: bool
    language: str = Field("en", pattern="^(en|ro|it|el)$")


class OfferReceipt(Schema):
    reference: str
    state: str


class OfferOut(Schema):
    uuid: UUID
    reference: str
    offerer_kind: str
    kind: str
    description: str
    quantity: str
    area: str
    state: str
    contact_name: str
    company_name: str
    contact_email: str
    contact_phone: str
    matched_organisation: UUID | None
    created_at: datetime
    state_changed_at: datetime | None

    @staticmethod
    def resolve_matched_organisation(obj):
        return obj.matched_organisation.uuid if obj.matched_organisation_id else None
