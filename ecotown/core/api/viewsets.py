"""Base viewsets: scoped querysets, the FilterSet shared with the list pages, writes kept inside scope."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from rest_framework import viewsets
from rest_framework.exceptions import PermissionDenied

from ecotown.accounts.scopes import restrict

OUTSIDE_SCOPE = _("You may not save this record here: it falls outside your area of work.")


class ScopedViewSetMixin:
    model = None
    filterset_class = None

    def base_queryset(self):
        return self.model.objects.all()

    def get_queryset(self):
        # Reading is scoped here; ScopedObjectPermission checks change/delete on the object itself.
        return restrict(self.base_queryset(), self.request.user, "view")

    def _save_in_scope(self, serializer, action):
        with transaction.atomic():
            instance = serializer.save()
            if not restrict(self.model.objects.filter(pk=instance.pk), self.request.user, action).exists():
                transaction.set_rollback(True)
                raise PermissionDenied(OUTSIDE_SCOPE)

    def perform_create(self, serializer):
        self._save_in_scope(serializer, "add")

    def perform_update(self, serializer):
        self._save_in_scope(serializer, "change")


class ScopedReadOnlyViewSet(ScopedViewSetMixin, viewsets.ReadOnlyModelViewSet):
    pass


class ScopedModelViewSet(ScopedViewSetMixin, viewsets.ModelViewSet):
    pass
