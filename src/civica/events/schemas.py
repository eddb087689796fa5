from datetime import datetime
from uuid import UUID

from ninja import Field, Schema

NO_NUL = r"^[^\x00]*$"


class EventFilters(Schema):
    kind: str | None = Field(None, pattern="^(training|seminar|conference)$")
    when: str | None = Field(None, pattern="^(upcoming|past)$")


class EventOut(Schema):
    uuid: UUID
    kind: str
    title: str
    description: str
    language: str
    starts_at: datetime
    ends_at: datetime
    place: str
    capacity: int
    registered: int
    is_public: bool
    organisation: UUID
    by_video: bool

    @staticmethod
    def resolve_organisation(obj):
        return obj.organisation.uuid

    @staticmethod
    def resolve_by_video(obj):
        return bool(obj.video_url)


class RegistrationOut(Schema):
    uuid: UUID
    event: UUID
    status: str
    attended: bool | None
    certificate_code: str | None

    @staticmethod
    def resolve_event(obj):
        return obj.event.uuid


class EmailRegistrationIn(Schema):
    name: str = Field(..., min_length=1, max_length=200, pattern=NO_NUL)
    email: str = Field(..., min_length=3, max_length=254, pattern=NO_NUL)
    language: str = Field("en", pattern="^(en|ro|it|el)$")
