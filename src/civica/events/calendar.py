"""Events as iCalendar files (RFC 5545, with the RFC 7986 CONFERENCE link when held by video)."""

from django.conf import settings

from civica.core.calendar import CalendarEvent, ics

from .models import Event


def event_ics(event: Event, *, with_video: bool) -> bytes:
    """`with_video`: the video room is given only to people registered and to the organisers."""
    item = CalendarEvent(
        uid=f"event-{event.uuid}@civica",
        summary=event.title,
        start=event.starts_at,
        end=event.ends_at,
        location=event.place,
        video_url=event.video_url if with_video else "",
        description=f"{settings.SITE_URL}/events/{event.uuid}/",
    )
    return ics([item], name=event.organisation.name)
