from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, viewsets
from rest_framework import serializers as drf
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from ecotown.audits import readiness, services
from ecotown.audits.api import serializers
from ecotown.audits.filtersets import (
    AssessmentFilterSet,
    CertificateFilterSet,
    CorrectiveActionFilterSet,
    FindingFilterSet,
    RequirementResultFilterSet,
)
from ecotown.audits.models import Assessment, Certificate, CorrectiveAction, Finding, RequirementResult
from ecotown.core.api.viewsets import Conflict, ScopedReadOnlyViewSet, ScopedViewSetMixin


class AssessmentViewSet(ScopedReadOnlyViewSet):
    """Audits (internal, external by central auditors, surveillance) an auditor's team or the place reaches."""

    model = Assessment
    serializer_class = serializers.AssessmentSerializer
    filterset_class = AssessmentFilterSet

    @extend_schema(responses={200: dict})
    @action(detail=True)
    def gap(self, request, pk=None):
        """The level the results support and what the next level still misses (the same answer as "what if"
        during an internal audit in progress)."""
        found = readiness.gap_to_next_level(self.get_object())
        return Response({
            "level": found.decision.level,
            "next_level": found.decision.next_level,
            "blocking": [{
                "code": gap.requirement.code, "reasons": list(gap.reasons),
                "open_findings": [f.pk for f in gap.open_findings],
                "overdue_corrective_actions": [a.pk for a in gap.overdue_actions],
                "missing_evidence": gap.missing_evidence,
            } for gap in found.gaps],
        })  # fmt: skip


class RequirementResultViewSet(ScopedViewSetMixin, mixins.CreateModelMixin, mixins.UpdateModelMixin,
                               viewsets.ReadOnlyModelViewSet):  # fmt: skip
    """Results per requirement, recorded by the audit team through the same service as the page."""

    model = RequirementResult
    serializer_class = serializers.RequirementResultSerializer
    filterset_class = RequirementResultFilterSet
    http_method_names = ["get", "post", "patch", "head", "options"]

    def perform_create(self, serializer):
        data = serializer.validated_data
        assessment = get_object_or_404(
            Assessment.objects.for_permission(self.request.user, "audits.conduct_assessment"), pk=data["assessment"].pk
        )
        serializer.instance = self._record(assessment, data["requirement"], data, data.get("revision", 0))

    def perform_update(self, serializer):
        current = serializer.instance
        data = {"result": current.result, "reason": current.reason, "notes": current.notes,
                **serializer.validated_data}  # fmt: skip
        if (
            data.get("requirement", current.requirement) != current.requirement
            or data.get("assessment", current.assessment) != current.assessment
        ):
            raise drf.ValidationError({"requirement": "A result stays with its assessment and requirement."})
        serializer.instance = self._record(current.assessment, current.requirement, data, data.get("revision"))

    def _record(self, assessment, requirement, data, revision):
        try:
            return services.record_result(assessment, requirement, result=data["result"],
                                          reason=data.get("reason", ""), notes=data.get("notes", ""),
                                          revision=revision, acting_user=self.request.user)  # fmt: skip
        except services.StaleRecord as error:
            raise Conflict(error.messages[0]) from error
        except ValidationError as error:
            raise drf.ValidationError(error.message_dict if hasattr(error, "error_dict") else error.messages) from error
        except DjangoPermissionDenied as error:
            raise PermissionDenied from error


class FindingViewSet(ScopedReadOnlyViewSet):
    model = Finding
    serializer_class = serializers.FindingSerializer
    filterset_class = FindingFilterSet


class CorrectiveActionViewSet(ScopedReadOnlyViewSet):
    model = CorrectiveAction
    serializer_class = serializers.CorrectiveActionSerializer
    filterset_class = CorrectiveActionFilterSet


class CertificateViewSet(ScopedReadOnlyViewSet):
    model = Certificate
    serializer_class = serializers.CertificateSerializer
    filterset_class = CertificateFilterSet


class VerifyView(APIView):
    """Public: whether a certificate number is valid, expired, suspended or withdrawn (404 if unknown)."""

    permission_classes = [AllowAny]
    serializer_class = serializers.CertificateSerializer

    def get(self, request, number):
        certificate = get_object_or_404(Certificate.objects.select_related("area", "level"), number=number.upper())
        return Response(serializers.CertificateSerializer(certificate, context={"request": request}).data)
