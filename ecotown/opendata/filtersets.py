import django_filters
from django.utils.translation import gettext_lazy as _

from ecotown.core.filtersets import SearchFilterSet
from ecotown.opendata.choices import Trigger
from ecotown.opendata.models import Snapshot


class SnapshotFilterSet(SearchFilterSet):
    trigger = django_filters.ChoiceFilter(choices=Trigger.choices, label=_("made by"))
    generated_after = django_filters.DateFilter(field_name="generated_at", lookup_expr="date__gte",
                                                label=_("generated on or after"))  # fmt: skip

    class Meta:
        model = Snapshot
        fields = ["trigger", "generated_after"]
