from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone, translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import generic

from ecotown.core import jobs, scopes
from ecotown.core import views as core
from ecotown.core.models import Job, JobStatus
from ecotown.core.pdf import pdf_response
from ecotown.core.scopes import is_programme_staff, may
from ecotown.criteria.models import Requirement
from ecotown.plans import coverage, diff, forms, progress, rollups, services, timeline, versions
from ecotown.plans.choices import LEVEL_TH, BudgetSource, VersionStatus
from ecotown.plans.exporters import SOURCE_TH, PlanListExporter, PlanProjectExporter
from ecotown.plans.filtersets import PlanFilterSet
from ecotown.plans.jobs import IMPORT
from ecotown.plans.models import Kpi, Plan, PlanVersion, ProgressReport, Project
from ecotown.plans.tables import PlanTable

# -- plans ------------------------------------------------------------------------------------------------------


class PlanListView(core.ObjectListView):
    """The national view: every plan the user may see, with projects, budget and progress per plan."""

    model = Plan
    filterset_class = PlanFilterSet
    table_class = PlanTable
    template_name = "plans/plan_list.html"

    def base_queryset(self):
        return progress.with_plan_figures(Plan.objects.with_related())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # All the plans the user may see (not the filtered page: HTMX swaps only the table when filters change).
        shown = self.get_queryset().order_by().values("shown_version_id")
        budget = progress.budget_by_year_and_source(shown)
        sources = list(BudgetSource)
        years = sorted({year for year, _source in budget})
        context["budget_sources"] = sources
        context["budget_rows"] = [(year, [budget.get((year, s), 0) for s in sources],
                                   sum(budget.get((year, s), 0) for s in sources)) for year in years]  # fmt: skip
        context["budget_total"] = sum(budget.values())
        context["projects_per_dimension"] = rollups.projects_per_dimension(shown)
        context["export_query"] = self.request.GET.urlencode()
        return context


class PlanListExportView(PlanListView):
    """The national list as an Excel workbook, with the same search and filters as the page."""

    keep_pages = False  # a workbook, written afresh (core.kept keeps pages only)

    def get(self, request, *args, **kwargs):
        filterset = self.get_filterset(self.get_filterset_class())
        plans = filterset.qs if filterset.is_valid() else self.get_queryset().none()
        exporter = PlanListExporter(plans.select_related("approved_version__resolution__meeting"))
        response = HttpResponse(exporter.to_xlsx(), content_type=exporter.content_type)
        response["Content-Disposition"] = f'attachment; filename="{exporter.filename}"'
        return response


def shown_projects(version):
    """The projects of a version as pages and the PDF show them: only the columns they print (a plan page of 200
    projects spends its time building objects, not querying), with progress, spent and budget from SQL."""
    fields = ("id", "version_id", "key", "code", "title", "owner_organisation", "start_date", "end_date", "position")
    return progress.with_progress(version.projects.only(*fields)).prefetch_related(
        Prefetch("kpis", queryset=Kpi.objects.only("id", "project_id", "name", "unit", "target_value")),
        Prefetch("requirements", queryset=Requirement.objects.only("id", "code", "title_th", "title_en")),
    )


def version_context(request, version) -> dict:
    """What the plan page shows of one version: its projects with progress and budgets, the budget by year and
    source, the requirements no project serves, the steps the user may take."""
    user, plan = request.user, version.plan
    projects = list(shown_projects(version))
    budget = progress.budget_by_year_and_source(version)
    sources = list(BudgetSource)
    budget_rows = [(year, [budget.get((year, s), 0) for s in sources], sum(budget.get((year, s), 0) for s in sources))
                   for year in plan.years]  # fmt: skip
    steps = [s for s in services.VERSION_WORKFLOW.available(version, user) if s.name in services.PAGE_STEPS]
    return {
        "version": version,
        "projects": projects,
        "plan_progress": progress.plan_progress(projects),
        "budget_sources": sources,
        "budget_rows": budget_rows,
        "budget_total": sum(budget.values()),
        "coverage": coverage.coverage(version),
        "steps": steps,
        "step_form": forms.VersionStepForm(steps=steps) if steps else None,
        # Asked of the plan: a version's scope is its plan's (Scope.child_of), and the plan page has the answers
        # already, loaded with the plan (PlanDetailView.PAGE_PERMISSIONS).
        "can_add_project": not version.is_frozen and may(user, "plans.add_project", plan),
        "can_report": version.status == VersionStatus.APPROVED and may(user, "plans.add_progressreport", plan),
    }


class PlanDetailView(core.ObjectDetailView):
    """The plan page: its versions, and the one shown (`?version=N`; the approved one by default)."""

    model = Plan
    # What the page asks of the plan, answered in the query that loads it (≤ 12 queries for every role).
    PAGE_PERMISSIONS = ("plans.change_plan", "plans.delete_plan", "plans.add_planversion", "plans.add_project",
                        "plans.add_progressreport")  # fmt: skip
    # What the version's steps ask (services.VERSION_WORKFLOW), answered in the query that loads the versions.
    STEP_PERMISSIONS = tuple(sorted({t.permission for t in services.VERSION_WORKFLOW.transitions.values()}))

    def get_queryset(self):
        return scopes.with_answers(super().get_queryset(), self.request.user, self.PAGE_PERMISSIONS)

    def get_object(self, queryset=None):
        plan = super().get_object(queryset)
        scopes.remember_answers(self.request.user, plan, self.PAGE_PERMISSIONS)
        return plan

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        plan, user = self.object, self.request.user
        versions = PlanVersion.objects.filter(plan=plan).for_user(user).select_related("resolution__meeting__committee")
        versions = list(scopes.with_answers(versions, user, self.STEP_PERMISSIONS))
        for item in versions:
            scopes.remember_answers(user, item, self.STEP_PERMISSIONS)
        wanted = self.request.GET.get("version", "")
        if wanted:
            version = next((v for v in versions if str(v.number) == wanted), None)
            if version is None:
                raise Http404
        else:
            shown = plan.shown_version
            version = next((v for v in versions if shown and v.pk == shown.pk), versions[0] if versions else None)
        context["versions"] = versions
        latest = plan.latest_version
        context["can_revise"] = (
            latest is not None and latest.is_frozen and latest.status != VersionStatus.SUBMITTED
            and may(user, "plans.add_planversion", plan)
        )  # fmt: skip
        context["staff"] = is_programme_staff(user)
        if version is not None:
            version.plan = plan
            context.update(version_context(self.request, version))
            context["can_import"] = context["can_add_project"]
        return context


class PlanTimelineView(PlanDetailView):
    """The plan's timeline: each project of the version shown as a bar over the plan's fiscal quarters."""

    template_name = "plans/plan_timeline.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        plan = self.object
        bars, undated = timeline.bars(plan, context.get("projects", []))
        version = context.get("version")
        context.update(
            # The roll-up lives here, not on the plan page: its three queries would take that page over its 12.
            rollup=rollups.by_dimension_and_year(version, context.get("projects", [])) if version else [],
            bars=bars,
            undated=undated,
            timeline_columns=timeline.columns(plan),
            timeline_years=timeline.year_headers(plan),
            timeline_quarters=timeline.quarter_headers(plan),
        )
        return context


class PlanEditView(core.ObjectEditView):
    model = Plan
    form_class = forms.PlanForm

    def get_initial(self):
        from ecotown.areas.models import Programme

        initial = super().get_initial()
        programme = Programme.objects.order_by("pk").first()
        if programme is not None and not self.object.pk:
            initial.update(first_year=programme.plan_first_year, last_year=programme.plan_last_year)
        return initial

    def save_form(self, form):
        if self.object.pk:
            return form.save()
        return services.create_plan(form.instance, acting_user=self.request.user)


class PlanDeleteView(core.ObjectDeleteView):
    model = Plan


class PlanHistoryView(core.ObjectHistoryView):
    model = Plan


class PlanScopedMixin:
    """Pages about one plan that need `permission` on it: 403 without the role, 404 outside scope."""

    permission = "plans.change_plan"

    def dispatch(self, request, *args, **kwargs):
        refusal = core.refuse_without(request, self.permission)
        if refusal:
            return refusal
        plans = Plan.objects.with_related().for_permission(request.user, self.permission)
        self.plan = get_object_or_404(plans, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)


class PlanReviseView(PlanScopedMixin, generic.View):
    """Start the next draft version from the approved one (projects, budgets and KPIs carried over)."""

    permission = "plans.add_planversion"

    def post(self, request, pk):
        form = forms.ReviseForm(request.POST)
        form.is_valid()
        try:
            version = services.revise(self.plan, acting_user=request.user, summary=form.cleaned_data.get("summary", ""))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(self.plan)
        messages.success(request, _("Started version {number} as a draft.").format(number=version.number))
        return redirect(f"{self.plan.get_absolute_url()}?version={version.number}")


# -- versions ---------------------------------------------------------------------------------------------------


class PlanVersionDetailView(core.ObjectDetailView):
    model = PlanVersion
    object_actions = ("edit", "history")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_change"] = context["can_change"] and not self.object.is_frozen
        context["edit_url"] = context["edit_url"] if context["can_change"] else None
        context.update(version_context(self.request, self.object))
        return context


class PlanVersionCompareView(core.ScopedViewMixin, generic.DetailView):
    """What a version changes in the one before it (or in `?with=N`): projects added, removed and changed, field
    by field."""

    model = PlanVersion
    template_name = "plans/planversion_compare.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        version, user = self.object, self.request.user
        context["diff"] = diff.version_diff(version, user, self.request.GET.get("with", ""))
        others = PlanVersion.objects.filter(plan_id=version.plan_id).for_user(user).exclude(pk=version.pk)
        context["others"] = list(others.order_by("number").only("id", "plan_id", "number", "status"))
        return context


class PlanVersionEditView(core.ObjectEditView):
    """Edit what a draft version says about itself; a frozen one refuses."""

    model = PlanVersion
    form_class = forms.PlanVersionForm

    def get_object(self, queryset=None):
        version = super().get_object(queryset)
        if version.is_frozen:
            raise PermissionDenied
        return version


class PlanVersionHistoryView(core.ObjectHistoryView):
    model = PlanVersion


class PlanVersionStepView(core.ScopedViewMixin, generic.View):
    """Submit a draft for approval, or return a submitted version to draft (with the reason). Approval is not
    a step here: only a committee's resolution approves."""

    model = PlanVersion
    action = "change"

    def post(self, request, pk):
        version = get_object_or_404(self.get_queryset(), pk=pk)
        steps = [s for s in services.VERSION_WORKFLOW.available(version, request.user) if s.name in services.PAGE_STEPS]
        form = forms.VersionStepForm(request.POST, steps=steps)
        if not form.is_valid():
            messages.error(request, _("Choose a step that can be taken now."))
            return redirect(version)
        try:
            if form.cleaned_data["step"] == "submit":
                services.submit_version(version, acting_user=request.user)
            else:
                services.return_version(version, acting_user=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Saved: {version} is now “{status}”.").format(
                version=version, status=version.get_status_display()))  # fmt: skip
        return redirect(version)


# -- projects ---------------------------------------------------------------------------------------------------


class ProjectDetailView(core.ObjectDetailView):
    model = Project

    def get_queryset(self):
        return progress.with_progress(super().get_queryset())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        project, user = self.object, self.request.user
        frozen = project.version.is_frozen
        context["can_change"] = context["can_change"] and not frozen
        context["edit_url"] = context["edit_url"] if context["can_change"] else None
        context["delete_url"] = context["delete_url"] if not frozen else None
        context["reports"] = ProgressReport.objects.filter(project__key=project.key).for_user(user).order_by(
            "-fiscal_year", "-quarter")  # fmt: skip
        context["can_report"] = project.version.status == VersionStatus.APPROVED and may(
            user, "plans.add_progressreport", project
        )
        return context


class ProjectEditView(core.ObjectEditView):
    """Add a project to a draft version, or change one, with its budget lines and KPIs in one save."""

    model = Project
    form_class = forms.ProjectForm
    parent_field = "version"
    formset_classes = {"budget": forms.BudgetLineFormSet, "kpis": forms.KpiFormSet}

    def get_success_url(self):
        return self.object.get_absolute_url()


class ProjectDeleteView(core.ObjectDeleteView):
    model = Project

    def delete_object(self, obj):
        services.delete_project(obj, acting_user=self.request.user)

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:
            messages.error(self.request, " ".join(error.messages))
            return redirect(self.object)

    def get_success_url(self):
        return self.object.version.get_absolute_url()


class ProjectHistoryView(core.ObjectHistoryView):
    model = Project


# -- progress reports -------------------------------------------------------------------------------------------


class ProgressReportDetailView(core.ObjectDetailView):
    model = ProgressReport

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report = self.object
        context["evidence"] = list(report.evidence.select_related("file")) if is_programme_staff(
            self.request.user) else []  # fmt: skip
        return context


class ProgressReportEditView(core.ObjectEditView):
    """A quarter's progress of a project of the approved version, with a file of evidence."""

    model = ProgressReport
    form_class = forms.ProgressReportForm
    parent_field = "project"

    def save_form(self, form):
        return services.record_progress(
            form.instance, acting_user=self.request.user, upload=form.cleaned_data.get("evidence_file")
        )

    def get_success_url(self):
        return self.object.project.get_absolute_url()


class ProgressReportDeleteView(core.ObjectDeleteView):
    model = ProgressReport

    def get_success_url(self):
        return self.object.project.get_absolute_url()


class ProgressReportHistoryView(core.ObjectHistoryView):
    model = ProgressReport


# -- Excel and PDF ----------------------------------------------------------------------------------------------


class PlanExportView(core.ScopedViewMixin, generic.DetailView):
    """The projects of a version as the Excel workbook that is also the import template."""

    model = Plan

    def get(self, request, *args, **kwargs):
        plan = self.get_object()
        exporter = PlanProjectExporter(versions.chosen_version(plan, request.user, request.GET.get("version", "")))
        response = HttpResponse(exporter.to_xlsx(), content_type=exporter.content_type)
        response["Content-Disposition"] = f'attachment; filename="{exporter.filename}"'
        return response


class PlanPdfView(core.ScopedViewMixin, generic.DetailView):
    """An approved version as a Thai PDF to file: projects, budgets, KPIs, and the resolution that approved it."""

    model = Plan

    def get(self, request, *args, **kwargs):
        plan = self.get_object()
        version = versions.chosen_version(plan, request.user, request.GET.get("version", ""))
        if version.status not in (VersionStatus.APPROVED, VersionStatus.SUPERSEDED):
            raise Http404
        # A document to file with the province: in Thai whatever language the reader's pages are in.
        with translation.override("th"):
            context = {**version_context(request, version), "plan": plan, "printed": timezone.localtime(),
                       "level_th": LEVEL_TH[plan.level], "sources_th": list(SOURCE_TH.values())}  # fmt: skip
            context["timeline"] = timeline.of(version, context["projects"])
            context["timeline_columns"] = timeline.columns(plan)
            context["timeline_years"] = timeline.year_headers(plan)
            name = f"plan-{plan.pk}-v{version.number}.pdf"
            return pdf_response("plans/pdf/plan.html", context, name, request=request)


class PlanImportView(PlanScopedMixin, generic.FormView):
    """Upload the exported workbook into the plan's draft version. The check runs in the background and shows a
    preview; nothing is saved until the preview is confirmed (PlanImportConfirmView)."""

    permission = "plans.add_project"
    template_name = "plans/plan_import.html"
    form_class = forms.ProjectImportForm

    def draft(self):
        latest = self.plan.latest_version
        if latest is None or latest.is_frozen:
            return None
        return latest

    def get(self, request, *args, **kwargs):
        if self.draft() is None:
            messages.warning(request, _("Start a new version of the plan before importing projects."))
            return redirect(self.plan)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(plan=self.plan, version=self.draft(), plan_url=self.plan.get_absolute_url())
        return context

    def form_valid(self, form):
        version = self.draft()
        if version is None:
            messages.warning(self.request, _("Start a new version of the plan before importing projects."))
            return redirect(self.plan)
        title = _("Import projects · {version}").format(version=version)
        params = {"plan": self.plan.pk, "version": version.pk, "mode": "check", "title": title}
        job = jobs.start(IMPORT, self.request.user, params, upload=form.cleaned_data["file"], language=get_language())
        return redirect(job)


class PlanImportConfirmView(PlanScopedMixin, generic.View):
    """Save what a finished preview showed: the same file, checked again and written in one transaction."""

    permission = "plans.add_project"

    def post(self, request, pk, job):
        preview = get_object_or_404(Job, key=job, user=request.user, kind=IMPORT, status=JobStatus.DONE)
        if preview.params.get("plan") != self.plan.pk or preview.params.get("mode") != "check":
            raise Http404
        if preview.result.get("errors"):
            messages.error(request, _("This preview has problems: upload a corrected file."))
            return redirect(preview)
        params = {**preview.params, "mode": "write", "title": _("Saving projects · {plan}").format(plan=self.plan)}
        writing = jobs.start(IMPORT, request.user, params, same_file_as=preview, language=get_language())
        return redirect(writing)
