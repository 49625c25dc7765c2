"""Base viewsets: scoped querysets, the FilterSet shared with the list pages, writes kept inside scope."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from rest_framework import status, viewsets
from rest_framework.exceptions import APIException, PermissionDenied

OUTSIDE_SCOPE = _("You may not save this record here: it falls outside your area of work.")


class Conflict(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = _("This clashes with a record that already exists.")
    default_code = "conflict"


class ScopedViewSetMixin:
    model = None
    filterset_class = None

    def base_queryset(self):
        return self.model.objects.with_related()

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # drf-spectacular reading the types, with no request
            return self.model.objects.none()
        # Reading is scoped here; ScopedObjectPermission checks change/delete on the object itself.
        return self.base_queryset().for_user(self.request.user, "view")

    def _save_in_scope(self, serializer, action):
        with transaction.atomic():
            instance = serializer.instance
            expected = serializer.validated_data.pop("revision", None)
            if instance is not None and expected is not None and not instance.claim_revision(expected):
                raise Conflict(
                    _("Someone else saved this record since revision {revision}: read it again.").format(
                        revision=expected
                    )
                )
            instance = serializer.save()
            if not self.model.objects.filter(pk=instance.pk).for_user(self.request.user, action).exists():
                transaction.set_rollback(True)
                raise PermissionDenied(OUTSIDE_SCOPE)

    def perform_create(self, serializer):
        self._save_in_scope(serializer, "add")

    def perform_update(self, serializer):
        self._save_in_scope(serializer, "change")

    def perform_destroy(self, instance):
        instance._history_user = self.request.user
        instance.delete()


class ScopedReadOnlyViewSet(ScopedViewSetMixin, viewsets.ReadOnlyModelViewSet):
    pass


class ScopedModelViewSet(ScopedViewSetMixin, viewsets.ModelViewSet):
    pass
