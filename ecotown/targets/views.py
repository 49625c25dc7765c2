from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import generic

from ecotown.accounts.scopes import may, restrict_by_permission
from ecotown.areas.models import Area
from ecotown.core import views as core
from ecotown.core.dates import current_fiscal_year
from ecotown.targets import progress
from ecotown.targets.exporters import AreaTargetExporter
from ecotown.targets.filtersets import TargetFilterSet
from ecotown.targets.forms import TargetForm, TargetImportForm
from ecotown.targets.importers import AreaTargetImporter
from ecotown.targets.models import DEFAULT_FISCAL_YEARS, Target
from ecotown.targets.tables import TargetTable


def area_for_user(user, code: str, action: str = "view") -> Area:
    """The area, if `user` may `action` its targets; 404 otherwise, exactly as for a target outside scope."""
    areas = restrict_by_permission(Area.objects.select_related("province"), user, Target.permission_name(action))
    return get_object_or_404(areas, code=code)


def chosen_catalogue(request):
    """`?catalogue=<id>` or the latest catalogue, plus every catalogue for the picker (one query)."""
    catalogues = list(progress.latest_catalogue_query())
    wanted = request.GET.get("catalogue")
    if not wanted:
        return (catalogues[0] if catalogues else None), catalogues
    for catalogue in catalogues:
        if str(catalogue.pk) == wanted:
            return catalogue, catalogues
    raise Http404


def table_url(area, catalogue=None) -> str:
    url = reverse("targets:area_target_table", kwargs={"code": area.code})
    return f"{url}?catalogue={catalogue.pk}" if catalogue else url


class AreaTargetsMixin:
    """Pages about all the targets of one area: no role for `action` is 403 (or sign in), outside scope 404."""

    action = "view"

    def dispatch(self, request, *args, **kwargs):
        refusal = core.refuse_without(request, Target.permission_name(self.action))
        if refusal:
            return refusal
        self.area = area_for_user(request.user, kwargs["code"], self.action)
        return super().dispatch(request, *args, **kwargs)


class NeedsCatalogueMixin:
    """Export and import work on a catalogue: with none loaded, go back to the table, which says so."""

    def dispatch(self, request, *args, **kwargs):
        self.catalogue = chosen_catalogue(request)[0]
        if self.catalogue is None:
            messages.warning(request, _("No criteria catalogue is loaded yet: there is nothing to export or import."))
            return redirect(table_url(self.area))
        return super().dispatch(request, *args, **kwargs)


class AreaTargetTableView(AreaTargetsMixin, generic.TemplateView):
    """Requirement × fiscal year: target, actual and whether it is met, for one area."""

    template_name = "targets/area_target_table.html"

    def get_template_names(self):
        if self.request.htmx and not self.request.htmx.boosted:
            return [f"{self.template_name}#grid"]
        return [self.template_name]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user, area = self.request.user, self.area
        catalogue, catalogues = chosen_catalogue(self.request)
        requirements = progress.applicable_requirements(area, catalogue) if catalogue else []
        rows = progress.target_grid(area, requirements, DEFAULT_FISCAL_YEARS)
        can_change = may(user, Target.permission_name("change"), area)
        if can_change and catalogue:
            self._link_cells(rows, area, catalogue)
        context.update(
            area=area,
            catalogue=catalogue,
            catalogues=catalogues,
            fiscal_years=DEFAULT_FISCAL_YEARS,
            current_year=current_fiscal_year(),
            rows=rows,
            has_targets=any(cell.target for row in rows for cell in row.cells),
            can_change=can_change,
        )
        return context

    @staticmethod
    def _link_cells(rows, area, catalogue):
        # reverse() once rather than per cell: 250 cells would otherwise cost a third of the page's time.
        edit = reverse("targets:target_edit", kwargs={"pk": 1}).replace("/1/", "/{pk}/")
        add = reverse("targets:target_add", kwargs={"code": area.code})
        for row in rows:
            for cell in row.cells:
                if cell.target:
                    cell.url = edit.format(pk=cell.target.pk)
                else:
                    query = f"requirement={cell.requirement.pk}&fiscal_year={cell.fiscal_year}"
                    cell.url = f"{add}?catalogue={catalogue.pk}&{query}"


class AreaTargetExportView(AreaTargetsMixin, NeedsCatalogueMixin, generic.View):
    def get(self, request, code):
        exporter = AreaTargetExporter(self.area, self.catalogue)
        response = HttpResponse(exporter.to_xlsx(), content_type=exporter.content_type)
        response["Content-Disposition"] = f'attachment; filename="{exporter.filename}"'
        return response


class AreaTargetImportView(AreaTargetsMixin, NeedsCatalogueMixin, generic.FormView):
    """Upload the exported workbook back: every row is checked, and nothing is written unless all are good."""

    action = "change"
    template_name = "targets/area_target_import.html"
    form_class = TargetImportForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(area=self.area, catalogue=self.catalogue, table_url=table_url(self.area, self.catalogue))
        return context

    def form_valid(self, form):
        importer = AreaTargetImporter(self.area, self.catalogue, user=self.request.user)
        result = importer.run(form.cleaned_data["file"])
        if result.errors:
            return self.render_to_response(self.get_context_data(form=form, result=result))
        messages.success(
            self.request,
            _("Import finished: {created} created, {updated} updated, {unchanged} unchanged.").format(
                created=result.created, updated=result.updated, unchanged=result.unchanged
            ),
        )
        return self.render_to_response(self.get_context_data(form=TargetImportForm(), result=result))


class TargetMixin:
    model = Target

    def base_queryset(self):
        return Target.objects.select_related("area", "requirement__catalogue", "actual")


class TargetListView(TargetMixin, core.ObjectListView):
    filterset_class = TargetFilterSet
    table_class = TargetTable

    def base_queryset(self):
        return super().base_queryset().select_related("area__province")


class TargetDetailView(TargetMixin, core.ObjectDetailView):
    pass


class TargetHistoryView(TargetMixin, core.ObjectHistoryView):
    pass


class TargetEditView(TargetMixin, core.ObjectEditView):
    """Add a target for an area (from its table) or change one, with its result."""

    form_class = TargetForm
    template_name = "targets/target_form.html"

    def get_object(self, queryset=None):
        if "pk" in self.kwargs:
            return super().get_object(queryset)
        area = area_for_user(self.request.user, self.kwargs["code"], "add")
        return Target(area=area)

    def catalogue(self):
        if self.object.requirement_id:
            return self.object.requirement.catalogue
        return chosen_catalogue(self.request)[0]

    def get_initial(self):
        initial = super().get_initial()
        for name in ("requirement", "fiscal_year"):
            if name in self.request.GET:
                initial[name] = self.request.GET[name]
        return initial

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        catalogue = self.catalogue()
        kwargs["requirements"] = progress.applicable_requirements(self.object.area, catalogue) if catalogue else []
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cancel_url"] = table_url(self.object.area, self.catalogue())
        return context

    def get_success_url(self):
        return table_url(self.object.area, self.object.requirement.catalogue)


class TargetDeleteView(TargetMixin, core.ObjectDeleteView):
    def get_success_url(self):
        return table_url(self.object.area, self.object.requirement.catalogue)
