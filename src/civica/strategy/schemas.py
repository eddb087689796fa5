from datetime import date, datetime
from decimal import Decimal
from uuid import UUID

from ninja import Field, Schema

# PostgreSQL text cannot hold NUL characters: refuse them as invalid input rather than fail later.
NO_NUL = r"^[^\x00]*$"


class StrategyOut(Schema):
    uuid: UUID
    title: str
    organisation: UUID
    working_group: UUID | None
    language: str
    period: str
    plan_year: int | None
    published_at: datetime | None
    adopted_version: UUID | None

    @staticmethod
    def resolve_organisation(obj):
        return obj.organisation.uuid

    @staticmethod
    def resolve_working_group(obj):
        return obj.working_group.uuid if obj.working_group_id else None

    @staticmethod
    def resolve_adopted_version(obj):
        return obj.adopted_version.uuid if obj.adopted_version_id else None


class SwotSourceOut(Schema):
    """A problem or solution of the minutes an entry came from (only those the caller may read)."""

    uuid: UUID
    kind: str
    text: str
    minutes: UUID

    @staticmethod
    def resolve_minutes(obj):
        return obj.theme.minutes.uuid


class StrategySwotEntryOut(Schema):
    id: int
    kind: str
    text: str
    sources: list[SwotSourceOut]
    objectives: list[str]


class StrategySwotOut(Schema):
    uuid: UUID
    title: str
    group: UUID
    entries: list[StrategySwotEntryOut]

    @staticmethod
    def resolve_group(obj):
        return obj.group.uuid

    @staticmethod
    def resolve_entries(obj):
        return [entry for _kind, _label, entries in obj.quadrants for entry in entries]


class StrategyDetailOut(StrategyOut):
    swot_analyses: list[StrategySwotOut]

    @staticmethod
    def resolve_swot_analyses(obj):
        return obj.swot_list


class SwotLinkIn(Schema):
    analysis: UUID


class StrategyIn(Schema):
    organisation: UUID
    title: str = Field(..., min_length=1, max_length=250, pattern=NO_NUL)
    working_group: UUID | None = None
    summary: str = Field("", max_length=10000, pattern=NO_NUL)
    language: str = Field("ro", pattern="^(en|ro|it|el)$")
    period: str = Field("", max_length=40, pattern=NO_NUL)
    plan_year: int | None = Field(None, ge=2000, le=2100)
    from_template: bool = True


class StageOut(Schema):
    uuid: UUID
    position: int
    kind: str
    title: str
    status: str
    starts_on: date | None
    ends_on: date | None


class TransitionIn(Schema):
    transition: str = Field(..., pattern="^(start|finish)$")


class VersionOut(Schema):
    uuid: UUID
    number: int
    note: str
    created_at: datetime


class CommentOut(Schema):
    uuid: UUID
    paragraph: UUID
    version: int
    text: str
    on_behalf_of: str
    verdict: str
    reason: str
    text_changed: bool = False

    @staticmethod
    def resolve_paragraph(obj):
        return obj.paragraph.uuid

    @staticmethod
    def resolve_version(obj):
        return obj.on_text.version.number


class ParagraphOut(Schema):
    paragraph: UUID
    position: int
    heading: bool
    text: str
    comments: list[CommentOut]

    @staticmethod
    def resolve_paragraph(obj):
        return obj.paragraph.uuid

    @staticmethod
    def resolve_heading(obj):
        return obj.is_heading

    @staticmethod
    def resolve_comments(obj):
        return obj.thread


class VersionDetailOut(VersionOut):
    strategy: UUID
    paragraphs: list[ParagraphOut]


class ParagraphIn(Schema):
    paragraph: UUID | None = None
    text: str = Field(..., max_length=20000, pattern=NO_NUL)
    heading: bool = False


class VersionIn(Schema):
    paragraphs: list[ParagraphIn] = Field(..., min_length=1, max_length=2000)
    note: str = Field("", max_length=500, pattern=NO_NUL)


class CommentIn(Schema):
    paragraph: UUID
    text: str = Field(..., min_length=1, max_length=5000, pattern=NO_NUL)
    on_behalf_of: str = Field("", max_length=250, pattern=NO_NUL)


class AnswerIn(Schema):
    verdict: str = Field(..., pattern="^(accepted|partly|rejected)$")
    reason: str = Field("", max_length=5000, pattern=NO_NUL)


class ActionOut(Schema):
    uuid: UUID
    objective: str
    measure: str
    code: str
    title: str
    owner: str
    institution: str | None
    budget: Decimal
    funding_source: str | None
    funding_call: str | None
    deadline: date | None
    indicator: str
    sdg_indicators: list[str]
    progress: int

    @staticmethod
    def resolve_objective(obj):
        return obj.measure.objective.code

    @staticmethod
    def resolve_measure(obj):
        return obj.measure.code

    @staticmethod
    def resolve_institution(obj):
        return obj.institution.name if obj.institution_id else None

    @staticmethod
    def resolve_funding_source(obj):
        return obj.funding_source.name if obj.funding_source_id else None

    @staticmethod
    def resolve_funding_call(obj):
        return obj.funding_call.title if obj.funding_call_id else None

    @staticmethod
    def resolve_sdg_indicators(obj):
        return [indicator.code for indicator in obj.sdg_indicators.all()]


class ProgressIn(Schema):
    progress: int = Field(..., ge=0, le=100)


class VoteOut(Schema):
    councillor: str
    group: str
    option: str


class DecisionOut(Schema):
    uuid: UUID
    reference: str
    version: int
    seats: int
    majority: str
    result: str
    voted_on: date | None
    counts: dict[str, int]
    quorum: bool
    votes: list[VoteOut]


class VoteIn(Schema):
    councillor: str = Field(..., min_length=1, max_length=250, pattern=NO_NUL)
    option: str = Field(..., pattern="^(yes|no|abstain|absent)$")
    group: str = Field("", max_length=100, pattern=NO_NUL)
