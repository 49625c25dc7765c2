"""What every EcoTown domain model shares: timestamps, notes, history and the scoped manager."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class ScopedQuerySet(models.QuerySet):
    """A queryset that knows which rows a user may see or change.

    Every view, export and API viewset starts from `Model.objects.for_user(user, action)`, so an object outside
    the user's scope is simply absent (404), never a hidden button. The rules live in accounts.scopes.
    """

    def for_user(self, user, action: str = "view"):
        from ecotown.accounts.scopes import restrict

        return restrict(self, user, action)


class ScopedModel(models.Model):
    """An object that sits somewhere on the scope path national → province → area → factory.

    `scope_lookups` maps a scope kind to the ORM paths from this model to that scope's object, for example
    `{"province": ["province"], "area": ["areas"]}`. A kind left out grants nothing on this model.
    `public_filter()` says which rows the public may see when a permission is granted to the public role.
    """

    scope_lookups: dict[str, list[str]] = {}

    objects = ScopedQuerySet.as_manager()

    class Meta:
        abstract = True

    def get_absolute_url(self):
        return reverse(f"{self._meta.app_label}:{self._meta.model_name}_detail", kwargs={"pk": self.pk})

    @classmethod
    def public_filter(cls) -> models.Q:
        return models.Q()

    @classmethod
    def permission_name(cls, action: str) -> str:
        return f"{cls._meta.app_label}.{action}_{cls._meta.model_name}"

    @classmethod
    def get_list_url(cls):
        return reverse(f"{cls._meta.app_label}:{cls._meta.model_name}_list")


class EcoTownModel(ScopedModel):
    """Base for every model users edit: timestamps, free-text notes and a full change history."""

    created = models.DateTimeField(_("created"), auto_now_add=True)
    last_updated = models.DateTimeField(_("last updated"), auto_now=True)
    notes = models.TextField(_("notes"), blank=True)

    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True
