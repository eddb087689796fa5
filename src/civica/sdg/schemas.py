from datetime import date
from decimal import Decimal
from uuid import UUID

from django.utils.translation import get_language
from ninja import Field, Schema


class IndicatorOut(Schema):
    code: str
    title: str
    target: str

    @staticmethod
    def resolve_title(obj):
        return obj.title_in(get_language())

    @staticmethod
    def resolve_target(obj):
        return obj.target.code


class TargetOut(Schema):
    code: str
    title: str
    indicators: list[str]

    @staticmethod
    def resolve_title(obj):
        return obj.title_in(get_language())

    @staticmethod
    def resolve_indicators(obj):
        return [indicator.code for indicator in obj.indicators.all()]


class MeasurementOut(Schema):
    id: int
    measured_on: date
    value: Decimal
    note: str


class LocalIndicatorOut(Schema):
    uuid: UUID
    organisation: UUID
    name: str
    unit: str
    indicator: str | None = None
    baseline: Decimal
    baseline_year: int
    target_value: Decimal
    target_year: int
    is_public: bool
    measurements: list[MeasurementOut]

    @staticmethod
    def resolve_organisation(obj):
        return obj.organisation.uuid

    @staticmethod
    def resolve_indicator(obj):
        return obj.indicator.code if obj.indicator_id else None

    @staticmethod
    def resolve_measurements(obj):
        return list(obj.measurements.all())


NO_NUL = r"^[^\x00]*$"


class LocalIndicatorIn(Schema):
    organisation: UUID
    name: str = Field(..., min_length=1, max_length=250, pattern=NO_NUL)
    unit: str = Field("", max_length=40, pattern=NO_NUL)
    indicator: str | None = Field(None, max_length=12, pattern=r"^16\.[0-9a-z]+\.[0-9a-z]+$")
    baseline: Decimal = Field(..., max_digits=14, decimal_places=2)
    baseline_year: int = Field(..., ge=1990, le=2100)
    target_value: Decimal = Field(..., max_digits=14, decimal_places=2)
    target_year: int = Field(..., ge=1990, le=2100)
    is_public: bool = True


class MeasurementIn(Schema):
    measured_on: date
    value: Decimal = Field(..., max_digits=14, decimal_places=2)
    note: str = Field("", max_length=300, pattern=NO_NUL)
