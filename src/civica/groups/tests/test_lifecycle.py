"""Minutes lifecycle, follow-ups raised on approval, carried onto the next agenda, resolved, reminded."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from civica.core.periodic import run_due
from civica.groups import services
from civica.groups.models import FollowUp, FollowUpReminder, Minutes

from .conftest import minutes_with_information, schedule


def _approve(world, minutes):
    for step in ("submit", "approve"):
        minutes = services.minutes_transition(actor=world["coordinator"], minutes=minutes, transition=step)
    return minutes


def test_lifecycle_draft_review_approved_published_and_locked(world):
    minutes = minutes_with_information(world, schedule(world))
    assert minutes.state == Minutes.State.DRAFT
    minutes = services.minutes_transition(actor=world["coordinator"], minutes=minutes, transition="submit")
    assert minutes.state == Minutes.State.REVIEW
    with pytest.raises(ValidationError):  # approval before review is over is not a step from draft
        services.minutes_transition(actor=world["coordinator"], minutes=minutes, transition="publish")
    minutes = services.minutes_transition(actor=world["coordinator"], minutes=minutes, transition="approve")
    minutes = services.minutes_transition(actor=world["coordinator"], minutes=minutes, transition="publish")
    assert minutes.state == Minutes.State.PUBLISHED and minutes.published_at and minutes.approved_at
    theme = minutes.themes.get()
    with pytest.raises(ValidationError):
        services.point_add(actor=world["coordinator"], theme=theme, kind="problem", text="Late addition")
    with pytest.raises(ValidationError):
        services.theme_add(actor=world["coordinator"], minutes=minutes, title="Another theme")


def test_only_those_who_run_the_group_move_the_minutes(world):
    minutes = minutes_with_information(world, schedule(world))
    for person in ("member", "outsider", "other_org"):
        with pytest.raises(PermissionDenied):
            services.minutes_transition(actor=world[person], minutes=minutes, transition="submit")
    assert Minutes.objects.get(pk=minutes.pk).state == "draft"


def test_empty_minutes_cannot_go_to_review(world):
    minutes = services.minutes_start(actor=world["coordinator"], meeting=schedule(world))
    with pytest.raises(ValidationError):
        services.minutes_transition(actor=world["coordinator"], minutes=minutes, transition="submit")


def test_information_to_be_provided_needs_someone_to_provide_it(world):
    minutes = services.minutes_start(actor=world["coordinator"], meeting=schedule(world))
    theme = services.theme_add(actor=world["coordinator"], minutes=minutes, title="Temă")
    with pytest.raises(ValidationError) as error:
        services.point_add(actor=world["coordinator"], theme=theme, kind="information", text="Raport")
    assert "institution" in error.value.message_dict
    assert not theme.points.exists()


def test_approval_raises_follow_ups_carried_to_the_next_meeting_then_resolved(world):
    first = schedule(world, days=-7)
    _approve(world, minutes_with_information(world, first))
    follow_up = FollowUp.objects.get()
    assert follow_up.raised_in == first and follow_up.institution == world["theirs"]
    assert follow_up.owner == world["member"] and follow_up.status == "open"

    second = schedule(world, days=-1, title="A doua întâlnire")
    carried = second.agenda.filter(follow_up=follow_up)
    assert carried.count() == 1 and carried.get().parent.title  # under the "open follow-ups" heading

    services.follow_up_update(actor=world["member"], follow_up=follow_up, status="done")  # the owner delivers
    follow_up.refresh_from_db()
    assert follow_up.status == "done" and follow_up.resolved_in == second
    third = schedule(world, days=3, title="A treia")
    assert not third.agenda.filter(follow_up__isnull=False).exists()  # nothing open is left to carry


def test_follow_up_cannot_be_closed_by_someone_outside_it(world):
    _approve(world, minutes_with_information(world, schedule(world)))
    follow_up = FollowUp.objects.get()
    with pytest.raises(PermissionDenied):
        services.follow_up_update(actor=world["outsider"], follow_up=follow_up, status="done")


def test_reminders_before_and_after_the_due_date_are_sent_once(world, mailoutbox, django_capture_on_commit_callbacks):
    _approve(world, minutes_with_information(world, schedule(world), due_on=date.today() + timedelta(days=2)))
    now = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        run_due(now, only="groups.follow_up_reminders")
        run_due(now, only="groups.follow_up_reminders")  # a second run sends nothing new
    assert [m.to for m in mailoutbox] == [["member@theirs.example"]]
    assert FollowUpReminder.objects.filter(kind="before").count() == 1

    later = now + timedelta(days=5)
    with django_capture_on_commit_callbacks(execute=True):
        run_due(later, only="groups.follow_up_reminders")
        run_due(later, only="groups.follow_up_reminders")
    assert len(mailoutbox) == 2
    assert mailoutbox[0].subject.startswith("Due soon") and mailoutbox[1].subject.startswith("Overdue")
    assert FollowUpReminder.objects.filter(kind="overdue").count() == 1


def test_invitations_carry_a_calendar_file_with_the_video_room(world, mailoutbox, django_capture_on_commit_callbacks):
    from icalendar import Calendar

    with django_capture_on_commit_callbacks(execute=True):
        meeting = schedule(world, place="", video=True)
    assert sorted(m.to[0] for m in mailoutbox) == ["coordinator@ours.example", "member@theirs.example"]
    filename, content, mimetype = mailoutbox[0].attachments[0]
    assert filename == "meeting.ics" and mimetype.startswith("text/calendar")
    event = Calendar.from_ical(content).walk("VEVENT")[0]
    assert str(event["UID"]) == f"meeting-{meeting.uuid}@civica"
    assert str(event["CONFERENCE"]) == meeting.video_url and meeting.video_url.startswith("https://")
    assert event.decoded("DTSTART") == meeting.starts_at.replace(microsecond=0)


def test_a_meeting_needs_a_place_or_a_video_room_and_an_end_after_its_start(world):
    start = timezone.now() + timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        services.meeting_schedule(
            actor=world["coordinator"], group=world["group"], title="X", starts_at=start, ends_at=start, place=""
        )
    assert {"place", "ends_at"} <= set(error.value.message_dict)


def test_agenda_is_nested_with_durations(world):
    from civica.groups import selectors

    meeting = schedule(world)
    top = services.agenda_item_add(actor=world["coordinator"], meeting=meeting, title="Tema 1", duration_minutes=30)
    services.agenda_item_add(
        actor=world["coordinator"], meeting=meeting, title="Sub 1", duration_minutes=10, parent=top
    )
    agenda = selectors.agenda_of(meeting)
    assert [item.title for item in agenda] == ["Tema 1"]
    assert [(sub.title, sub.duration_minutes) for sub in agenda[0].subitems] == [("Sub 1", 10)]


def test_registration_and_attendance(world):
    meeting = schedule(world)
    services.meeting_register(actor=world["member"], meeting=meeting)
    with pytest.raises(PermissionDenied):
        services.meeting_register(actor=world["outsider"], meeting=meeting)
    present = services.attendance_record(
        actor=world["coordinator"], meeting=meeting, present_user_ids=[world["member"].pk]
    )
    assert present == 1
    participation = meeting.participations.get(user=world["member"])
    assert participation.attended and participation.registered_at and participation.organisation == world["theirs"]


def test_members_comment_on_minutes_only_while_in_review(world):
    minutes = minutes_with_information(world, schedule(world))
    with pytest.raises(ValidationError):
        services.review_comment_add(actor=world["member"], minutes=minutes, text="Prea devreme")
    minutes = services.minutes_transition(actor=world["coordinator"], minutes=minutes, transition="submit")
    services.review_comment_add(actor=world["member"], minutes=minutes, text="Lipsește raportul Biroului Mobil.")
    with pytest.raises(PermissionDenied):
        services.review_comment_add(actor=world["outsider"], minutes=minutes, text="Nu sunt în grup")
    assert [c.text for c in minutes.comments.all()] == ["Lipsește raportul Biroului Mobil."]
