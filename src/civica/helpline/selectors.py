"""Every read of the helpline, scoped to the acting user: an operator sees only the conversations of
the helplines they answer for; nobody else sees any."""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta

from django.db.models import QuerySet
from django.utils import timezone

from civica.core import crypto

from . import safety
from .models import Channel, Conversation, Helpline, InternalNote, Message, Operator, QuickReply


def operator_of(user, helpline: Helpline) -> Operator | None:
    """The user's operator record at the helpline (cached on the user for the request)."""
    if not getattr(user, "is_authenticated", False) or helpline is None:
        return None
    cache = user.__dict__.setdefault("_helpline_operators", {})
    if helpline.pk not in cache:
        cache[helpline.pk] = Operator.objects.filter(helpline=helpline, user=user).first()
    return cache[helpline.pk]


def helpline_ids_of(user) -> list[int]:
    if not getattr(user, "is_authenticated", False):
        return []
    return list(Operator.objects.filter(user=user).values_list("helpline_id", flat=True))


def helplines_of(user) -> QuerySet[Helpline]:
    return Helpline.objects.filter(pk__in=helpline_ids_of(user)).select_related("organisation")


def helpline_get(*, user, uuid) -> Helpline:
    """A helpline the user answers for; DoesNotExist otherwise (pages turn it into 404)."""
    return helplines_of(user).get(uuid=uuid)


def helpline_public(*, uuid) -> Helpline:
    """A helpline whose web chat is open to anyone."""
    return Helpline.objects.select_related("organisation").get(uuid=uuid, web_chat_enabled=True)


def helpline_by_whatsapp_number(phone_number_id: str) -> Helpline | None:
    return (
        Helpline.objects.filter(whatsapp_phone_number_id=phone_number_id).exclude(whatsapp_phone_number_id="").first()
    )


def helpline_by_email(address: str) -> Helpline | None:
    return Helpline.objects.filter(email_address__iexact=address).exclude(email_address="").first()


def conversations(
    *,
    user,
    helpline: Helpline,
    channel: str = "",
    state: str = "",
    assigned: str = "",
    flag: str = "",
    tag: str = "",
) -> QuerySet[Conversation]:
    """The console's list. `assigned` is "me", "nobody" or ""; `flag` is "risk", "minor" or ""."""
    if operator_of(user, helpline) is None:
        return Conversation.objects.none()
    found = Conversation.objects.filter(helpline=helpline).select_related("assigned_to")
    if channel:
        found = found.filter(channel=channel)
    # Without a chosen state the list shows what still needs work.
    found = found.filter(state=state) if state else found.exclude(state=Conversation.State.CLOSED)
    if assigned == "me":
        found = found.filter(assigned_to=user)
    elif assigned == "nobody":
        found = found.filter(assigned_to__isnull=True)
    if flag == "risk":
        found = found.filter(at_risk=True)
    elif flag == "minor":
        found = found.filter(is_minor=True)
    if tag:
        found = found.filter(tags__contains=[tag]) if _json_contains_supported() else _tag_filter(found, tag)
    return found.order_by("-at_risk", "-updated_at", "-id")


def _json_contains_supported() -> bool:
    from django.db import connection

    return connection.features.supports_json_field_contains


def _tag_filter(found, tag):
    # SQLite has no JSON containment: match the tag as JSON encodes it inside the stored list.
    import json

    return found.filter(tags__icontains=json.dumps(tag))


def conversation_get(*, user, uuid) -> Conversation:
    """A conversation of a helpline the user answers for; DoesNotExist otherwise."""
    return Conversation.objects.select_related("helpline", "helpline__organisation", "assigned_to").get(
        uuid=uuid, helpline_id__in=helpline_ids_of(user)
    )


def conversation_by_reference(reference: str) -> Conversation | None:
    return Conversation.objects.filter(reference=reference).select_related("helpline").first()


def conversation_for_person(*, uuid, access_key: str) -> Conversation | None:
    """The web chat's own conversation, for the person holding its private link."""
    if not access_key:
        return None
    return (
        Conversation.objects.select_related("helpline", "helpline__organisation")
        .filter(uuid=uuid, access_key=access_key, channel=Channel.WEB, anonymised_at__isnull=True)
        .first()
    )


def open_conversation_with(*, helpline: Helpline, channel: str, contact: str) -> Conversation | None:
    """The person's conversation still going on this channel, to continue it rather than start another.
    The contact is encrypted: the conversation is found by its blind index."""
    digest = safety.contact_digest(contact)
    if not digest:
        return None
    return (
        Conversation.objects.filter(helpline=helpline, channel=channel, contact_digest=digest)
        .exclude(state=Conversation.State.CLOSED)
        .order_by("-updated_at")
        .first()
    )


def conversation_by_email_ids(message_ids: list[str]) -> Conversation | None:
    """The conversation a received e-mail answers, by the Message-IDs it refers to. Only the ids of
    our own answers count (random, known only to whoever received them): the person's own Message-IDs
    travel in every copy of their mail and prove nothing."""
    ids = [m for m in message_ids if m]
    if not ids:
        return None
    message = (
        Message.objects.filter(channel=Channel.EMAIL, external_id__in=ids)
        .exclude(direction=Message.Direction.INBOUND)
        .select_related("conversation", "conversation__helpline")
        .order_by("-created_at")
        .first()
    )
    return message.conversation if message else None


def conversation_by_uuid(uuid) -> Conversation | None:
    return Conversation.objects.select_related("helpline").filter(uuid=uuid).first()


def message_exists(*, channel: str, external_id: str) -> bool:
    return bool(external_id) and Message.objects.filter(channel=channel, external_id=external_id).exists()


def message_by_external_id(*, channel: str, external_id: str) -> Message | None:
    return Message.objects.filter(channel=channel, external_id=external_id).select_related("conversation").first()


def messages_of(conversation: Conversation, *, since=None) -> QuerySet[Message]:
    found = conversation.messages.select_related("author")
    if since is not None:
        found = found.filter(created_at__gt=since)
    return found


def messages_shown(conversation: Conversation, *, since=None) -> list[Message]:
    """The messages with their text decrypted into `text`, for the console, the web chat and the API
    (the callers decide who sees them: operators of the helpline, or the person holding the link)."""
    found = list(messages_of(conversation, since=since))
    for message in found:
        message.text = crypto.reveal(message.body)
    return found


def contact_of(conversation: Conversation) -> str:
    """The contact in clear. Only for sending, for masking and for services.contact_reveal (which
    logs the reveal): never put it on a page for someone without `sees_contacts`."""
    return crypto.reveal(conversation.contact_address)


def contact_masked(conversation: Conversation) -> str:
    return safety.mask(contact_of(conversation))


def contact_name_of(conversation: Conversation) -> str:
    return crypto.reveal(conversation.contact_name)


def last_email_message_ids(conversation: Conversation) -> list[str]:
    """The thread's Message-IDs, oldest first, for References."""
    return list(
        conversation.messages.filter(channel=Channel.EMAIL)
        .exclude(external_id="")
        .order_by("created_at", "id")
        .values_list("external_id", flat=True)
    )


def notes_of(conversation: Conversation) -> QuerySet[InternalNote]:
    return conversation.notes.select_related("author")


def notes_shown(conversation: Conversation) -> list[InternalNote]:
    """The internal notes with their text decrypted into `text`, for operators of the helpline."""
    found = list(notes_of(conversation))
    for note in found:
        note.text = crypto.reveal(note.body)
    return found


def quick_replies(helpline: Helpline, language: str = "") -> QuerySet[QuickReply]:
    found = helpline.quick_replies.all()
    return found.filter(language=language) if language else found


def operators_of(helpline: Helpline) -> QuerySet[Operator]:
    return helpline.operators.select_related("user").order_by("user__first_name", "user__email")


def someone_available(helpline: Helpline) -> bool:
    return helpline.operators.filter(is_available=True).exists()


def is_open(helpline: Helpline, at: datetime | None = None) -> bool:
    """Whether `at` falls in the helpline's hours, in its own time zone."""
    from zoneinfo import ZoneInfo

    local = timezone.localtime(at or timezone.now(), ZoneInfo(helpline.time_zone))
    if local.weekday() not in (helpline.open_weekdays or []):
        return False
    opens, closes = helpline.opens_at, helpline.closes_at
    if isinstance(opens, str):  # an unsaved default
        opens = datetime.strptime(opens, "%H:%M").time()
        closes = datetime.strptime(str(closes), "%H:%M").time()
    return opens <= local.time() < closes


def whatsapp_unanswered(now: datetime) -> QuerySet[Conversation]:
    """Assigned WhatsApp conversations whose person wrote 23 hours ago or more and got no answer since,
    not yet reminded for that message, and still inside the 24-hour window."""
    from django.db.models import F, Q

    limit = now - timedelta(hours=23)
    return (
        Conversation.objects.filter(
            channel=Channel.WHATSAPP,
            assigned_to__isnull=False,
            last_inbound_at__lte=limit,
            last_inbound_at__gt=now - timedelta(hours=24),
        )
        .exclude(state=Conversation.State.CLOSED)
        .filter(Q(last_outbound_at__isnull=True) | Q(last_outbound_at__lt=F("last_inbound_at")))
        .filter(Q(reminded_for__isnull=True) | Q(reminded_for__lt=F("last_inbound_at")))
        .select_related("assigned_to", "helpline")
    )


def due_for_anonymising(now: datetime) -> list[Conversation]:
    """Closed conversations past their helpline's retention period, not yet anonymised."""
    closed = Conversation.objects.filter(
        state=Conversation.State.CLOSED, closed_at__isnull=False, anonymised_at__isnull=True
    ).select_related("helpline")
    return [c for c in closed.iterator() if c.closed_at + timedelta(days=c.helpline.retention_days) <= now]


def _median_hours(values: list[timedelta]) -> float | None:
    if not values:
        return None
    return round(statistics.median(v.total_seconds() for v in values) / 3600, 1)


def report(*, user, helpline: Helpline, since: datetime | None = None) -> dict:
    """Conversations by channel and month, median first-response and resolution times, topics (tags).
    One query, whatever the number of conversations; the sums are made here."""
    if operator_of(user, helpline) is None:
        return {}
    rows = Conversation.objects.filter(helpline=helpline)
    if since is not None:
        rows = rows.filter(created_at__gte=since)
    by_channel: Counter = Counter()
    by_month: dict[date, Counter] = defaultdict(Counter)
    topics: Counter = Counter()
    first, resolution = [], []
    escalated = risk = 0
    for channel, created, first_at, closed, tags, at_risk, case in rows.values_list(
        "channel", "created_at", "first_response_at", "closed_at", "tags", "at_risk", "case_reference"
    ).iterator():
        by_channel[channel] += 1
        local = timezone.localtime(created)
        by_month[date(local.year, local.month, 1)][channel] += 1
        topics.update(tags or [])
        if first_at:
            first.append(first_at - created)
        if closed:
            resolution.append(closed - created)
        escalated += bool(case)
        risk += bool(at_risk)
    channels = [c for c, _label in Channel.choices]
    months = [
        {"month": month, "counts": [counts.get(c, 0) for c in channels], "total": sum(counts.values())}
        for month, counts in sorted(by_month.items())
    ]
    return {
        "total": sum(by_channel.values()),
        "by_channel": [(label, by_channel.get(key, 0)) for key, label in Channel.choices],
        "channels": [label for _key, label in Channel.choices],
        "months": months,
        "topics": topics.most_common(20),
        "median_first_response_hours": _median_hours(first),
        "median_resolution_hours": _median_hours(resolution),
        "escalated": escalated,
        "at_risk": risk,
    }


def operator_get(*, helpline: Helpline, uuid) -> Operator:
    """One operator of the helpline (the caller has checked the helpline); DoesNotExist otherwise."""
    return helpline.operators.select_related("user").get(uuid=uuid)
