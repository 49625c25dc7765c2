from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _


class Command(BaseCommand):
    help = _("Queue the nightly open data snapshot for the worker (or, with --now, publish it here and now).")

    def add_arguments(self, parser):
        parser.add_argument("--now", action="store_true", help=_("Publish in this process instead of queueing."))

    def handle(self, *args, now=False, **options):
        from ecotown.opendata.tasks import publish_nightly

        if now:
            pk = publish_nightly.call()
            self.stdout.write(_("Published open data snapshot {number}.").format(number=pk))
        else:
            result = publish_nightly.enqueue()
            self.stdout.write(_("Queued the open data snapshot (task {id}).").format(id=result.id))
