from ecotown.accounts.api.serializers import RoleAssignmentSerializer
from ecotown.accounts.filtersets import RoleAssignmentFilterSet
from ecotown.accounts.models import RoleAssignment
from ecotown.core.api.viewsets import ScopedModelViewSet


class RoleAssignmentViewSet(ScopedModelViewSet):
    """Who holds which role where. Provincial officers see and manage those of their provinces' areas."""

    model = RoleAssignment
    serializer_class = RoleAssignmentSerializer
    filterset_class = RoleAssignmentFilterSet

    def base_queryset(self):
        return RoleAssignment.objects.select_related("user")
