"""civica hsds-import PATH [--centre SLUG]: load an HSDS datapackage (folder or .zip) or JSON file.
Every problem is printed by file, row and field, and then nothing is imported."""

from django.core.management.base import BaseCommand, CommandError

from civica.directory.hsds_import import HSDSImportError, import_path
from civica.organisations.models import Organisation


class Command(BaseCommand):
    help = "Import Open Referral HSDS 3.0 files into the service directory."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--centre", help="slug of the coordination centre whose directory receives the records")
        parser.add_argument(
            "--kind",
            choices=["service", "organization", "service_at_location", "location", "taxonomy", "taxonomy_term"],
            help="the records a JSON file holds (by default, told by its name: services.json, taxonomy_term.json...)",
        )
        parser.add_argument(
            "--skip-broken-links",
            action="store_true",
            help=(
                "import the rest when links are broken: each is reported and left empty "
                "(a record whose required link is broken is left out)"
            ),
        )

    def handle(self, *args, path, centre=None, kind=None, skip_broken_links=False, **options):
        centre_organisation = None
        if centre:
            try:
                centre_organisation = Organisation.objects.get(slug=centre)
            except Organisation.DoesNotExist as error:
                raise CommandError(f"No organisation with the slug {centre}.") from error
        try:
            report = import_path(path, centre=centre_organisation, kind=kind, skip_broken_links=skip_broken_links)
        except HSDSImportError as error:
            for problem in error.problems:
                self.stderr.write(str(problem))
            raise CommandError(f"{len(error.problems)} problems: nothing was imported.") from error
        for warning in report.warnings:
            self.stderr.write(f"warning: {warning}")
        for table, count in sorted(report.counts.items()):
            self.stdout.write(f"{table}: {count}")
