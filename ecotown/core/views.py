"""Generic views: each app's views are short declarations on top of these.

Every view reads through `Model.objects.for_user(user, action)`, so an object outside the user's scope is a
404 whatever the URL. A create or edit whose result would fall outside the user's scope is rolled back and the
form comes back with what the user typed and a message saying why; so does a save over a colleague's newer
change (the revision check) and a save that breaks a database constraint.
"""

from functools import partial

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import ProtectedError
from django.http import FileResponse, Http404, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import generic
from django_filters.views import FilterMixin
from django_tables2 import SingleTableMixin

from ecotown.core import kept
from ecotown.core.deletion import dependents
from ecotown.core.forms import RevisionField
from ecotown.core.history import describe_history, history_records
from ecotown.core.pagination import ListPaginator
from ecotown.core.registry import registry
from ecotown.core.scopes import is_programme_staff, may

OUTSIDE_SCOPE = gettext_lazy("You may not save this record here: it falls outside your area of work.")
MAX_PER_PAGE = 100


def refuse_without(request, permission: str):
    """None when the user holds `permission` somewhere; else the login page (anonymous) or 403.

    Whether the object at hand is within the user's scope is the queryset's business (404), not this."""
    if may(request.user, permission):
        return None
    # Signing in may grant what an anonymous visitor lacks: send them to the login page.
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise PermissionDenied


def object_url(obj, action: str) -> str:
    """The URL of `app:model_<action>` for this object. A missing name raises NoReverseMatch: a page that
    offers an action must have its route."""
    meta = obj._meta
    return reverse(f"{meta.app_label}:{meta.model_name}_{action}", kwargs={"pk": obj.pk})


class ScopedViewMixin:
    """Gives `get_queryset()` the user's scope for `action` (view, add, change, delete)."""

    model = None
    action = "view"

    def dispatch(self, request, *args, **kwargs):
        return refuse_without(request, self.permission()) or super().dispatch(request, *args, **kwargs)

    def base_queryset(self):
        """The model's shared queryset (`with_related()`); scoping is applied on top."""
        return self.model.objects.with_related()

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
    # The list offers "Add" (route app:model_add, or `add_url_name`) to those who may add; read-only reference
    # lists and models added elsewhere (under a parent) set offer_add = False.
    offer_add = True
    add_url_name = None
    # A list that can grow past what is worth counting (the national factory register) sets
    # core.pagination.CappedPaginator here.
    paginator_class = None

    def get_queryset(self):
        queryset = super().get_queryset()
        # Django ignores Meta.ordering once a queryset is aggregated (GROUP BY): restore it, so that annotated
        # lists keep their order (Thai dictionary order for names) and pagination stays stable.
        if not queryset.ordered:
            queryset = queryset.order_by(*(self.model._meta.ordering or ["pk"]))
        return queryset

    # The page is kept as written until the database changes (core.kept). A list that shows anything besides the
    # database, the user, the language, the day and its address (files, the clock, a job's progress) says False.
    keep_pages = True

    def get(self, request, *args, **kwargs):
        key = kept.page_key(request) if self.keep_pages else None
        if key is not None and (response := kept.find(key, request)) is not None:
            return response
        self.filterset = self.get_filterset(self.get_filterset_class())
        self.object_list = self.filterset.qs if self.filterset.is_valid() else self.get_queryset().none()
        context = self.get_context_data(filter=self.filterset)
        response = self.render_to_response(context)
        if key is not None:
            # One token for the whole page, so that the kept copy can have it replaced by the next user's.
            context["csrf_token"] = token = get_token(request)
            response.add_post_render_callback(partial(kept.keep, key, token))
        return response

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
        if self.offer_add and context["can_add"]:
            meta = self.model._meta
            context["add_url"] = reverse(self.add_url_name or f"{meta.app_label}:{meta.model_name}_add")
        return context

    def get_table_pagination(self, table):
        return {"per_page": per_page(self.request), "paginator_class": self.paginator_class or ListPaginator}

    def get_table(self, **kwargs):
        """django-tables2 reads `?per_page=` itself, over what get_table_pagination says: `per_page=1000000000`
        listed every row on one page and `per_page=-1` was a 500 (issue 13). It gets the bounded value."""
        from copy import copy

        from django_tables2 import RequestConfig

        table = self.get_table_class()(data=self.get_table_data(), **kwargs)
        request = copy(self.request)
        request.GET = self.request.GET.copy()
        request.GET.pop(table.prefixed_per_page_field, None)
        return RequestConfig(request, paginate=self.get_table_pagination(table)).configure(table)

    def get_template_names(self):
        names = super().get_template_names()
        if self.request.htmx and not self.request.htmx.boosted:
            # A list template extending core/object_list.html inherits its "results" partial, but Django finds
            # partials by the name of the template that defines them: fall back to the one in core.
            return [f"{name}#results" for name in names] + ["core/object_list.html#results"]
        return names


def per_page(request) -> int:
    """`?per_page=` within 1..MAX_PER_PAGE; the PAGINATE_BY setting otherwise."""
    wanted = request.GET.get("per_page", "")
    if wanted.isascii() and wanted.isdigit():
        return max(1, min(int(wanted), MAX_PER_PAGE))
    return settings.PAGINATE_BY


class ObjectDetailView(ScopedViewMixin, generic.DetailView):
    template_name_suffix = "_detail"
    # The actions this model's pages offer; each must have its route (object_url raises otherwise).
    object_actions = ("edit", "delete", "history")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user, obj = self.request.user, self.object
        context["can_change"] = "edit" in self.object_actions and may(user, self.permission("change"), obj)
        context["can_delete"] = "delete" in self.object_actions and may(user, self.permission("delete"), obj)
        context["edit_url"] = object_url(obj, "edit") if context["can_change"] else None
        context["delete_url"] = object_url(obj, "delete") if context["can_delete"] else None
        show_history = "history" in self.object_actions and is_programme_staff(user)
        context["history_url"] = object_url(obj, "history") if show_history else None
        context["list_url"], context["list_label"] = list_link(obj)
        return context


def list_link(obj) -> tuple[str, str]:
    """Where the breadcrumb above an object leads: its model's list, or — for a record that has no list of its
    own (a committee's member) — the record it belongs to. A model with neither raises NoReverseMatch."""
    meta = obj._meta
    try:
        return reverse(f"{meta.app_label}:{meta.model_name}_list"), meta.verbose_name_plural
    except NoReverseMatch:
        parent_name = getattr(getattr(obj, "scope", None), "parent", None)
        if not parent_name:
            raise
        parent = getattr(obj, parent_name)
        return parent.get_absolute_url(), str(parent)


class ObjectEditView(ScopedViewMixin, generic.UpdateView):
    """Creates (no pk in the URL) or changes an object, inside the user's scope.

    - `parent_field`: the object is created under a parent named by the URL (`<parent_pk>`), e.g. a meeting
      under its committee; the parent must be one the user may change, and the field is not offered.
    - `formset_classes`: {"name": FormSetClass} edited and saved with the object in one transaction.
    """

    template_name = "core/object_form.html"
    form_class = None
    parent_field = None
    formset_classes: dict = {}

    @property
    def action(self):
        return "change" if "pk" in self.kwargs else "add"

    def get_object(self, queryset=None):
        if "pk" in self.kwargs:
            return super().get_object(queryset)
        obj = self.model()
        if self.parent_field:
            setattr(obj, self.parent_field, self.get_parent())
        return obj

    def get_parent(self):
        parent_model = self.model._meta.get_field(self.parent_field).related_model
        parents = parent_model.objects.for_user(self.request.user, "change")
        return get_object_or_404(parents, pk=self.kwargs["parent_pk"])

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        if self.parent_field and self.parent_field in form.fields:
            del form.fields[self.parent_field]
        # Offer only the provinces, areas... the user may work on here: the rest would be refused on save anyway.
        for field in form.fields.values():
            queryset = getattr(field, "queryset", None)
            if queryset is not None and getattr(queryset.model, "scope", None) is not None:
                field.queryset = queryset.for_permission(self.request.user, self.permission())
        if self.object.pk:
            form.fields["revision"] = RevisionField(initial=self.object.revision)
        return form

    def get_formsets(self):
        if not hasattr(self, "_formsets"):
            data = (self.request.POST, self.request.FILES) if self.request.method == "POST" else (None, None)
            self._formsets = {
                name: formset_class(*data, instance=self.object, prefix=name)
                for name, formset_class in self.formset_classes.items()
            }
        return self._formsets

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["formsets"] = self.get_formsets()
        if self.object.pk:
            context["cancel_url"] = self.object.get_absolute_url()
        elif self.parent_field:
            context["cancel_url"] = getattr(self.object, self.parent_field).get_absolute_url()
        else:
            context["cancel_url"] = self.model.get_list_url()
        return context

    def form_valid(self, form):
        formsets = self.get_formsets()
        if not all(formset.is_valid() for formset in formsets.values()):
            return self.form_invalid(form)
        try:
            with transaction.atomic():
                saved = self._save(form, formsets)
                if not saved:
                    transaction.set_rollback(True)
        except IntegrityError:
            form.add_error(None, _("This clashes with a record that already exists. Check the values and save again."))
            saved = False
        except ValidationError as error:  # a service refused the change: say why, keep what was typed
            form.add_error(None, error.messages)
            saved = False
        if not saved:  # rendered after the rolled-back transaction has ended
            return self._refused(form)
        messages.success(self.request, _("Saved {object}.").format(object=self.object))
        return redirect(self.get_success_url())

    def _save(self, form, formsets) -> bool:
        """Save inside the transaction; False (with the reason on the form) to roll back."""
        if self.object.pk and not self._revision_is_current(form):
            return False
        self.object = self.save_form(form)
        for formset in formsets.values():
            formset.instance = self.object
            formset.save()
        if not self.get_queryset().filter(pk=self.object.pk).exists():
            form.add_error(None, OUTSIDE_SCOPE)
            return False
        return True

    def save_form(self, form):
        """Override to save through a service with the acting user."""
        return form.save()

    def _revision_is_current(self, form) -> bool:
        expected = form.cleaned_data.get("revision")
        if expected is not None and form.instance.claim_revision(expected):
            return True
        current = type(form.instance)._default_manager.get(pk=form.instance.pk)
        changed = [
            _("{field}: now “{theirs}”, yours “{yours}”").format(
                field=form.fields[name].label, theirs=_shown(getattr(current, name)), yours=_shown(typed)
            )
            for name, typed in form.cleaned_data.items()
            if name in form.changed_data and hasattr(current, name) and not _same(getattr(current, name), typed)
        ]
        form.add_error(
            None,
            _("Someone else saved this record while you were editing it. Check their values, then save again.")
            + (" " + "; ".join(changed) if changed else ""),
        )
        form.data = form.data.copy()
        form.data["revision"] = current.revision
        return False

    def _refused(self, form):
        if "pk" not in self.kwargs:
            form.instance.pk = None
            form.instance._state.adding = True
        return self.form_invalid(form)


def _shown(value):
    if hasattr(value, "all"):
        return ", ".join(str(item) for item in value.all())
    return "—" if value in (None, "") else value


def _same(stored, typed) -> bool:
    if hasattr(stored, "all"):
        return {item.pk for item in stored.all()} == {item.pk for item in typed}
    return stored == typed


class ObjectDeleteView(ScopedViewMixin, generic.DeleteView):
    """Deletes an object that nothing depends on; otherwise lists what depends on it and refuses."""

    action = "delete"
    template_name = "core/object_confirm_delete.html"
    success_url = None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["dependents"] = found = dependents(self.object)
        context["blocked"] = any(group.blocks for group in found)
        return context

    def form_valid(self, form):
        name = str(self.object)
        try:
            with transaction.atomic():
                self.delete_object(self.object)
        except ProtectedError:
            messages.error(
                self.request,
                _("{object} is still used by other records and cannot be deleted.").format(object=name),
            )
            return redirect(self.object.get_absolute_url())
        messages.success(self.request, _("Deleted {object}.").format(object=name))
        return redirect(self.get_success_url())

    def delete_object(self, obj):
        """Override to delete through a service with the acting user."""
        obj._history_user = self.request.user
        obj.delete()

    def get_success_url(self):
        return self.success_url or self.object.get_list_url()


class ObjectHistoryView(ScopedViewMixin, generic.DetailView):
    """Who changed what and when, newest first, with related records' changes (a target's result and
    evidence). Programme staff only: who edited is personal data (PDPA)."""

    template_name = "core/object_history.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not is_programme_staff(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["changes"] = describe_history(history_records(self.object))
        context["history_tab"] = True
        context["history_url"] = object_url(self.object, "history")
        context["list_url"], context["list_label"] = list_link(self.object)
        return context


class EvidenceDownloadView(generic.View):
    """A file of evidence, to whoever may see the record it belongs to; 404 for everyone else (the same answer
    as for a key that does not exist). The file is always a download, under its original (Thai) name."""

    def get(self, request, key):
        from ecotown.core.evidence import open_file
        from ecotown.core.models import Evidence

        evidence = get_object_or_404(Evidence.objects.for_user(request.user).select_related("file"), key=key)
        if evidence.file is None:
            raise Http404
        # An owner the public may read can still keep some of its files to programme staff (a meeting's photos
        # are published; its minutes, which name people, are not): `evidence_is_public(evidence)`.
        is_public = getattr(evidence.owner, "evidence_is_public", None)
        if is_public is not None and not is_public(evidence) and not is_programme_staff(request.user):
            raise Http404
        response = FileResponse(
            open_file(evidence), as_attachment=True, filename=evidence.file_name,
            content_type=evidence.file.content_type,
        )  # fmt: skip
        response["Cache-Control"] = "private, no-store"
        return response


class JobDetailView(generic.DetailView):
    """The page that waits for a background job: a progress bar that polls (HTMX) until the job is done, then
    the job kind's own result (an import's preview, a report's download). Only its owner sees it."""

    template_name = "core/job_detail.html"
    slug_field = slug_url_kwarg = "key"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        from ecotown.core.models import Job

        return Job.objects.filter(user=self.request.user)

    def get_template_names(self):
        if self.request.htmx and not self.request.htmx.boosted:
            return [f"{self.template_name}#status"]
        return [self.template_name]

    def get_context_data(self, **kwargs):
        from ecotown.core import jobs

        context = super().get_context_data(**kwargs)
        job = self.object
        context["result_template"] = jobs.kind_of(job).template if job.status == "done" else None
        context["result"] = job.result
        return context


def panel(request, page: str, pk: int, index: int):
    """One lazy panel of a shared page, for whoever may see the page's object (404 otherwise)."""
    model = registry.pages.get(page)
    panels = registry.panels.get(page, [])
    if model is None or index >= len(panels) or not panels[index].lazy:
        raise Http404
    obj = get_object_or_404(model.objects.for_user(request.user), pk=pk)
    data = panels[index].context(request, obj)
    if data is None:
        return HttpResponse("")
    from django.shortcuts import render

    return render(request, panels[index].template, {"panel": data})


def healthz(request):
    """`ok` when the database answers; 503 otherwise (for load balancers and monitoring)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:
        return HttpResponse("database unavailable", status=503, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")


class HomeView(generic.TemplateView):
    """The first page: the cards each app registered (core.registry) that have something for this user."""

    template_name = "core/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["panels"] = registry.panels_for("home", self.request)
        return context


# -- error answers: pages for people, JSON for the API ----------------------------------------------------------


def _api_error(request, status: int, message: str):
    from django.http import JsonResponse

    return JsonResponse({"detail": message}, status=status) if request.path.startswith("/api/") else None


def bad_request(request, exception=None):
    from django.views import defaults

    return _api_error(request, 400, _("The request could not be read.")) or defaults.bad_request(request, exception)


def permission_denied(request, exception=None):
    from django.views import defaults

    answer = _api_error(request, 403, _("You do not have permission to perform this action."))
    return answer or defaults.permission_denied(request, exception)


def page_not_found(request, exception=None):
    """A URL the API does not have (e.g. `/api/areas/1.5/`) is a JSON 404, as the schema says, not a page."""
    from django.views import defaults

    return _api_error(request, 404, _("Not found.")) or defaults.page_not_found(request, exception)


def server_error(request):
    from django.views import defaults

    return _api_error(request, 500, _("Something went wrong on the server.")) or defaults.server_error(request)
