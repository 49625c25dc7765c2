import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from ecotown.audits.models import Assessment, Certificate
from ecotown.core.tables import BuddhistDateColumn, Table


class AssessmentTable(Table):
    area = tables.Column(linkify=lambda record: record.get_absolute_url(), verbose_name=_("area"),
                         order_by="area__code")  # fmt: skip
    province = tables.Column(accessor="area__province", verbose_name=_("province"), orderable=False)
    fiscal_year = tables.Column(verbose_name=_("fiscal year"))
    kind = tables.Column(verbose_name=_("kind of audit"))
    status = tables.Column(verbose_name=_("status"))
    starts_on = BuddhistDateColumn(verbose_name=_("audit starts"))
    recommended_level = tables.Column(verbose_name=_("level recommended"), default="—")

    class Meta(Table.Meta):
        model = Assessment
        fields = ["area", "province", "fiscal_year", "kind", "status", "starts_on", "recommended_level"]


class CertificateTable(Table):
    number = tables.Column(linkify=True, verbose_name=_("certificate number"))
    area = tables.Column(verbose_name=_("area"), order_by="area__code")
    level = tables.Column(verbose_name=_("level"), order_by="level__number")
    valid_from = BuddhistDateColumn(verbose_name=_("effective date"))
    valid_until = BuddhistDateColumn(verbose_name=_("valid until"))
    status = tables.Column(verbose_name=_("status"))

    class Meta(Table.Meta):
        model = Certificate
        fields = ["number", "area", "level", "valid_from", "valid_until", "status"]
