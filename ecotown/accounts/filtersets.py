import django_filters
from django.utils.translation import gettext_lazy as _

from ecotown.accounts.choices import Role
from ecotown.accounts.models import RoleAssignment
from ecotown.core.filtersets import SearchFilterSet
from ecotown.geo.models import Province


class RoleAssignmentFilterSet(SearchFilterSet):
    search_fields = (
        "user__username",
        "user__email",
        "user__first_name",
        "user__last_name",
        "user__organisation",
    )

    role = django_filters.ChoiceFilter(choices=Role.choices, label=_("role"))
    province = django_filters.ModelChoiceFilter(
        queryset=Province.objects.all(), method="in_province", label=_("province")
    )

    class Meta:
        model = RoleAssignment
        fields = ["q", "role", "province"]

    def in_province(self, queryset, name, value):
        return queryset.filter(province=value) | queryset.filter(area__province=value)
