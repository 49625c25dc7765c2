from ecotown.core.api.viewsets import ScopedModelViewSet, ScopedReadOnlyViewSet
from ecotown.engagement.api import serializers
from ecotown.engagement.filtersets import CommentFilterSet, CommitteeFilterSet, MeetingFilterSet, ResolutionFilterSet
from ecotown.engagement.models import Comment, Committee, Meeting, Resolution


class CommitteeViewSet(ScopedModelViewSet):
    """Provincial, area and national expert committees."""

    model = Committee
    serializer_class = serializers.CommitteeSerializer
    filterset_class = CommitteeFilterSet


class MeetingViewSet(ScopedModelViewSet):
    """Meetings, workshops, hearings and briefings, numbered per committee and Buddhist Era year."""

    model = Meeting
    serializer_class = serializers.MeetingSerializer
    filterset_class = MeetingFilterSet


class ResolutionViewSet(ScopedReadOnlyViewSet):
    model = Resolution
    serializer_class = serializers.ResolutionSerializer
    filterset_class = ResolutionFilterSet


class CommentViewSet(ScopedModelViewSet):
    model = Comment
    serializer_class = serializers.CommentSerializer
    filterset_class = CommentFilterSet
