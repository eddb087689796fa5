"""`civica periodic`: start the periodic jobs that are due, once or every minute."""

import time

from django.core.management.base import BaseCommand

from civica.core.periodic import registered, run_due


class Command(BaseCommand):
    help = "Run the periodic jobs (reminders, confirmations, retention) that are due."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Run what is due now, then stop (for cron).")
        parser.add_argument("--job", help="Run this job now, whenever it last ran.")
        parser.add_argument("--list", action="store_true", help="List the registered jobs.")
        parser.add_argument("--interval", type=int, default=60, help="Seconds between two looks (default 60).")

    def handle(self, *args, **options):
        if options["list"]:
            for job in registered():
                self.stdout.write(f"{job.name}\tevery {job.every}")
            return
        while True:
            for name in run_due(only=options["job"]):
                self.stdout.write(f"ran {name}")
            if options["once"] or options["job"]:
                return
            time.sleep(options["interval"])
