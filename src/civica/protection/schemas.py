from datetime import date, datetime
from typing import Any
from uuid import UUID

from ninja import Field, Schema
from pydantic import ConfigDict


class CaseSummaryOut(Schema):
    reference: str
    code: str
    kind: str
    state: str
    lead_organisation: UUID
    territory: str
    opened: datetime

    @staticmethod
    def resolve_reference(obj):
        return obj.case.reference

    @staticmethod
    def resolve_code(obj):
        return obj.person.code

    @staticmethod
    def resolve_state(obj):
        return obj.case.state

    @staticmethod
    def resolve_lead_organisation(obj):
        return obj.case.organisation.uuid

    @staticmethod
    def resolve_territory(obj):
        return obj.territory.code

    @staticmethod
    def resolve_opened(obj):
        return obj.case.created_at


class CaseOut(Schema):
    reference: str
    code: str
    kind: str
    state: str
    lead_organisation: UUID
    sections: dict[str, Any]


class ReferralOut(Schema):
    uuid: UUID
    case: str
    code: str
    from_organisation: UUID
    to_organisation: UUID
    sections: list[str]
    purpose: str
    basis: str
    basis_detail: str
    deadline: date
    transfer_ownership: bool
    state: str
    outcome: str

    @staticmethod
    def resolve_case(obj):
        return obj.case.case.reference

    @staticmethod
    def resolve_code(obj):
        return obj.case.person.code

    @staticmethod
    def resolve_from_organisation(obj):
        return obj.from_organisation.uuid

    @staticmethod
    def resolve_to_organisation(obj):
        return obj.to_organisation.uuid


class ReferralIn(Schema):
    model_config = ConfigDict(extra="forbid")
    to_organisation: UUID
    sections: list[str] = Field(min_length=1, max_length=10)
    purpose: str = Field(max_length=500)
    basis: str = Field(max_length=20)
    basis_detail: str = Field(max_length=300)
    deadline: date
    transfer_ownership: bool = False


class AnswerIn(Schema):
    model_config = ConfigDict(extra="forbid")
    outcome: str = Field("", max_length=4000)


class StatisticsQuery(Schema):
    territory: str | None = Field(None, max_length=32)
    year: int | None = Field(None, ge=2000, le=2100)


class TableOut(Schema):
    title: str
    rows: list[tuple[str, str]]
    total: str
