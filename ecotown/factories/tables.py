import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from ecotown.core.tables import Table
from ecotown.factories.models import Factory


class FactoryTable(Table):
    name = tables.Column(linkify=True, verbose_name=_("factory name"))
    registration_number = tables.Column(verbose_name=_("registration number"))
    old_registration_number = tables.Column(verbose_name=_("old registration number"))
    province = tables.Column(verbose_name=_("province"), order_by="province__code")
    district = tables.Column(verbose_name=_("district"), order_by="district__code", default="—")
    factory_class = tables.Column(verbose_name=_("factory class"))
    operating_status = tables.Column(verbose_name=_("operating status"))

    class Meta(Table.Meta):
        model = Factory
        fields = ["name", "registration_number", "old_registration_number", "province", "district", "factory_class",
                  "operating_status"]  # fmt: skip
