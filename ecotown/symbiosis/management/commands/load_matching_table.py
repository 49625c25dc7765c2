from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from ecotown.symbiosis.table import TABLE, load_table


class Command(BaseCommand):
    help = "Load a version of the symbiosis matching table from YAML (docs/symbiosis.md). Idempotent."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, nargs="?", default=TABLE)

    def handle(self, *args, file: Path, **options):
        try:
            table = load_table(file)
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}") from error
        except ValidationError as error:
            for message in error.messages:
                self.stderr.write(f"{file}: {message}")
            raise CommandError(f"{file}: {len(error.messages)} error(s); nothing was loaded.") from error
        self.stdout.write(self.style.SUCCESS(f"Matching table {table.version} is loaded."))
