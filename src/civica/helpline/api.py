"""/api/v1/helpline/...: an operator's conversations, one conversation with its messages, answering.
Anything the caller may not see answers 404."""

from uuid import UUID

from django.core.exceptions import PermissionDenied
from ninja import Query, Router, Status
from ninja.errors import HttpError
from ninja.pagination import paginate

from civica.accounts.authentication import signed_in
from civica.core import crypto
from civica.core.pagination import PageNumberPagination

from . import selectors, services
from .models import Conversation, Helpline
from .schemas import ConversationDetailOut, ConversationFilters, ConversationOut, MessageOut, ReplyIn

router = Router(tags=["helpline"], auth=signed_in)


def _out(conversation: Conversation) -> dict:
    assigned = conversation.assigned_to
    return {
        "uuid": conversation.uuid,
        "reference": conversation.reference,
        "channel": conversation.channel,
        "state": conversation.state,
        "tags": conversation.tags,
        "is_minor": conversation.is_minor,
        "at_risk": conversation.at_risk,
        "language": conversation.language,
        "contact": selectors.contact_masked(conversation),
        "assigned_to": (assigned.get_full_name() or assigned.email) if assigned else None,
        "last_inbound_at": conversation.last_inbound_at,
        "first_response_at": conversation.first_response_at,
        "closed_at": conversation.closed_at,
        "case_reference": conversation.case_reference,
    }


def _message_out(message) -> dict:
    # The body is encrypted at rest: the caller, an operator of the helpline, gets it decrypted.
    return {
        "uuid": message.uuid,
        "direction": message.direction,
        "body": message.text if hasattr(message, "text") else crypto.reveal(message.body),
        "media_type": message.media_type,
        "used_template": message.used_template,
        "status": message.status,
        "created_at": message.created_at,
    }


def _conversation(request, uuid) -> Conversation:
    try:
        conversation = selectors.conversation_get(user=request.auth, uuid=uuid)
    except Conversation.DoesNotExist as error:
        raise HttpError(404, "Not found.") from error
    if not request.auth.has_perm("helpline.operate", conversation.helpline):
        raise HttpError(404, "Not found.")
    return conversation


@router.get("/helpline/{helpline}/conversations", response=list[ConversationOut], summary="A helpline's conversations")
@paginate(PageNumberPagination)
def list_conversations(request, helpline: UUID, filters: Query[ConversationFilters]):
    try:
        found = selectors.helpline_get(user=request.auth, uuid=helpline)
    except Helpline.DoesNotExist as error:
        raise HttpError(404, "Not found.") from error
    conversations = selectors.conversations(
        user=request.auth,
        helpline=found,
        channel=filters.channel or "",
        state=filters.state or "",
        assigned=filters.assigned or "",
        flag=filters.flag or "",
        tag=(filters.tag or "").strip().lower(),
    )
    return [_out(c) for c in conversations]


@router.get("/helpline/conversations/{uuid}", response=ConversationDetailOut, summary="One conversation")
def get_conversation(request, uuid: UUID):
    conversation = _conversation(request, uuid)
    services.conversation_viewed(actor=request.auth, conversation=conversation)
    return {**_out(conversation), "messages": [_message_out(m) for m in selectors.messages_shown(conversation)]}


@router.post(
    "/helpline/conversations/{uuid}/reply", response={201: MessageOut}, summary="Answer by the conversation's channel"
)
def reply(request, uuid: UUID, payload: ReplyIn):
    conversation = _conversation(request, uuid)
    try:
        message = services.conversation_reply(
            actor=request.auth, conversation=conversation, body=payload.body, use_template=payload.use_template
        )
    except PermissionDenied as error:
        raise HttpError(404, "Not found.") from error
    return Status(201, _message_out(message))
