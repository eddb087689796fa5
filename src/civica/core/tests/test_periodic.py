"""Periodic jobs run once per period, catch up after a pause, and one failure does not stop the rest."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from civica.core import periodic
from civica.core.models import PeriodicRun

pytestmark = pytest.mark.django_db


@pytest.fixture
def jobs(monkeypatch):
    monkeypatch.setattr(periodic, "_jobs", {})
    calls = []

    @periodic.periodic("test.hourly", every=timedelta(hours=1))
    def hourly(now):
        calls.append(("hourly", now))

    @periodic.periodic("test.broken", every=timedelta(hours=1))
    def broken(now):
        raise RuntimeError("the mail server is down")

    return calls


def test_a_job_runs_once_per_period(jobs):
    start = timezone.now()
    assert periodic.run_due(start) == ["test.broken", "test.hourly"]
    assert periodic.run_due(start + timedelta(minutes=59)) == []
    assert periodic.run_due(start + timedelta(hours=1)) == ["test.broken", "test.hourly"]
    assert [name for name, _ in jobs] == ["hourly", "hourly"]


def test_a_failing_job_is_recorded_and_the_others_still_run(jobs):
    periodic.run_due()
    assert len(jobs) == 1
    broken = PeriodicRun.objects.get(name="test.broken")
    assert "the mail server is down" in broken.last_error
    assert broken.last_finished_at is not None
    assert PeriodicRun.objects.get(name="test.hourly").last_error == ""


def test_the_command_runs_one_job_on_demand(jobs, capsys):
    periodic.run_due()
    call_command("periodic", job="test.hourly")  # ran a minute ago, but asked for by name
    assert len(jobs) == 2
    call_command("periodic", list=True)
    assert "test.hourly\tevery 1:00:00" in capsys.readouterr().out
