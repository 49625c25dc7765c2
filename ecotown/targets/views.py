from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import generic

from ecotown.areas.models import Area
from ecotown.core import evidence as evidence_store
from ecotown.core import jobs
from ecotown.core import views as core
from ecotown.core.dates import current_fiscal_year
from ecotown.core.models import Job, JobStatus
from ecotown.core.scopes import may
from ecotown.criteria.models import Catalogue
from ecotown.criteria.versions import governing
from ecotown.targets import evaluation, progress, services
from ecotown.targets.exporters import AreaTargetExporter
from ecotown.targets.filtersets import TargetFilterSet
from ecotown.targets.forms import ResultForm, TargetForm, TargetImportForm
from ecotown.targets.jobs import IMPORT
from ecotown.targets.models import Actual, Target
from ecotown.targets.periods import fiscal_years_shown
from ecotown.targets.tables import TargetTable


def area_for_user(user, code: str, permission: str) -> Area:
    """The area, if `user` may `permission` there; 404 otherwise, exactly as for a target outside scope."""
    return get_object_or_404(Area.objects.select_related("province").for_permission(user, permission), code=code)


def chosen_catalogue(request, fiscal_year: int | None = None):
    """`?catalogue=<id>`, else the version in force for `fiscal_year` (the current one): the catalogue and every
    version for the picker. A malformed id is a 404, like an unknown one."""
    catalogues = list(Catalogue.objects.order_by("code", "-first_fiscal_year", "-loaded", "-pk"))
    wanted = request.GET.get("catalogue") or request.POST.get("catalogue") or ""
    if not wanted:
        return governing(catalogues, fiscal_year or current_fiscal_year()), catalogues
    if not (wanted.isascii() and wanted.isdigit()):
        raise Http404
    for catalogue in catalogues:
        if catalogue.pk == int(wanted):
            return catalogue, catalogues
    raise Http404


def table_url(area, catalogue=None) -> str:
    url = reverse("targets:area_target_table", kwargs={"code": area.code})
    return f"{url}?catalogue={catalogue.pk}" if catalogue else url


class AreaTargetsMixin:
    """Pages about all the targets of one area: no role for `permission` is 403 (or sign in), outside scope 404."""

    permission = Target.permission_name("view")

    def dispatch(self, request, *args, **kwargs):
        refusal = core.refuse_without(request, self.permission)
        if refusal:
            return refusal
        self.area = area_for_user(request.user, kwargs["code"], self.permission)
        return super().dispatch(request, *args, **kwargs)


class AreaTargetTableView(AreaTargetsMixin, generic.TemplateView):
    """Requirement × fiscal year: target, actual and whether it is met, for one area, on one catalogue version.
    Switching the version (HTMX) swaps the whole panel: heading, picker, export and import links and the grid."""

    template_name = "targets/area_target_table.html"

    def get_template_names(self):
        if self.request.htmx and not self.request.htmx.boosted:
            return [f"{self.template_name}#panel"]
        return [self.template_name]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user, area = self.request.user, self.area
        catalogue, catalogues = chosen_catalogue(self.request)
        requirements = progress.applicable_requirements(area, catalogue) if catalogue else []
        years = fiscal_years_shown()
        rows = progress.target_grid(area, requirements, years)
        can_change = may(user, Target.permission_name("change"), area)
        self._link_cells(rows, area, catalogue, can_change)
        context.update(
            area=area,
            catalogue=catalogue,
            catalogues=catalogues,
            fiscal_years=years,
            current_year=current_fiscal_year(),
            rows=rows,
            has_targets=any(cell.target for row in rows for cell in row.cells),
            can_change=can_change,
            can_record=may(user, Actual.permission_name("change"), area),
            governed=governing(catalogues, current_fiscal_year()),
        )
        return context

    @staticmethod
    def _link_cells(rows, area, catalogue, can_change):
        # reverse() once rather than per cell: 250 cells would otherwise cost a third of the page's time.
        detail = reverse("targets:target_detail", kwargs={"pk": 1}).replace("/1/", "/{pk}/")
        edit = reverse("targets:target_edit", kwargs={"pk": 1}).replace("/1/", "/{pk}/")
        add = reverse("targets:target_add", kwargs={"code": area.code})
        for row in rows:
            for cell in row.cells:
                if cell.target:
                    cell.detail_url = detail.format(pk=cell.target.pk)
                    if can_change:
                        cell.url = edit.format(pk=cell.target.pk)
                elif can_change and catalogue:
                    query = f"requirement={cell.requirement.pk}&fiscal_year={cell.fiscal_year}"
                    cell.url = f"{add}?catalogue={catalogue.pk}&{query}"


# -- the data-entry page: results for one fiscal year ------------------------------------------------------------


class ResultRow:
    """One requirement on the data-entry page: its target (read-only), result form and evidence."""

    def __init__(self, requirement, target, form=None, saved=False):
        self.requirement, self.target, self.form, self.saved = requirement, target, form, saved

    @property
    def actual(self):
        return getattr(self.target, "actual", None) if self.target else None

    @property
    def status(self):
        if self.target is None:
            return None
        actual = self.actual
        return evaluation.status(
            self.target.target_value, actual.value if actual else None, self.requirement.target_kind,
            self.target.direction,
        )  # fmt: skip

    @property
    def target_text(self) -> str:
        target = self.target
        return evaluation.format_value(target.target_value, self.requirement.target_kind, target.unit) if target else ""


class AreaResultsView(AreaTargetsMixin, generic.TemplateView):
    """Every applicable requirement of one fiscal year with its target (read-only), the result, its status and
    evidence, each row saved in place (HTMX) — how a secretariat records a year's results."""

    template_name = "targets/area_results.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        year = self.kwargs["fiscal_year"]
        catalogue, catalogues = chosen_catalogue(self.request, year)
        requirements = progress.applicable_requirements(self.area, catalogue) if catalogue else []
        can_record = may(self.request.user, Actual.permission_name("change"), self.area)
        builder = RowBuilder(self.request, self.area, can_record)
        rows = builder.rows(requirements, year)
        context.update(
            area=self.area, catalogue=catalogue, catalogues=catalogues, fiscal_year=year, rows=rows,
            years=fiscal_years_shown(), can_record=can_record,
            can_set_targets=may(self.request.user, Target.permission_name("add"), self.area),
        )  # fmt: skip
        return context


class RowBuilder:
    """Targets, results and evidence of a year read in a fixed number of queries, and a form per row."""

    def __init__(self, request, area, can_record: bool):
        self.request, self.area, self.can_record = request, area, can_record
        self._links = None

    def links(self):
        if self._links is None:
            probe = Target(area=self.area)
            self._links = evidence_store.linkable_records(probe, self.request.user) if self.can_record else []
        return self._links

    def rows(self, requirements, year: int) -> list[ResultRow]:
        targets = {
            t.requirement_id: t
            for t in Target.objects.filter(
                area=self.area, fiscal_year=year, requirement__in=[r.pk for r in requirements]
            )
            .select_related("actual")
            .prefetch_related("evidence__file")
        }
        rows = []
        for requirement in requirements:
            target = targets.get(requirement.pk)
            if target is not None:
                target.requirement, target.area = requirement, self.area
            rows.append(ResultRow(requirement, target, self.form(target) if target and self.can_record else None))
        return rows

    def form(self, target, data=None, files=None) -> ResultForm:
        actual = getattr(target, "actual", None)
        initial = {"revision": actual.revision if actual else 0}
        if actual is not None:
            value = f"{actual.value.normalize():f}"  # 85, not 85.0000
            initial.update(value=value, recorded_on=actual.recorded_on, evidence_url=actual.evidence_url)
        return ResultForm(
            data, files, target=target, evidence=list(target.evidence.all()), initial=initial,
            link_choices=evidence_store.link_choices(self.links()), prefix=f"r{target.requirement_id}",
        )  # fmt: skip


class ResultRowView(AreaTargetsMixin, generic.View):
    """Save one row of the data-entry page. An HTMX request gets the row back (with errors, or saved); a plain
    POST (no JavaScript) goes back to the page with a message."""

    permission = Actual.permission_name("change")

    def post(self, request, code, fiscal_year, requirement):
        target = get_object_or_404(
            Target.objects.select_related("requirement__level", "actual"),
            area=self.area, fiscal_year=fiscal_year, requirement_id=requirement,
        )  # fmt: skip
        builder = RowBuilder(request, self.area, can_record=True)
        form = builder.form(target, request.POST, request.FILES)
        saved = False
        if form.is_valid():
            with transaction.atomic():  # the row is saved whole — result and evidence — or not at all
                saved = self._save(target, form, builder)
                if not saved:
                    transaction.set_rollback(True)
        if saved:
            target = Target.objects.select_related("requirement__level", "actual").get(pk=target.pk)
            form = builder.form(target)
        if not request.htmx:
            if saved:
                messages.success(request, _("Saved the result of {code}.").format(code=target.requirement.code))
                return redirect(reverse("targets:area_results", kwargs={"code": code, "fiscal_year": fiscal_year}))
            messages.error(request, "; ".join(str(e) for errors in form.errors.values() for e in errors))
            return redirect(reverse("targets:area_results", kwargs={"code": code, "fiscal_year": fiscal_year}))
        row = ResultRow(target.requirement, target, form, saved=saved)
        context = {"row": row, "area": self.area, "fiscal_year": fiscal_year, "can_record": True}
        return render(request, "targets/area_results.html#row", context, status=200)

    def _save(self, target, form, builder) -> bool:
        data, user = form.cleaned_data, self.request.user
        try:
            if data["clear_result"]:
                services.clear_result(target, acting_user=user, expected_revision=data["revision"])
            elif data["value"] is not None:
                services.record_result(
                    target, value=data["value"], recorded_on=data["recorded_on"], evidence_url=data["evidence_url"],
                    acting_user=user, expected_revision=data["revision"],
                )  # fmt: skip
            elif data["revision"]:
                # An empty value never deletes a result: "remove the result" says so explicitly.
                form.add_error("value", _("Give the value, or tick “remove the result”."))
                return False
            if data["remove_evidence"]:
                services.remove_evidence(target, data["remove_evidence"], acting_user=user)
            if data["evidence_file"]:
                services.add_evidence(target, upload=data["evidence_file"], acting_user=user)
            if data["evidence_link"]:
                record = evidence_store.find_linked(builder.links(), data["evidence_link"])
                if record is None:
                    form.add_error("evidence_link", _("Choose a record from the list."))
                    return False
                services.add_evidence(target, record=record, acting_user=user)
        except ValidationError as error:
            form.add_error(None, error.messages)
            return False
        return True


# -- Excel --------------------------------------------------------------------------------------------------------


class AreaTargetExportView(AreaTargetsMixin, generic.View):
    def get(self, request, code):
        catalogue = chosen_catalogue(request)[0]
        if catalogue is None:
            messages.warning(request, _("No criteria catalogue is loaded yet: there is nothing to export or import."))
            return redirect(table_url(self.area))
        exporter = AreaTargetExporter(self.area, catalogue)
        response = HttpResponse(exporter.to_xlsx(), content_type=exporter.content_type)
        response["Content-Disposition"] = f'attachment; filename="{exporter.filename}"'
        return response


class AreaTargetImportView(AreaTargetsMixin, generic.FormView):
    """Upload the exported workbook back. The check runs in the background and shows a preview; nothing is
    saved until the preview is confirmed (AreaTargetImportConfirmView)."""

    permission = Target.permission_name("change")
    template_name = "targets/area_target_import.html"
    form_class = TargetImportForm

    def get(self, request, *args, **kwargs):
        if chosen_catalogue(request)[0] is None:
            messages.warning(request, _("No criteria catalogue is loaded yet: there is nothing to export or import."))
            return redirect(table_url(self.area))
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        catalogue = chosen_catalogue(self.request)[0]
        context.update(area=self.area, catalogue=catalogue, table_url=table_url(self.area, catalogue))
        return context

    def form_valid(self, form):
        catalogue = chosen_catalogue(self.request)[0]
        if catalogue is None:
            return redirect(table_url(self.area))
        title = _("Import target values · {area}").format(area=self.area)
        params = {"area": self.area.pk, "catalogue": catalogue.pk, "mode": "check", "title": title}
        job = jobs.start(IMPORT, self.request.user, params, upload=form.cleaned_data["file"], language=get_language())
        return redirect(job)


class AreaTargetImportConfirmView(AreaTargetsMixin, generic.View):
    """Save what a finished preview showed: the same file, checked again and written in one transaction."""

    permission = Target.permission_name("change")

    def post(self, request, code, job):
        preview = get_object_or_404(Job, key=job, user=request.user, kind=IMPORT, status=JobStatus.DONE)
        if preview.params.get("area") != self.area.pk or preview.params.get("mode") != "check":
            raise Http404
        if preview.result.get("errors"):
            messages.error(request, _("This preview has problems: upload a corrected file."))
            return redirect(preview)
        params = {**preview.params, "mode": "write"}
        params["title"] = _("Saving target values · {area}").format(area=self.area)
        writing = jobs.start(IMPORT, request.user, params, same_file_as=preview, language=get_language())
        return redirect(writing)


# -- single targets -----------------------------------------------------------------------------------------------


class TargetListView(core.ObjectListView):
    model = Target
    offer_add = False
    filterset_class = TargetFilterSet
    table_class = TargetTable

    def base_queryset(self):
        # The columns the table shows (and the approved terms a loaded target remembers, see Target.from_db):
        # the areas' and catalogues' other columns cost the national list a third of its reading time.
        return Target.objects.select_related("area", "requirement", "actual").only(
            "id", "area_id", "requirement_id", "fiscal_year", *Target.APPROVED_TERMS,
            "area__code", "area__name_th", "area__name_en",
            "requirement__code", "requirement__target_kind", "requirement__target_unit",
            "actual__id", "actual__target_id", "actual__value",
        )  # fmt: skip


class TargetDetailView(core.ObjectDetailView):
    model = Target

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        target = self.object
        context["evidence"] = list(target.evidence.all().select_related("file", "linked_type"))
        context["results_url"] = reverse(
            "targets:area_results", kwargs={"code": target.area.code, "fiscal_year": target.fiscal_year}
        )
        return context


class TargetHistoryView(core.ObjectHistoryView):
    model = Target


class TargetEditView(core.ObjectEditView):
    """Set a target for an area (from its table) or change one. Results are the data-entry page's business."""

    model = Target
    form_class = TargetForm
    template_name = "targets/target_form.html"

    def get_object(self, queryset=None):
        if "pk" in self.kwargs:
            return super().get_object(queryset)
        area = area_for_user(self.request.user, self.kwargs["code"], Target.permission_name("add"))
        return Target(area=area)

    def catalogue(self):
        if self.object.requirement_id:
            return self.object.requirement.catalogue
        return chosen_catalogue(self.request)[0]

    def get_initial(self):
        initial = super().get_initial()
        for name in ("requirement", "fiscal_year"):
            value = self.request.GET.get(name, "")
            if value.isascii() and value.isdigit():
                initial[name] = value
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


class TargetDeleteView(core.ObjectDeleteView):
    model = Target

    def get_success_url(self):
        return table_url(self.object.area, self.object.requirement.catalogue)
