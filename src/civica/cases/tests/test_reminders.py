"""Deadline reminders: a day before and once overdue, to the handling side, never twice for one deadline."""

from datetime import timedelta

import pytest
from django.utils import timezone

from civica.cases import services
from civica.cases.jobs import send_deadline_reminders
from civica.cases.models import Case
from civica.core.models import Notice

pytestmark = pytest.mark.django_db


def test_reminders_before_and_after_the_deadline_once_each(
    request_case, centre_world, mailoutbox, django_capture_on_commit_callbacks
):
    _centre, _municipality, people = centre_world
    services.case_set_owner(actor=people["centre_staff"], case=request_case, owner=people["centre_staff"])
    request_case.refresh_from_db()
    due = request_case.due_at  # three days after submission
    with django_capture_on_commit_callbacks(execute=True):
        assert send_deadline_reminders(due - timedelta(days=2)) == 0
        assert send_deadline_reminders(due - timedelta(hours=20)) == 1
        assert send_deadline_reminders(due - timedelta(hours=10)) == 0  # already reminded for this deadline
        assert send_deadline_reminders(due + timedelta(minutes=1)) == 1
        assert send_deadline_reminders(due + timedelta(days=1)) == 0
    subjects = [message.subject for message in mailoutbox]
    assert subjects == [
        f"Due within a day: {request_case.reference}, {request_case.title}",
        f"Overdue: {request_case.reference}, {request_case.title}",
    ]
    assert {message.to[0] for message in mailoutbox} == {people["centre_staff"].email}
    assert Notice.objects.filter(user=people["centre_staff"], subject__startswith="Due within").count() == 1
    assert Notice.objects.filter(user=people["centre_staff"], subject__startswith="Overdue").count() == 1


def test_a_new_deadline_gets_its_own_reminder_and_closed_cases_none(request_case, centre_world):
    _centre, _municipality, people = centre_world
    request_case.refresh_from_db()
    assert send_deadline_reminders(request_case.due_at + timedelta(minutes=1)) == 1
    case = services.case_transition(actor=people["centre_staff"], case=request_case, transition="analyse")
    assert send_deadline_reminders(case.due_at + timedelta(minutes=1)) == 1
    Case.objects.filter(pk=case.pk).update(closed_at=timezone.now(), due_at=timezone.now() - timedelta(days=1))
    assert send_deadline_reminders(timezone.now() + timedelta(days=30)) == 0
