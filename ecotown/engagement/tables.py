import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from ecotown.core.tables import BuddhistDateColumn, Table
from ecotown.engagement.models import Comment, Committee, Meeting


class CommitteeTable(Table):
    name_th = tables.Column(linkify=True, verbose_name=_("committee"))
    kind = tables.Column(verbose_name=_("kind of committee"))
    place = tables.Column(verbose_name=_("belongs to"), accessor="place", orderable=False, default="—")
    appointed_on = BuddhistDateColumn(verbose_name=_("appointed on"))

    class Meta(Table.Meta):
        model = Committee
        fields = ["name_th", "kind", "place", "appointed_on"]

    def render_name_th(self, record):
        return record.name  # the English name on an English page, when there is one


class MeetingTable(Table):
    title = tables.Column(linkify=True, verbose_name=_("topic"))
    numbered = tables.Column(verbose_name=_("number"), accessor="numbered", order_by=("year_be", "number"))
    committee = tables.Column(verbose_name=_("committee"), order_by="committee__name_th")
    kind = tables.Column(verbose_name=_("kind of meeting"))
    starts_at = BuddhistDateColumn(verbose_name=_("date and time"), style="datetime")
    status = tables.Column(verbose_name=_("status"))

    class Meta(Table.Meta):
        model = Meeting
        fields = ["title", "numbered", "committee", "kind", "starts_at", "status"]


class CommentTable(Table):
    topic = tables.Column(linkify=True, verbose_name=_("topic"))
    committee = tables.Column(verbose_name=_("committee"), order_by="committee__name_th")
    sector = tables.Column(verbose_name=_("sector"))
    received_on = BuddhistDateColumn(verbose_name=_("received on"))
    status = tables.Column(verbose_name=_("status"))
    response = tables.Column(verbose_name=_("response"), default="—")

    class Meta(Table.Meta):
        model = Comment
        fields = ["topic", "committee", "sector", "received_on", "status", "response"]
