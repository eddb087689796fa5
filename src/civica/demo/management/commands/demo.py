"""`civica demo`: load the demo world (with its territories) and print the demo logins."""

from django.core.management.base import BaseCommand

from civica.demo.services import demo_load


class Command(BaseCommand):
    help = "Load the multilingual demo world drawn from the seed documents. Safe to run again."

    def handle(self, *args, **options):
        report = demo_load()
        if report.changed:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Demo world loaded: {report.organisations_created} organisations, {report.people_created} people, "
                    f"{report.memberships_created} memberships, {report.cases_created} requests."
                )
            )
        else:
            self.stdout.write("Demo world already loaded: nothing changed.")
        self.stdout.write(f"\nDemo logins (password: {report.password})\n")
        width = max(len(email) for email, _ in report.logins)
        for email, summary in report.logins:
            self.stdout.write(f"  {email.ljust(width)}  {summary}")
