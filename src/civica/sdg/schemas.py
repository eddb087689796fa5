from django.utils.translation import get_language
from ninja import Schema


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
