"""Meetings as iCalendar events (RFC 5545, with the RFC 7986 CONFERENCE link for video rooms)."""

from django.conf import settings

from civica.core.calendar import CalendarEvent, ics

from .models import Meeting


def meeting_event(meeting: Meeting, attendee_emails: list[str] | None = None) -> CalendarEvent:
    return CalendarEvent(
        uid=f"meeting-{meeting.uuid}@civica",
        summary=f"{meeting.group.name}: {meeting.title}",
        start=meeting.starts_at,
        end=meeting.ends_at,
        location=meeting.place,
        video_url=meeting.video_url,
        description=f"{settings.SITE_URL}/meetings/{meeting.uuid}/",
        organiser_email=settings.DEFAULT_FROM_EMAIL.rsplit("<", 1)[-1].rstrip(">"),
        attendee_emails=attendee_emails or [],
        sequence=meeting.sequence,
    )


def invitation_ics(meeting: Meeting, attendee_emails: list[str]) -> bytes:
    return ics([meeting_event(meeting, attendee_emails)], method="REQUEST", name=meeting.group.name)


def feed_ics(meetings, name: str) -> bytes:
    return ics([meeting_event(meeting) for meeting in meetings], name=name)
