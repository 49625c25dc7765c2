from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from ecotown.criteria.loader import apply_plan, plan_catalogue


class Command(BaseCommand):
    help = "Load a criteria catalogue version from a YAML file (docs/catalogue-format.md). Idempotent."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--user", help="Username recorded as the person who loaded the catalogue.")

    def handle(self, *args, file: Path, user=None, **options):
        try:
            content = file.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}") from error
        acting_user = get_user_model().objects.filter(username=user).first() if user else None
        if user and acting_user is None:
            raise CommandError(f"No user named {user}.")
        plan = plan_catalogue(content)
        if not plan.is_valid:
            for error in plan.errors:
                self.stderr.write(f"{file}:{error.line}: {error.message}")
            raise CommandError(f"{file}: {len(plan.errors)} error(s); nothing was loaded.")
        if plan.is_unchanged:
            self.stdout.write(f"{plan.existing.code} version {plan.existing.version} is already loaded; nothing to do.")
            return
        catalogue = apply_plan(plan, acting_user=acting_user)
        comparison = plan.comparison
        self.stdout.write(
            self.style.SUCCESS(
                f"Loaded {catalogue.code} version {catalogue.version}: {len(plan.data['requirements'])} requirements"
                f" ({len(comparison.added)} added, {len(comparison.changed)} changed, {len(comparison.removed)} removed"
                f" since {'version ' + plan.previous.version if plan.previous else 'nothing'})."
            )
        )
