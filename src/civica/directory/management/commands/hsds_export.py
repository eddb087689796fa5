"""civica hsds-export DIR: the public directory as an HSDS datapackage (CSV + datapackage.json) and as
JSON (DIR/json/), each validated against the official schemas. Confidential locations never leave."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from civica.directory.hsds_export import ExportInvalid, export


class Command(BaseCommand):
    help = "Export the public service directory in Open Referral HSDS 3.0."

    def add_arguments(self, parser):
        parser.add_argument("directory")

    def handle(self, *args, directory, **options):
        try:
            paths = export(Path(directory))
        except ExportInvalid as error:
            for problem in error.problems:
                self.stderr.write(problem)
            raise CommandError("The export does not validate against the HSDS schemas.") from error
        self.stdout.write(f"{len(paths)} files written to {directory}")
