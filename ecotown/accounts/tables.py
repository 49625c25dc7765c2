import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from ecotown.accounts.models import RoleAssignment
from ecotown.core.tables import Table


class RoleAssignmentTable(Table):
    user = tables.Column(
        linkify=lambda record: record.get_absolute_url(), verbose_name=_("user"), order_by="user__username"
    )
    email = tables.Column(accessor="user__email", verbose_name=_("e-mail address"))
    organisation = tables.Column(accessor="user__organisation", verbose_name=_("organisation"))
    role = tables.Column(verbose_name=_("role"))
    scope = tables.Column(accessor="scope_object", verbose_name=_("scope"), orderable=False, default="—")

    class Meta(Table.Meta):
        model = RoleAssignment
        fields = ["user", "email", "organisation", "role", "scope"]
