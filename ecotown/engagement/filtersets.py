import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ecotown.core.filtersets import SearchFilterSet
from ecotown.engagement import choices
from ecotown.engagement.models import Comment, Committee, Meeting, Resolution


class CommitteeFilterSet(SearchFilterSet):
    search_fields = ("name_th", "name_en", "appointment_order")

    kind = django_filters.ChoiceFilter(choices=choices.CommitteeKind.choices, label=_("kind of committee"))
    province = django_filters.CharFilter(method="in_province", label=_("Province code"))

    class Meta:
        model = Committee
        fields = ["q", "kind", "province"]

    def in_province(self, queryset, name, value):
        return queryset.filter(Q(province__code=value) | Q(area__province__code=value))


class MeetingFilterSet(SearchFilterSet):
    search_fields = ("title", "place", "committee__name_th")

    committee = django_filters.NumberFilter(field_name="committee_id", label=_("committee"))
    kind = django_filters.ChoiceFilter(choices=choices.MeetingKind.choices, label=_("kind of meeting"))
    year_be = django_filters.NumberFilter(label=_("year (B.E.)"))
    status = django_filters.ChoiceFilter(choices=choices.MeetingStatus.choices, label=_("status"))

    class Meta:
        model = Meeting
        fields = ["q", "committee", "kind", "year_be", "status"]


class ResolutionFilterSet(SearchFilterSet):
    search_fields = ("text",)

    meeting = django_filters.NumberFilter(field_name="meeting_id", label=_("meeting"))
    kind = django_filters.ChoiceFilter(choices=choices.ResolutionKind.choices, label=_("kind of resolution"))

    class Meta:
        model = Resolution
        fields = ["q", "meeting", "kind"]


class CommentFilterSet(SearchFilterSet):
    search_fields = ("topic", "text", "organisation")

    committee = django_filters.NumberFilter(field_name="committee_id", label=_("committee"))
    status = django_filters.ChoiceFilter(choices=choices.CommentStatus.choices, label=_("status"))
    sector = django_filters.ChoiceFilter(choices=choices.Sector.choices, label=_("sector"))

    class Meta:
        model = Comment
        fields = ["q", "committee", "status", "sector"]
