from django.core.management.base import BaseCommand

from ecotown.core.demo import seed_demo


class Command(BaseCommand):
    help = "Create the demo accounts (one per role) and each app's demo data; running it again changes nothing."

    def handle(self, *args, **options):
        seed_demo(stdout=self.stdout)
