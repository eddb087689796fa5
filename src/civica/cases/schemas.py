from datetime import datetime
from uuid import UUID

from ninja import Field, Schema
from pydantic import ConfigDict

from civica.core import crypto

from . import selectors, workflows


class CaseFilters(Schema):
    q: str | None = Field(None, max_length=100)
    state: str | None = Field(None, max_length=40)
    scope: str | None = Field(None, pattern="^(mine|all)$")


class CaseOut(Schema):
    reference: str
    workflow: str
    title: str
    state: str
    language: str
    organisation: UUID
    requester_organisation: UUID | None = None
    owner: UUID | None = None
    created_at: datetime
    due_at: datetime | None
    closed_at: datetime | None

    @staticmethod
    def resolve_organisation(obj):
        return obj.organisation.uuid

    @staticmethod
    def resolve_requester_organisation(obj):
        return obj.requester_organisation.uuid if obj.requester_organisation_id else None

    @staticmethod
    def resolve_owner(obj):
        return obj.owner.uuid if obj.owner_id else None


class NoteOut(Schema):
    uuid: UUID
    author: str | None = Field(None, alias="author.display_name")
    body: str
    shared_with_requester: bool
    created_at: datetime

    @staticmethod
    def resolve_body(obj):
        return crypto.reveal(obj.body)


class EventOut(Schema):
    at: datetime
    kind: str
    data: dict


class CaseDetailOut(CaseOut):
    """One case as the caller may see it: the requester gets shared notes and public timeline lines only."""

    summary: str
    topic: str
    outcome: str
    next_steps: list[str]
    notes: list[NoteOut]
    timeline: list[EventOut]

    @staticmethod
    def resolve_next_steps(obj, context):
        capacities = selectors.capacities(context["request"].auth, obj)
        return [t.key for t in workflows.get(obj.workflow).transitions_from(obj.state) if capacities & t.allowed]

    @staticmethod
    def resolve_notes(obj, context):
        return list(selectors.notes(user=context["request"].auth, case=obj))

    @staticmethod
    def resolve_timeline(obj, context):
        return list(selectors.timeline(user=context["request"].auth, case=obj))


class RequestIn(Schema):
    model_config = ConfigDict(extra="forbid")

    organisation: UUID
    requester_organisation: UUID
    title: str = Field(min_length=1, max_length=250)
    summary: str = Field("", max_length=20000)
    topic: str = Field("", max_length=30)
    language: str = Field("en", pattern="^(en|ro|it|el)$")


class TransitionIn(Schema):
    model_config = ConfigDict(extra="forbid")

    transition: str = Field(min_length=1, max_length=40)
    outcome: str = Field("", max_length=5000)


class NoteIn(Schema):
    model_config = ConfigDict(extra="forbid")

    body: str = Field(min_length=1, max_length=20000)
    shared_with_requester: bool = False


class DocumentOut(Schema):
    uuid: UUID
    title: str
    kind: str
    language: str
    content_type: str
    size: int
    shared_with_requester: bool
    created_at: datetime
    file_url: str
    pdf_url: str | None

    @staticmethod
    def resolve_file_url(obj):
        return f"/api/v1/cases/{obj.case.reference}/documents/{obj.uuid}/file"

    @staticmethod
    def resolve_pdf_url(obj):
        return f"/api/v1/cases/{obj.case.reference}/documents/{obj.uuid}/pdf" if obj.pdf else None


class DocumentIn(Schema):
    model_config = ConfigDict(extra="forbid")

    kind: str = Field(min_length=1, max_length=40)
    language: str | None = Field(None, pattern="^(en|ro|it|el)$")
    details: dict = Field(default_factory=dict)
    shared_with_requester: bool = False
