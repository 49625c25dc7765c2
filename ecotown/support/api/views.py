from django.db.models import Count

from ecotown.core.api.viewsets import ScopedReadOnlyViewSet
from ecotown.support import progress
from ecotown.support.api import serializers
from ecotown.support.filtersets import (
    ConsultingEngagementFilterSet,
    DeliverableFilterSet,
    StudyVisitFilterSet,
    TrainingFilterSet,
    UpgradeProjectFilterSet,
)
from ecotown.support.models import ConsultingEngagement, Deliverable, StudyVisit, Training, UpgradeProject
from ecotown.support.views import with_hours


class UpgradeProjectViewSet(ScopedReadOnlyViewSet):
    """Upgrade projects (DIW contracts raising a model area) with each target beside what the records show;
    recorded on the pages by DIW."""

    model = UpgradeProject
    serializer_class = serializers.UpgradeProjectSerializer
    filterset_class = UpgradeProjectFilterSet

    def base_queryset(self):
        return super().base_queryset().prefetch_related("targets")

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if self.action == "retrieve":
            project = self.get_object()
            context["progress"] = {project.pk: progress.project_progress(project)}
        return context

    def list(self, request, *args, **kwargs):
        # Progress on the list costs five queries a project: one page's worth (PAGE_SIZE) at most.
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        context = self.get_serializer_context()
        context["progress"] = {project.pk: progress.project_progress(project) for project in page}
        serializer = self.get_serializer_class()(page, many=True, context=context)
        return self.get_paginated_response(serializer.data)


class DeliverableViewSet(ScopedReadOnlyViewSet):
    model = Deliverable
    serializer_class = serializers.DeliverableSerializer
    filterset_class = DeliverableFilterSet


class TrainingViewSet(ScopedReadOnlyViewSet):
    model = Training
    serializer_class = serializers.TrainingSerializer
    filterset_class = TrainingFilterSet

    def base_queryset(self):
        return super().base_queryset().annotate(factories=Count("attendance__factory", distinct=True),
                                                people=Count("attendance", distinct=True))  # fmt: skip


class StudyVisitViewSet(ScopedReadOnlyViewSet):
    model = StudyVisit
    serializer_class = serializers.StudyVisitSerializer
    filterset_class = StudyVisitFilterSet

    def base_queryset(self):
        return super().base_queryset().annotate(factories=Count("participants__factory", distinct=True),
                                                people=Count("participants", distinct=True))  # fmt: skip


class ConsultingEngagementViewSet(ScopedReadOnlyViewSet):
    """Consulting engagements with their visits' hours and man-days (1 man-day = SUPPORT_HOURS_PER_MAN_DAY hours)."""

    model = ConsultingEngagement
    serializer_class = serializers.ConsultingEngagementSerializer
    filterset_class = ConsultingEngagementFilterSet

    def base_queryset(self):
        return with_hours(super().base_queryset())
