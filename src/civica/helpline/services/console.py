"""The operators' console: answers, assignment, tags, flags, states, notes, escalation."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from civica.cases import services as case_services
from civica.core import audit, crypto
from civica.core.notifications import notify
from civica.core.permissions import require

from .. import selectors
from ..models import Channel, Conversation, InternalNote, Message
from .common import _audit, _org_uuid, normalise_tags
from .delivery import _dispatch
from .whatsapp import whatsapp_window_open


@transaction.atomic
def conversation_reply(*, actor, conversation: Conversation, body: str, use_template: bool = False) -> Message:
    """An operator answers by the conversation's channel. On WhatsApp, more than 24 hours after the
    person's last message only the helpline's approved template can be sent."""
    helpline = conversation.helpline
    require(actor, "helpline.reply", helpline)
    conversation = Conversation.objects.select_for_update().select_related("helpline").get(pk=conversation.pk)
    if conversation.state == Conversation.State.CLOSED or conversation.anonymised_at:
        raise ValidationError({"body": _("Reopen the conversation before answering.")})
    template = ""
    if conversation.channel == Channel.WHATSAPP and not whatsapp_window_open(conversation):
        if not helpline.whatsapp_template:
            raise ValidationError(
                {
                    "body": _(
                        "More than 24 hours have passed since the person's last message "
                        "and no approved template is set."
                    )
                }
            )
        if not use_template:
            raise ValidationError(
                {
                    "body": _(
                        "More than 24 hours have passed since the person's last message: "
                        "only the approved template can be sent."
                    )
                }
            )
        template = helpline.whatsapp_template
    elif not body.strip():
        raise ValidationError({"body": _("Write the answer first.")})
    before = audit.snapshot(conversation)
    message = Message.objects.create(
        conversation=conversation,
        channel=conversation.channel,
        direction=Message.Direction.OUTBOUND,
        author=actor,
        body="" if template else body.strip()[:4096],
        used_template=template,
        status=Message.Status.QUEUED,
    )
    now = timezone.now()
    conversation.last_outbound_at = now
    conversation.first_response_at = conversation.first_response_at or now
    conversation.state = Conversation.State.WAITING
    if conversation.assigned_to_id is None:
        conversation.assigned_to = actor
    conversation.save()
    _audit(actor, conversation, before, "answered")
    _dispatch(conversation, message)
    return message


@transaction.atomic
def conversation_assign(*, actor, conversation: Conversation, operator_user) -> Conversation:
    """Volunteers take conversations for themselves; counsellors and the coordinator give them to anyone
    answering for the helpline (or to nobody)."""
    helpline = conversation.helpline
    require(actor, "helpline.operate", helpline)
    if operator_user is not None and operator_user != actor:
        require(actor, "helpline.assign_others", helpline)
        if selectors.operator_of(operator_user, helpline) is None:
            raise ValidationError({"operator": _("Choose someone who answers for this helpline.")})
    elif operator_user is None and conversation.assigned_to_id not in (None, actor.pk):
        require(actor, "helpline.assign_others", helpline)
    before = audit.snapshot(conversation)
    conversation.assigned_to = operator_user
    if conversation.state == Conversation.State.NEW and operator_user is not None:
        conversation.state = Conversation.State.OPEN
    conversation.save()
    _audit(actor, conversation, before, "assigned")
    if operator_user is not None and operator_user != actor:
        notify(
            recipients=[operator_user],
            subject=gettext_lazy("Helpline conversation %(reference)s is assigned to you"),
            template="helpline/email/assigned.txt",
            context={"reference": conversation.reference},
            url=reverse("helpline:conversation", kwargs={"uuid": conversation.uuid}),
        )
    return conversation


@transaction.atomic
def conversation_tag(*, actor, conversation: Conversation, tags) -> Conversation:
    require(actor, "helpline.annotate", conversation.helpline)
    before = audit.snapshot(conversation)
    conversation.tags = normalise_tags(tags)
    conversation.save(update_fields=["tags", "updated_at"])
    _audit(actor, conversation, before, "tagged")
    return conversation


@transaction.atomic
def conversation_flag(*, actor, conversation: Conversation, is_minor: bool, at_risk: bool) -> Conversation:
    require(actor, "helpline.annotate", conversation.helpline)
    before = audit.snapshot(conversation)
    conversation.is_minor, conversation.at_risk = bool(is_minor), bool(at_risk)
    conversation.save(update_fields=["is_minor", "at_risk", "updated_at"])
    _audit(actor, conversation, before, "flags")
    return conversation


_MOVES = {
    "open": ({Conversation.State.NEW, Conversation.State.WAITING}, Conversation.State.OPEN),
    "wait": ({Conversation.State.NEW, Conversation.State.OPEN}, Conversation.State.WAITING),
    "close": ({Conversation.State.NEW, Conversation.State.OPEN, Conversation.State.WAITING}, Conversation.State.CLOSED),
    "reopen": ({Conversation.State.CLOSED}, Conversation.State.OPEN),
}


@transaction.atomic
def conversation_move(*, actor, conversation: Conversation, action: str) -> Conversation:
    require(actor, "helpline.operate", conversation.helpline)
    conversation = Conversation.objects.select_for_update().select_related("helpline").get(pk=conversation.pk)
    if action not in _MOVES:
        raise ValidationError(_("This step does not exist."))
    sources, target = _MOVES[action]
    if conversation.state not in sources or conversation.anonymised_at:
        raise ValidationError(_("The conversation cannot take this step from its current state."))
    before = audit.snapshot(conversation)
    conversation.state = target
    conversation.closed_at = timezone.now() if target == Conversation.State.CLOSED else None
    conversation.save()
    _audit(actor, conversation, before, action)
    return conversation


@transaction.atomic
def note_add(*, actor, conversation: Conversation, body: str) -> InternalNote:
    require(actor, "helpline.annotate", conversation.helpline)
    if not body.strip():
        raise ValidationError({"body": _("Write the note first.")})
    note = InternalNote.objects.create(conversation=conversation, author=actor, body=body.strip()[:5000])
    conversation.save(update_fields=["updated_at"])
    audit.record_change(
        actor=actor,
        instance=note,
        action="create",
        after=audit.snapshot(note),
        organisation_uuid=_org_uuid(conversation.helpline),
    )
    return note


def conversation_viewed(*, actor, conversation: Conversation) -> None:
    """A conversation may concern a minor or a risk: every opening by an operator is in the access log."""
    require(actor, "helpline.operate", conversation.helpline)
    audit.record_access(
        actor=actor, instance=conversation, organisation_uuid=_org_uuid(conversation.helpline), reason="conversation"
    )


def contact_reveal(*, actor, conversation: Conversation) -> str:
    """The contact in clear, for operators with the need to know; every reveal is in the access log."""
    require(actor, "helpline.see_contacts", conversation.helpline)
    audit.record_access(
        actor=actor, instance=conversation, organisation_uuid=_org_uuid(conversation.helpline), reason="contact"
    )
    return selectors.contact_of(conversation)


def transcript(conversation: Conversation) -> str:
    """The conversation as text for the case, with the contact masked (anonymity by default)."""
    with translation.override(conversation.helpline.language):
        lines = [
            f"{conversation.reference} · {conversation.get_channel_display()} · "
            f"{selectors.contact_masked(conversation) or _('anonymous')}",
            _("Tags: %(tags)s") % {"tags": ", ".join(conversation.tags) or "—"},
            "",
        ]
        for message in selectors.messages_of(conversation):
            when = timezone.localtime(message.created_at).strftime("%Y-%m-%d %H:%M")
            who = message.get_direction_display()
            text = crypto.reveal(message.body) or (f"[{message.media_type}]" if message.media_type else "")
            if message.used_template:
                text = _("[approved template %(name)s]") % {"name": message.used_template}
            lines.append(f"[{when}] {who}: {text}")
        for note in selectors.notes_of(conversation):
            when = timezone.localtime(note.created_at).strftime("%Y-%m-%d %H:%M")
            lines.append(f"[{when}] {_('Internal note')}: {crypto.reveal(note.body)}")
    return "\n".join(lines)


@transaction.atomic
def conversation_escalate(*, actor, conversation: Conversation, title: str = "") -> str:
    """Open a case in the case core for the conversation, with the transcript as the case's first note;
    the conversation keeps the case's reference."""
    helpline = conversation.helpline
    require(actor, "helpline.escalate", helpline)
    conversation = (
        Conversation.objects.select_for_update().select_related("helpline__organisation").get(pk=conversation.pk)
    )
    if conversation.case_reference:
        raise ValidationError(
            _("This conversation is already a case: %(reference)s.") % {"reference": conversation.case_reference}
        )
    title = (
        title or ""
    ).strip() or f"{conversation.reference} · {', '.join(conversation.tags) or conversation.get_channel_display()}"
    case = case_services.case_open(
        actor=actor,
        workflow="helpline",
        organisation=helpline.organisation,
        title=title[:250],
        summary=_("Escalated from helpline conversation %(reference)s.") % {"reference": conversation.reference},
        language=conversation.language if conversation.language in dict(settings.LANGUAGES) else helpline.language,
        channel="email" if conversation.channel == Channel.EMAIL else "web",
    )
    case_services.note_add(actor=actor, case=case, body=transcript(conversation))
    before = audit.snapshot(conversation)
    conversation.case_reference = case.reference
    conversation.save(update_fields=["case_reference", "updated_at"])
    _audit(actor, conversation, before, f"escalated to {case.reference}")
    return case.reference


# --- periodic work -------------------------------------------------------------------------------------
