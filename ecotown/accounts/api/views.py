from rest_framework.authtoken.views import ObtainAuthToken

from ecotown.accounts import services
from ecotown.accounts.api.serializers import RoleAssignmentSerializer
from ecotown.accounts.filtersets import RoleAssignmentFilterSet
from ecotown.accounts.models import RoleAssignment
from ecotown.core.api.viewsets import ScopedModelViewSet


class RoleAssignmentViewSet(ScopedModelViewSet):
    """Who holds which role where. Provincial officers see and manage those of their provinces' areas; nobody
    changes or removes their own."""

    model = RoleAssignment
    serializer_class = RoleAssignmentSerializer
    filterset_class = RoleAssignmentFilterSet

    def get_queryset(self):
        queryset = super().get_queryset()
        if getattr(self, "swagger_fake_view", False) or self.request.method in ("GET", "HEAD", "OPTIONS"):
            return queryset
        return queryset.exclude(user=self.request.user)

    def perform_destroy(self, instance):
        services.remove_assignment(instance, acting_user=self.request.user)


class ObtainTokenView(ObtainAuthToken):
    """POST username (or e-mail) and password, get the API token to send as `Authorization: Token <token>`.
    Failures count with the login page's (accounts.throttling); a locked account gets 429 and `retry_after`."""

    def get_serializer_context(self):
        # Authenticate with Django's request rather than DRF's wrapper: axes marks a refused attempt on the
        # request it is given, and its middleware, which answers 429, sees only Django's.
        return {**super().get_serializer_context(), "request": self.request._request}
