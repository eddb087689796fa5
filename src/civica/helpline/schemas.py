"""Shapes of the helpline's API. Contacts are never in them: operators with the need to know reveal a
contact on the console, where the reveal is logged."""

from datetime import datetime
from uuid import UUID

from ninja import Field, Schema


class ConversationFilters(Schema):
    channel: str | None = Field(None, pattern="^(whatsapp|email|web)$")
    state: str | None = Field(None, pattern="^(new|open|waiting|closed)$")
    assigned: str | None = Field(None, pattern="^(me|nobody)$")
    flag: str | None = Field(None, pattern="^(risk|minor)$")
    tag: str | None = Field(None, max_length=40)


class ConversationOut(Schema):
    uuid: UUID
    reference: str
    channel: str
    state: str
    tags: list[str]
    is_minor: bool
    at_risk: bool
    language: str
    contact: str = Field(..., description="Masked: the last digits or letters only.")
    assigned_to: str | None
    last_inbound_at: datetime | None
    first_response_at: datetime | None
    closed_at: datetime | None
    case_reference: str


class MessageOut(Schema):
    uuid: UUID
    direction: str
    body: str
    media_type: str
    used_template: str
    status: str
    created_at: datetime


class ConversationDetailOut(ConversationOut):
    messages: list[MessageOut]


class ReplyIn(Schema):
    body: str = Field("", max_length=4096)
    use_template: bool = False
