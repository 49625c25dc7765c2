import json

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from ecotown.factories.reconcile import Network, NetworkError, reconcile


class Command(BaseCommand):
    help = "Reconcile the measured flows of a network file (docs/mass-balance.md) and test for gross errors."

    def add_arguments(self, parser):
        parser.add_argument("network", help="NETWORK.json: unit, streams, nodes, measured, sigma.")
        parser.add_argument("--json", action="store_true", help="Print the result as JSON.")
        parser.add_argument("--confidence", type=float, default=0.95)

    def handle(self, *args, **options):
        try:
            with open(options["network"], encoding="utf-8-sig") as file:
                data = json.load(file)
        except OSError as error:
            raise CommandError(str(error)) from None
        except json.JSONDecodeError as error:
            raise CommandError(_("The file is not JSON: {error}").format(error=error)) from None
        try:
            network = Network.from_dict(data)
            result = reconcile(network, options["confidence"])
        except (NetworkError, ValueError) as error:
            raise CommandError(str(error)) from None
        if options["json"]:
            output = {"reconciled": result.reconciled, "global_test": result.global_test.as_dict(),
                      "suspect": result.suspect, "measurement_tests": result.measurement_tests}  # fmt: skip
            self.stdout.write(json.dumps(output, ensure_ascii=False, indent=2))
            return
        self.stdout.write(self._table(network, result))

    @staticmethod
    def _table(network, result) -> str:
        unit = f" ({network.unit})" if network.unit else ""
        lines = [f"{'กระแส / stream':24} {'วัดได้ / measured':>18} {'ปรับแล้ว / reconciled' + unit:>26} "
                 f"{'ทดสอบ / test':>12}"]  # fmt: skip
        for stream in network.streams:
            measured = network.measured.get(stream)
            value = result.reconciled[stream]
            test = result.measurement_tests.get(stream)
            lines.append(
                f"{stream:24} {'' if measured is None else f'{measured:,.3f}':>18} "
                f"{'—' if value is None else f'{value:,.3f}':>26} {'' if test is None else f'{test:.2f}':>12}"
            )
        test = result.global_test
        verdict = "ปฏิเสธ / rejected" if test.rejected else "ผ่าน / accepted"
        lines.append(f"χ² = {test.statistic:.3f}, dof = {test.dof}, critical = {test.critical:.3f}: {verdict}")
        if result.suspect:
            lines.append(f"น่าสงสัย / suspect: {result.suspect}")
        return "\n".join(lines)
