from datetime import datetime
from uuid import UUID

from ninja import Field, Schema
from pydantic import ConfigDict, EmailStr, HttpUrl

from .models import COUNTRIES, Organisation, Territory


class TerritoryOut(Schema):
    code: str
    parent_code: str | None = Field(None, alias="parent.code")
    level: str
    country: str
    official_code: str
    nuts_code: str
    name: str
    name_en: str


class TerritoryFilters(Schema):
    country: str | None = Field(None, pattern="^(" + "|".join(code for code, _ in COUNTRIES) + ")$")
    level: str | None = Field(None, pattern="^(" + "|".join(Territory.Level.values) + ")$")
    parent: str | None = Field(None, max_length=32)
    q: str | None = Field(None, max_length=100)


class OrganisationFilters(Schema):
    q: str | None = Field(None, max_length=100)
    kind: str | None = Field(None, pattern="^(" + "|".join(Organisation.Kind.values) + ")$")
    country: str | None = Field(None, pattern="^(" + "|".join(code for code, _ in COUNTRIES) + ")$")


class OrganisationOut(Schema):
    uuid: UUID
    name: str
    short_name: str
    slug: str
    kind: str
    agency_type: str
    country: str
    territory: str | None = Field(None, alias="territory.code")
    parent: UUID | None = Field(None, alias="parent.uuid")
    fiscal_id: str
    description: str
    language: str
    website: str
    is_public: bool


class OrganisationDetailOut(OrganisationOut):
    email: str | None = None
    phone: str | None = None
    address: str | None = None
    contacts_confidential: bool


class OrganisationPatch(Schema):
    """Only the fields sent are changed; unknown fields are refused rather than silently ignored."""

    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(None, min_length=2, max_length=250)
    short_name: str | None = Field(None, max_length=60)
    description: str | None = Field(None, max_length=20000)
    website: HttpUrl | None = None
    email: EmailStr | None = None
    phone: str | None = Field(None, max_length=40)
    address: str | None = Field(None, max_length=300)
    fiscal_id: str | None = Field(None, max_length=20)
    territory: str | None = Field(None, max_length=32, description="Territory code, e.g. RO-403")
    language: str | None = Field(None, pattern="^(en|ro|it|el)$")
    is_public: bool | None = None
    contacts_confidential: bool | None = None


class MemberOut(Schema):
    uuid: UUID
    person: UUID = Field(alias="user.uuid")
    name: str = Field(alias="user.display_name")
    email: str = Field(alias="user.email")
    role: str
    position: str
    handles_sensitive_data: bool


class AuditEventOut(Schema):
    at: datetime
    actor: str | None = Field(None, alias="actor.email")
    action: str
    record_type: str
    record_uuid: UUID | None
    record_label: str
    summary: str
    before: dict
    after: dict
