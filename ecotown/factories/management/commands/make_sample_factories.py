from django.core.management.base import BaseCommand, CommandError

from ecotown.factories.samples import write_sample


class Command(BaseCommand):
    help = "Write a synthetic Factory_Data CSV (the Ministry's columns, Thai places, made-up names)."

    def add_arguments(self, parser):
        parser.add_argument("--rows", type=int, default=1000)
        parser.add_argument("--output", required=True, help="The CSV file to write.")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--province", action="append", help="DOPA code of a province to place rows in.")
        parser.add_argument("--encoding", default="utf-8-sig", help="utf-8-sig (default) or tis-620.")

    def handle(self, *args, **options):
        if options["rows"] < 0:
            raise CommandError("--rows must be 0 or more.")
        with open(options["output"], "w", encoding=options["encoding"], newline="") as stream:
            count = write_sample(stream, options["rows"], seed=options["seed"], provinces=options["province"])
        self.stdout.write(f"{count} rows written to {options['output']}")
