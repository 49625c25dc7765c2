import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from ecotown.core.tables import BuddhistDateColumn, Table
from ecotown.support.models import ConsultingEngagement, Deliverable, StudyVisit, Training, UpgradeProject
from ecotown.support.progress import man_days


class UpgradeProjectTable(Table):
    title = tables.Column(linkify=True, verbose_name=_("project title"))
    area = tables.Column(verbose_name=_("model area"), order_by="area__code")
    province = tables.Column(accessor="area__province", verbose_name=_("province"), orderable=False)
    consultant_firm = tables.Column(verbose_name=_("consultant firm"))
    target_level = tables.Column(verbose_name=_("target level"))
    starts_on = BuddhistDateColumn(verbose_name=_("starts"))
    ends_on = BuddhistDateColumn(verbose_name=_("ends"))

    class Meta(Table.Meta):
        model = UpgradeProject
        fields = ["title", "area", "province", "consultant_firm", "target_level", "starts_on", "ends_on"]


class DeliverableTable(Table):
    kind = tables.Column(linkify=True, verbose_name=_("kind of deliverable"))
    project = tables.Column(verbose_name=_("upgrade project"), order_by="project__title")
    due_on = BuddhistDateColumn(verbose_name=_("due date"))
    status = tables.Column(verbose_name=_("status"))
    submitted_on = BuddhistDateColumn(verbose_name=_("submitted on"))
    accepted_on = BuddhistDateColumn(verbose_name=_("accepted on"))

    class Meta(Table.Meta):
        model = Deliverable
        fields = ["kind", "project", "due_on", "status", "submitted_on", "accepted_on"]


class TrainingTable(Table):
    topic = tables.Column(linkify=True, verbose_name=_("topic"))
    held_on = BuddhistDateColumn(verbose_name=_("date"))
    place = tables.Column(verbose_name=_("place"))
    factories = tables.Column(verbose_name=_("factories"), orderable=False)
    people = tables.Column(verbose_name=_("people"), orderable=False)
    evaluation_score = tables.Column(verbose_name=_("evaluation score"), default="—")

    class Meta(Table.Meta):
        model = Training
        fields = ["topic", "held_on", "place", "factories", "people", "evaluation_score"]


class StudyVisitTable(Table):
    topics = tables.Column(linkify=True, verbose_name=_("topics"))
    host = tables.Column(verbose_name=_("host factory"), orderable=False)
    visited_on = BuddhistDateColumn(verbose_name=_("date"))
    factories = tables.Column(verbose_name=_("factories"), orderable=False)
    people = tables.Column(verbose_name=_("people"), orderable=False)

    class Meta(Table.Meta):
        model = StudyVisit
        fields = ["topics", "host", "visited_on", "factories", "people"]


class ConsultingEngagementTable(Table):
    factory = tables.Column(linkify=lambda record: record.get_absolute_url(), verbose_name=_("factory"),
                            order_by="factory__name")  # fmt: skip
    consultant = tables.Column(verbose_name=_("consultant"), order_by="consultant__username")
    visit_count = tables.Column(verbose_name=_("visits"), orderable=False)
    man_days = tables.Column(accessor="hours", verbose_name=_("man-days"), orderable=False)
    report_issued_on = BuddhistDateColumn(verbose_name=_("consulting report issued on"))

    class Meta(Table.Meta):
        model = ConsultingEngagement
        fields = ["factory", "consultant", "visit_count", "man_days", "report_issued_on"]

    def render_man_days(self, value):
        return man_days(value)

    def render_consultant(self, value):
        return value.get_full_name() or value.username
