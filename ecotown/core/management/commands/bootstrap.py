from django.core.management import call_command
from django.core.management.base import BaseCommand

from ecotown.core.registry import registry


class Command(BaseCommand):
    help = (
        "Migrate and load each app's reference data (geography, first-wave areas, shipped criteria catalogues...), "
        "and with --demo the demo accounts and data. Idempotent; one process, so `make run` starts quickly the "
        "second time."
    )

    def add_arguments(self, parser):
        parser.add_argument("--demo", action="store_true", help="Also create the demo accounts and data.")

    def handle(self, *args, **options):
        call_command("migrate", interactive=False, verbosity=0)
        for step in registry.reference_steps:
            self.stdout.write(f"{step.name}: {step.run()}")
        if options["demo"]:
            call_command("seed_demo", stdout=self.stdout)
