"""Periodic jobs: reminders before and after a deadline, "is this still correct?" confirmations,
retention. Each app registers its jobs with `@periodic(...)` in a module its AppConfig.ready()
imports; `civica periodic` (run beside the task worker) starts the ones that are due.

A job must be idempotent, recording what it has done (a `reminded_at`, a sent-for-date) rather than
trusting that it runs exactly on time: a scheduler may be down for an hour, or run late, and then
the job simply catches up.
"""

import logging
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from .models import PeriodicRun

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PeriodicJob:
    name: str
    every: timedelta
    run: Callable[[datetime], object]


_jobs: dict[str, PeriodicJob] = {}


def periodic(name: str, *, every: timedelta):
    """Register `function(now)` to run at most once per `every`."""

    def register(function):
        _jobs[name] = PeriodicJob(name=name, every=every, run=function)
        return function

    return register


def registered() -> list[PeriodicJob]:
    return sorted(_jobs.values(), key=lambda job: job.name)


def run_due(now: datetime | None = None, *, only: str | None = None) -> list[str]:
    """Run every job whose period has passed; the names of those run. A failing job is logged and
    recorded on its row; it does not stop the others."""
    now = now or timezone.now()
    done = []
    for job in registered():
        if only and job.name != only:
            continue
        PeriodicRun.objects.get_or_create(name=job.name)
        with transaction.atomic():
            # skip_locked: another scheduler is running this job right now; leave it to that one.
            row = PeriodicRun.objects.select_for_update(skip_locked=True).filter(name=job.name).first()
            if row is None or (row.last_started_at and row.last_started_at + job.every > now and not only):
                continue
            row.last_started_at = now
            try:
                with transaction.atomic():
                    job.run(now)
                row.last_error = ""
            except Exception:
                logger.exception("Periodic job %s failed", job.name)
                row.last_error = traceback.format_exc()[-4000:]
            row.last_finished_at = timezone.now()
            row.save()
        done.append(job.name)
    return done
