"""Periodic jobs of the core: finished task rows are purged after a configurable time, since the
task queue keeps each task's arguments and result (ids only, but still a trail of who was written
to and when) until someone deletes them."""

from datetime import timedelta

from django.conf import settings
from django_tasks_db.models import DBTaskResult

from .periodic import periodic

FINISHED = ("SUCCESSFUL", "FAILED")


def task_results_purge(now) -> int:
    """Delete the task rows that finished more than CIVICA_TASK_RESULT_RETENTION_DAYS ago."""
    cutoff = now - timedelta(days=settings.CIVICA_TASK_RESULT_RETENTION_DAYS)
    deleted, _by_model = DBTaskResult.objects.filter(status__in=FINISHED, finished_at__lt=cutoff).delete()
    return deleted


@periodic("core.task_results_purge", every=timedelta(hours=6))
def purge_task_results(now):
    return task_results_purge(now)
