from django.core.management.base import BaseCommand

from ecotown.core.demo import DEMO_ACCOUNTS, DEMO_PASSWORD, seed_demo


class Command(BaseCommand):
    help = "Create the demo accounts (one per role) and demo data; running it again changes nothing."

    def handle(self, *args, **options):
        result = seed_demo()
        self.stdout.write(f"demo data: {result['accounts']} accounts, targets on every first-wave area")
        self.stdout.write(f"demo accounts (password {DEMO_PASSWORD}): " + ", ".join(row[0] for row in DEMO_ACCOUNTS))
