import sys

from django.core.management.base import BaseCommand, CommandError

from ecotown.factories.importers import ErrorReport, FactoryImporter


class Command(BaseCommand):
    help = (
        "Import the Ministry of Industry's Factory_Data CSV: upsert on the 14-digit registration number, all rows "
        "or none unless --keep-going. --dry-run checks and counts without writing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--dry-run", action="store_true", help="Check every row; write nothing.")
        parser.add_argument("--keep-going", action="store_true", help="Save the good rows even when some are bad.")
        parser.add_argument("--errors", help="Write every refused row to this CSV file.")
        parser.add_argument("--user", help="Username recorded in the history as the one who imported.")

    def handle(self, *args, **options):
        user = None
        if options["user"]:
            from ecotown.accounts.models import User

            user = User.objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"No user {options['user']!r}.")
        sink_file = open(options["errors"], "w", encoding="utf-8", newline="") if options["errors"] else None  # noqa: SIM115
        try:
            importer = FactoryImporter(
                acting_user=user,
                all_or_nothing=not options["keep_going"],
                error_sink=ErrorReport(sink_file) if sink_file else None,
            )
            try:
                with open(options["file"], "rb") as file:
                    result = importer.run(file, write=not options["dry_run"])
            except OSError as error:
                raise CommandError(str(error)) from None
        finally:
            if sink_file:
                sink_file.close()
        if result.problem:
            raise CommandError(result.problem)
        for row, number, column, message in result.errors[:20]:
            self.stderr.write(f"row {row} {number} {column}: {message}")
        verb = "written" if result.written else ("checked (dry run)" if options["dry_run"] else "NOT written")
        self.stdout.write(
            f"{result.rows} rows {verb}: {result.created} new, {result.updated} changed, {result.unchanged} unchanged, "
            f"{result.refused} refused"
        )
        if result.refused and not options["dry_run"] and not result.written:
            sys.exit(1)
