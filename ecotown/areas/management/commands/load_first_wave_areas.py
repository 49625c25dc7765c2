from django.core.management.base import BaseCommand

from ecotown.areas.loaders import load_first_wave


class Command(BaseCommand):
    help = "Create the programme's first-wave areas (15 provinces, 18 areas); existing areas are kept as they are."

    def handle(self, *args, **options):
        result = load_first_wave()
        self.stdout.write(f"first-wave areas: {result.created} created, {result.kept} already present")
