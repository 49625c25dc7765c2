import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from ecotown.core.tables import BuddhistDateColumn, Table
from ecotown.opendata.models import Snapshot


class SnapshotTable(Table):
    generated_at = BuddhistDateColumn(linkify=True, style="datetime", verbose_name=_("generated at"))
    schema_version = tables.Column(verbose_name=_("schema version"))
    trigger = tables.Column(verbose_name=_("made by"))
    files = tables.Column(accessor="pk", verbose_name=_("files"), orderable=False)

    class Meta(Table.Meta):
        model = Snapshot
        fields = ["generated_at", "schema_version", "trigger", "files"]

    def render_files(self, record):
        return len(record.files.all())
