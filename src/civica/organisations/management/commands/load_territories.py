"""`civica load-territories [FILE.csv]`: load territories; without a file, the shipped upper levels."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from civica.organisations.services import TerritoryImportError, territories_load_csv

SHIPPED = Path(__file__).resolve().parents[2] / "data" / "territories.csv"


class Command(BaseCommand):
    help = "Load territories from a CSV file (code,parent_code,level,country,official_code,nuts_code,name,name_en)."

    def add_arguments(self, parser):
        parser.add_argument(
            "file", nargs="?", default=str(SHIPPED), help="CSV file; the shipped upper levels if omitted."
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(_("Cannot read %(file)s: %(error)s") % {"file": path, "error": error}) from error
        try:
            report = territories_load_csv(text=text)
        except TerritoryImportError as error:
            for line, message in error.line_errors:
                self.stderr.write(
                    _("%(file)s, line %(line)s: %(error)s") % {"file": path.name, "line": line, "error": message}
                )
            raise CommandError(
                _("Nothing was loaded: %(count)s line(s) have errors.") % {"count": len(error.line_errors)}
            ) from error
        self.stdout.write(
            _("Territories: %(created)s created, %(updated)s updated.")
            % {"created": report.created, "updated": report.updated}
        )
