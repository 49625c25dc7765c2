import django_filters
from django.utils.translation import gettext_lazy as _

from ecotown.core.filtersets import SearchFilterSet
from ecotown.support import choices
from ecotown.support.models import ConsultingEngagement, Deliverable, StudyVisit, Training, UpgradeProject


class UpgradeProjectFilterSet(SearchFilterSet):
    search_fields = ("title", "contract_number", "consultant_firm", "area__name_th")

    area = django_filters.NumberFilter(field_name="area_id", label=_("area"))
    province = django_filters.CharFilter(field_name="area__province__code", label=_("Province code"))

    class Meta:
        model = UpgradeProject
        fields = ["q", "area", "province"]


class DeliverableFilterSet(SearchFilterSet):
    search_fields = ("title", "project__title")

    project = django_filters.NumberFilter(field_name="project_id", label=_("upgrade project"))
    kind = django_filters.ChoiceFilter(choices=choices.DeliverableKind.choices, label=_("kind of deliverable"))
    status = django_filters.ChoiceFilter(choices=choices.DeliverableStatus.choices, label=_("status"))

    class Meta:
        model = Deliverable
        fields = ["q", "project", "kind", "status"]


class TrainingFilterSet(SearchFilterSet):
    search_fields = ("topic", "place", "trainers")

    project = django_filters.NumberFilter(field_name="project_id", label=_("upgrade project"))
    area = django_filters.NumberFilter(field_name="project__area_id", label=_("area"))

    class Meta:
        model = Training
        fields = ["q", "project", "area"]


class StudyVisitFilterSet(SearchFilterSet):
    search_fields = ("topics", "host_name", "host_factory__name")

    project = django_filters.NumberFilter(field_name="project_id", label=_("upgrade project"))
    area = django_filters.NumberFilter(field_name="project__area_id", label=_("area"))

    class Meta:
        model = StudyVisit
        fields = ["q", "project", "area"]


class ConsultingEngagementFilterSet(SearchFilterSet):
    search_fields = ("factory__name", "factory__registration_number")

    project = django_filters.NumberFilter(field_name="project_id", label=_("upgrade project"))
    factory = django_filters.NumberFilter(field_name="factory_id", label=_("factory"))
    consultant = django_filters.NumberFilter(field_name="consultant_id", label=_("consultant"))

    class Meta:
        model = ConsultingEngagement
        fields = ["q", "project", "factory", "consultant"]
