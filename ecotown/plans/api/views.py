from django.core.exceptions import ValidationError
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.decorators import action
from rest_framework.response import Response

from ecotown.core.api.viewsets import Conflict, ScopedModelViewSet, ScopedReadOnlyViewSet
from ecotown.plans import diff, progress, services, timeline, versions
from ecotown.plans.api import serializers
from ecotown.plans.filtersets import PlanFilterSet, PlanVersionFilterSet, ProgressReportFilterSet, ProjectFilterSet
from ecotown.plans.models import Plan, PlanVersion, ProgressReport, Project

VERSION = OpenApiParameter("version", OpenApiTypes.INT, description="The version (default: the approved one).")
TIMELINE_FIELDS = ("id", "version_id", "key", "code", "title", "start_date", "end_date", "position")


class PlanViewSet(ScopedModelViewSet):
    """National, provincial master and area action plans; the public reads those with an approved version."""

    model = Plan
    serializer_class = serializers.PlanSerializer
    filterset_class = PlanFilterSet

    @extend_schema(parameters=[VERSION], responses=serializers.TimelineSerializer)
    @action(detail=True, url_path="timeline", url_name="timeline", pagination_class=None, filterset_class=None)
    def timeline(self, request, pk=None):
        """The timeline of a version (the page's plans/<pk>/timeline/): the plan's fiscal quarters with their
        dates, each dated project as a bar (first column, span, status of its latest report), the undated ones."""
        plan = self.get_object()
        version = versions.chosen_version(plan, request.user, request.query_params.get("version", ""))
        projects = progress.with_progress(version.projects.only(*TIMELINE_FIELDS))
        return Response(serializers.TimelineSerializer(timeline.of(version, projects)).data)


COMPARE_WITH = OpenApiParameter("with", OpenApiTypes.INT, description="The other version (default: the one before).")


class PlanVersionViewSet(ScopedReadOnlyViewSet):
    """Versions of plans, with the resolution that approved each (read only: approval is a resolution)."""

    model = PlanVersion
    serializer_class = serializers.PlanVersionSerializer
    filterset_class = PlanVersionFilterSet

    @extend_schema(parameters=[COMPARE_WITH], responses=serializers.VersionDiffSerializer)
    @action(detail=True, url_path="compare", url_name="compare", pagination_class=None, filterset_class=None)
    def compare(self, request, pk=None):
        """What the later of two versions of a plan changes in the earlier one: projects added, removed and
        changed, field by field (the page's diff). A first version is compared with nothing: every project is
        added (`old_version` is null)."""
        found = diff.version_diff(self.get_object(), request.user, request.query_params.get("with", ""))
        return Response(serializers.VersionDiffSerializer(found).data)


class ProjectViewSet(ScopedModelViewSet):
    model = Project
    serializer_class = serializers.ProjectSerializer
    filterset_class = ProjectFilterSet

    def base_queryset(self):
        related = ("budget_lines", "kpis", "requirements", "targets")
        return progress.with_progress(Project.objects.with_related().prefetch_related(*related))

    def perform_destroy(self, instance):
        try:
            services.delete_project(instance, acting_user=self.request.user)
        except ValidationError as error:
            # A project of an approved (frozen) version: the request is fine, the plan's state forbids it.
            raise Conflict(" ".join(error.messages)) from error


class ProgressReportViewSet(ScopedModelViewSet):
    model = ProgressReport
    serializer_class = serializers.ProgressReportSerializer
    filterset_class = ProgressReportFilterSet
