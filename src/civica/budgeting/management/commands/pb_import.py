"""civica pb-import FILE: create a closed process from a Pabulib file; prints its id last."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from civica.budgeting import services
from civica.core.permissions import SYSTEM


class Command(BaseCommand):
    help = "Import a Pabulib .pb file as a closed participatory budget; prints its identifier."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--title", default="")

    def handle(self, *args, file, title, **options):
        try:
            text = Path(file).read_text(encoding="utf-8")
            process = services.process_import_pabulib(actor=SYSTEM, text=text, title=title)
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(str(exc)) from exc
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from exc
        self.stdout.write(f"{process.projects.count()} projects, {process.ballots.count()} ballots")
        self.stdout.write(str(process.uuid))
