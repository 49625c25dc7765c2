from django.core.management.base import BaseCommand

from ecotown.geo.geography import describe, load_geography


class Command(BaseCommand):
    help = "Load or refresh Thailand's provinces, districts and subdistricts from geothai (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--no-subdistricts", action="store_true", help="Load provinces and districts only.")

    def handle(self, *args, **options):
        result = load_geography(with_subdistricts=not options["no_subdistricts"])
        self.stdout.write(describe(result))
