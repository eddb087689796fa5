from django.core.management.base import BaseCommand

from civica.sdg import services


class Command(BaseCommand):
    help = "Load (or refresh) the SDG 16 targets and indicators from the JSON shipped with Civica."

    def handle(self, *args, **options):
        targets, indicators = services.reference_load()
        self.stdout.write(f"SDG 16: {targets} targets, {indicators} indicators.")
