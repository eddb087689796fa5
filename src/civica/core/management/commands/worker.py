"""`civica worker`: run background tasks with whichever backend the settings choose."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Run the background task worker (database queue by default, RQ on Redis when configured)."

    def add_arguments(self, parser):
        parser.add_argument("--max-tasks", type=int, default=None, help="Stop after this many tasks.")
        parser.add_argument("--burst", action="store_true", help="Run what is queued, then stop.")

    def handle(self, *args, **options):
        queues = settings.TASKS["default"].get("QUEUES", ["default"])
        if settings.CIVICA_TASK_BACKEND == "redis":
            # A long-running RQ worker forks a child per job (a crash cannot take the worker down);
            # a burst run works in-process, which is quicker for one-off runs and tests.
            worker_class = "rq.worker.SimpleWorker" if options["burst"] else None
            call_command(
                "rqworker",
                *queues,
                burst=options["burst"],
                worker_class=worker_class,
                job_class="django_tasks_rq.backend.Job",
            )
            return
        extra = {"max_tasks": options["max_tasks"]} if options["max_tasks"] else {}
        call_command(
            "db_worker",
            queue_name=",".join(queues),
            batch=options["burst"],
            reload=False,
            startup_delay=not options["burst"],
            **extra,
        )
