"""Calendar files (RFC 5545) and video rooms, for every app that schedules something.

The video link travels twice: as the URL and LOCATION that every calendar shows, and as the RFC 7986
CONFERENCE property that calendars which know it turn into a "join" button.
"""

import secrets
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event, vCalAddress, vText

PRODID = "-//Civica//Civica calendar//EN"


def video_room_url() -> str:
    """A Jitsi Meet room on the configured server, with a name nobody can guess."""
    return f"{settings.CIVICA_JITSI_BASE_URL}/Civica-{secrets.token_urlsafe(12)}"


@dataclass
class CalendarEvent:
    uid: str
    summary: str
    start: datetime
    end: datetime
    description: str = ""
    location: str = ""
    video_url: str = ""
    organiser_email: str = ""
    attendee_emails: list[str] = field(default_factory=list)
    sequence: int = 0
    cancelled: bool = False


def ics(events: list[CalendarEvent], *, method: str = "PUBLISH", name: str = "Civica") -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", method)
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    for item in events:
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", timezone.now())
        event.add("dtstart", item.start)
        event.add("dtend", item.end)
        event.add("summary", item.summary)
        event.add("sequence", item.sequence)
        event.add("status", "CANCELLED" if item.cancelled else "CONFIRMED")
        if item.description:
            event.add("description", item.description)
        location = item.location or item.video_url
        if location:
            event.add("location", location)
        if item.video_url:
            event.add("url", item.video_url)
            event.add(
                "conference",
                item.video_url,
                parameters={"VALUE": "URI", "FEATURE": ["AUDIO", "VIDEO"], "LABEL": "Jitsi Meet"},
            )
        if item.organiser_email:
            organiser = vCalAddress(f"mailto:{item.organiser_email}")
            organiser.params["cn"] = vText("Civica")
            event.add("organizer", organiser)
        for email in item.attendee_emails:
            attendee = vCalAddress(f"mailto:{email}")
            attendee.params["role"] = vText("REQ-PARTICIPANT")
            attendee.params["partstat"] = vText("NEEDS-ACTION")
            event.add("attendee", attendee, encode=0)
        calendar.add_component(event)
    return calendar.to_ical()
