from datetime import date, datetime
from uuid import UUID

from ninja import Field, Schema

from . import selectors

# PostgreSQL text cannot hold NUL characters: refuse them as invalid input rather than fail later.
NO_NUL = r"^[^\x00]*$"


class GroupFilters(Schema):
    q: str | None = Field(None, max_length=100, pattern=NO_NUL)
    kind: str | None = Field(None, pattern="^(working_group|committee|thematic)$")


class GroupOut(Schema):
    uuid: UUID
    name: str
    kind: str
    visibility: str
    language: str
    description: str
    organisation: UUID

    @staticmethod
    def resolve_organisation(obj):
        return obj.organisation.uuid


class GroupIn(Schema):
    organisation: UUID
    name: str = Field(..., min_length=1, max_length=250, pattern=NO_NUL)
    kind: str = Field(..., pattern="^(working_group|committee|thematic)$")
    visibility: str = Field("private", pattern="^(public|private)$")
    language: str = Field("en", pattern="^(en|ro|it|el)$")
    description: str = Field("", max_length=5000, pattern=NO_NUL)


class MeetingOut(Schema):
    uuid: UUID
    group: UUID
    title: str
    kind: str
    starts_at: datetime
    ends_at: datetime
    place: str
    video_url: str

    @staticmethod
    def resolve_group(obj):
        return obj.group.uuid


class MeetingIn(Schema):
    title: str = Field(..., min_length=1, max_length=250, pattern=NO_NUL)
    kind: str = Field("plenary", pattern="^(plenary|restricted)$")
    starts_at: datetime
    ends_at: datetime
    place: str = Field("", max_length=250, pattern=NO_NUL)
    video: bool = False


class PointOut(Schema):
    uuid: UUID
    kind: str
    text: str
    owner: UUID | None = None
    institution: UUID | None = None
    due_on: date | None = None
    sdg_indicators: list[str]

    @staticmethod
    def resolve_owner(obj):
        return obj.owner.uuid if obj.owner_id else None

    @staticmethod
    def resolve_institution(obj):
        return obj.institution.uuid if obj.institution_id else None

    @staticmethod
    def resolve_sdg_indicators(obj):
        return [indicator.code for indicator in obj.sdg_indicators.all()]


class ThemeOut(Schema):
    title: str
    sdg_targets: list[str]
    points: list[PointOut]

    @staticmethod
    def resolve_sdg_targets(obj):
        return [target.code for target in obj.sdg_targets.all()]

    @staticmethod
    def resolve_points(obj):
        return list(obj.points.all())


class MinutesOut(Schema):
    uuid: UUID
    meeting: UUID
    state: str
    introduction: str
    themes: list[ThemeOut]

    @staticmethod
    def resolve_meeting(obj):
        return obj.meeting.uuid

    @staticmethod
    def resolve_themes(obj):
        return list(selectors.themes_of(obj))


class TransitionIn(Schema):
    transition: str = Field(..., pattern="^(submit|return|approve|publish)$")


class FollowUpOut(Schema):
    uuid: UUID
    group: UUID
    description: str
    status: str
    due_on: date | None = None
    owner: UUID | None = None
    institution: UUID | None = None
    raised_in: UUID
    resolved_in: UUID | None = None

    @staticmethod
    def resolve_group(obj):
        return obj.group.uuid

    @staticmethod
    def resolve_owner(obj):
        return obj.owner.uuid if obj.owner_id else None

    @staticmethod
    def resolve_institution(obj):
        return obj.institution.uuid if obj.institution_id else None

    @staticmethod
    def resolve_raised_in(obj):
        return obj.raised_in.uuid

    @staticmethod
    def resolve_resolved_in(obj):
        return obj.resolved_in.uuid if obj.resolved_in_id else None


class FollowUpFilters(Schema):
    status: str | None = Field(None, pattern="^(open|done|cancelled)$")


class FollowUpStatusIn(Schema):
    status: str = Field(..., pattern="^(open|done|cancelled)$")


class SwotEntryOut(Schema):
    id: int
    kind: str
    text: str
    points: list[UUID]

    @staticmethod
    def resolve_points(obj):
        return [point.uuid for point in obj.points.all()]


class SwotOut(Schema):
    uuid: UUID
    group: UUID
    title: str
    meeting: UUID | None = None
    entries: list[SwotEntryOut]

    @staticmethod
    def resolve_group(obj):
        return obj.group.uuid

    @staticmethod
    def resolve_meeting(obj):
        return obj.meeting.uuid if obj.meeting_id else None

    @staticmethod
    def resolve_entries(obj):
        return list(obj.entries.all())


class SwotIn(Schema):
    title: str = Field(..., min_length=1, max_length=250, pattern=NO_NUL)
    meeting: UUID | None = None


class SwotEntryIn(Schema):
    kind: str = Field(..., pattern="^(strength|weakness|opportunity|threat)$")
    text: str = Field(..., min_length=1, max_length=5000, pattern=NO_NUL)
    points: list[UUID] = Field(default_factory=list, max_length=200)
