"""civica pb-results PROCESS --rule greedy|mes: print the selected project ids, one a line."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from civica.budgeting import selectors
from civica.budgeting.models import Process
from civica.budgeting.outcomes import RULES
from civica.core.permissions import SYSTEM


class Command(BaseCommand):
    help = "Compute a process's outcome with a rule and print the selected project ids."

    def add_arguments(self, parser):
        parser.add_argument("process")
        parser.add_argument("--rule", choices=sorted(RULES), default="mes")

    def handle(self, *args, process, rule, **options):
        try:
            found = selectors.process_get(user=SYSTEM, uuid=process)
        except (Process.DoesNotExist, ValidationError) as exc:
            raise CommandError(f"no such process: {process}") from exc
        for pid in RULES[rule](selectors.election_of(found)).selected:
            self.stdout.write(pid)
