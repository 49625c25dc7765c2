from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Migrate and load the reference data (geography, first-wave areas, shipped criteria catalogues), and with "
        "--demo the demo accounts and data. Idempotent; one process, so `make run` starts quickly the second time."
    )

    def add_arguments(self, parser):
        parser.add_argument("--demo", action="store_true", help="Also create the demo accounts and data.")

    def handle(self, *args, **options):
        call_command("migrate", interactive=False, verbosity=0)
        call_command("load_geography", stdout=self.stdout)
        call_command("load_first_wave_areas", stdout=self.stdout)
        for catalogue in sorted((settings.BASE_DIR / "catalogues").glob("*.yaml")):
            call_command("load_catalogue", str(catalogue), stdout=self.stdout)
        if options["demo"]:
            call_command("seed_demo", stdout=self.stdout)
