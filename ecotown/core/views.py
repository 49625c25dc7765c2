"""Generic views: each app's views are short declarations on top of these.

Every view reads through `Model.objects.for_user(user, action)`, so an object outside the user's scope is a
404 whatever the URL. A create or edit whose result would fall outside the user's scope is rolled back and the
form comes back with what the user typed and a message saying why.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import connection, transaction
from django.db.models import Count, ProtectedError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views import generic
from django_filters.views import FilterMixin
from django_tables2 import SingleTableMixin

from ecotown.accounts.scopes import assignments_of, may, restrict_by_permission
from ecotown.core.history import describe_history


def refuse_without(request, permission: str):
    """None when the user holds `permission` somewhere; else the login page (anonymous) or 403.

    Whether the object at hand is within the user's scope is the queryset's business (404), not this."""
    if may(request.user, permission):
        return None
    # Signing in may grant what an anonymous visitor lacks: send them to the login page.
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise PermissionDenied


class ScopedViewMixin:
    """Gives `get_queryset()` the user's scope for `action` (view, add, change, delete)."""

    model = None
    action = "view"

    def dispatch(self, request, *args, **kwargs):
        return refuse_without(request, self.permission()) or super().dispatch(request, *args, **kwargs)

    def base_queryset(self):
        """Override to add select_related/prefetch_related; scoping is applied on top."""
        return self.model.objects.all()

    def get_queryset(self):
        return self.base_queryset().for_user(self.request.user, self.action)

    def permission(self, action=None):
        return self.model.permission_name(action or self.action)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["model_meta"] = self.model._meta
        context["can_add"] = may(self.request.user, self.permission("add"))
        return context


class ObjectListView(ScopedViewMixin, SingleTableMixin, FilterMixin, generic.ListView):
    """A searchable, filterable, paginated table. An HTMX request gets only the results fragment."""

    template_name = "core/object_list.html"
    filterset_class = None
    table_class = None
    paginate_by = 25

    def get_queryset(self):
        queryset = super().get_queryset()
        # Django ignores Meta.ordering once a queryset is aggregated (GROUP BY): restore it, so that annotated
        # lists keep their order (Thai dictionary order for names) and pagination stays stable.
        if not queryset.ordered:
            queryset = queryset.order_by(*(self.model._meta.ordering or ["pk"]))
        return queryset

    def get(self, request, *args, **kwargs):
        self.filterset = self.get_filterset(self.get_filterset_class())
        self.object_list = self.filterset.qs if self.filterset.is_valid() else self.get_queryset().none()
        return self.render_to_response(self.get_context_data(filter=self.filterset))

    def get_filterset_kwargs(self, filterset_class):
        kwargs = super().get_filterset_kwargs(filterset_class)
        # Always bound: django-filter leaves a filterset without a query string unbound, and an unbound one
        # is not valid, which would show an empty list on a first visit.
        kwargs["data"] = self.request.GET
        kwargs["request"] = self.request
        return kwargs

    def get_table_data(self):
        return self.object_list

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        try:
            context["add_url"] = reverse(f"{self.model._meta.app_label}:{self.model._meta.model_name}_add")
        except NoReverseMatch:
            context["add_url"] = None
        return context

    def get_table_pagination(self, table):
        return {"per_page": self.paginate_by}

    def get_template_names(self):
        names = super().get_template_names()
        if self.request.htmx and not self.request.htmx.boosted:
            return [f"{name}#results" for name in names]
        return names


class ObjectDetailView(ScopedViewMixin, generic.DetailView):
    template_name_suffix = "_detail"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user, obj = self.request.user, self.object
        context["can_change"] = may(user, self.permission("change"), obj)
        context["can_delete"] = may(user, self.permission("delete"), obj)
        context["edit_url"] = object_url(obj, "edit") if context["can_change"] else None
        context["delete_url"] = object_url(obj, "delete") if context["can_delete"] else None
        context["history_url"] = object_url(obj, "history")
        return context


def object_url(obj, action: str) -> str | None:
    """The URL of `app:model_<action>` for this object, or None when the app has no such page."""
    meta = obj._meta
    try:
        return reverse(f"{meta.app_label}:{meta.model_name}_{action}", kwargs={"pk": obj.pk})
    except NoReverseMatch:
        return None


class ObjectEditView(ScopedViewMixin, generic.UpdateView):
    """Creates (no pk in the URL) or changes an object, inside the user's scope."""

    template_name = "core/object_form.html"
    form_class = None

    @property
    def action(self):
        return "change" if "pk" in self.kwargs else "add"

    def get_object(self, queryset=None):
        if "pk" not in self.kwargs:
            return self.model()
        return super().get_object(queryset)

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        # Offer only the provinces, areas... the user may work on here: the rest would be refused on save anyway.
        for field in form.fields.values():
            queryset = getattr(field, "queryset", None)
            if queryset is not None and getattr(queryset.model, "scope_lookups", None):
                field.queryset = restrict_by_permission(queryset, self.request.user, self.permission())
        return form

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cancel_url"] = self.object.get_absolute_url() if self.object.pk else self.model.get_list_url()
        return context

    def form_valid(self, form):
        with transaction.atomic():
            self.object = form.save()
            if not self.get_queryset().filter(pk=self.object.pk).exists():
                transaction.set_rollback(True)
                form.add_error(None, _("You may not save this record here: it falls outside your area of work."))
                if "pk" not in self.kwargs:
                    form.instance.pk = None
                return self.form_invalid(form)
        messages.success(self.request, _("Saved {object}.").format(object=self.object))
        return redirect(self.get_success_url())


class ObjectDeleteView(ScopedViewMixin, generic.DeleteView):
    action = "delete"
    template_name = "core/object_confirm_delete.html"
    success_url = None

    def form_valid(self, form):
        name = str(self.object)
        try:
            self.object.delete()
        except ProtectedError:
            messages.error(
                self.request,
                _("{object} is still used by other records and cannot be deleted.").format(object=name),
            )
            return redirect(self.object.get_absolute_url())
        messages.success(self.request, _("Deleted {object}.").format(object=name))
        return redirect(self.get_success_url())

    def get_success_url(self):
        return self.success_url or self.object.get_list_url()


class ObjectHistoryView(ScopedViewMixin, generic.DetailView):
    """Who changed what and when, newest first, with the fields each change touched."""

    template_name = "core/object_history.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        records = self.object.history.select_related("history_user").order_by("history_date", "history_id")
        context["changes"] = describe_history(self.model, records)
        context["history_tab"] = True
        context["history_url"] = object_url(self.object, "history")
        return context


def healthz(request):
    """`ok` when the database answers; 503 otherwise (for load balancers and monitoring)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:
        return HttpResponse("database unavailable", status=503, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")


class HomeView(generic.TemplateView):
    """The first page after signing in: what the user's roles let them work on."""

    template_name = "core/home.html"

    def get_context_data(self, **kwargs):
        from ecotown.accounts.choices import Role, ScopeKind
        from ecotown.areas.models import Area

        context = super().get_context_data(**kwargs)
        user = self.request.user
        roles = {assignment.role for assignment in assignments_of(user)}
        context["roles"] = roles
        context["Role"] = Role
        context["my_areas"] = (
            Area.objects.for_user(user, "change").select_related("province")[:30]
            if any(Role(role).scope_kind in (ScopeKind.PROVINCE, ScopeKind.AREA) for role in roles)
            else []
        )
        context["national"] = Area.objects.aggregate(areas=Count("pk"), provinces=Count("province", distinct=True))
        return context
