"""Pages of upgrade projects and their capacity building: declarations on core.views; writes and steps through
services with the acting user."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Sum
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import generic

from ecotown.core import views as core
from ecotown.core.pdf import pdf_response
from ecotown.core.scopes import may
from ecotown.factories.models import Factory
from ecotown.support import exporters, forms, progress, services
from ecotown.support.filtersets import (
    ConsultingEngagementFilterSet,
    DeliverableFilterSet,
    StudyVisitFilterSet,
    TrainingFilterSet,
    UpgradeProjectFilterSet,
)
from ecotown.support.models import (
    ConsultingEngagement,
    ConsultingVisit,
    Deliverable,
    StudyVisit,
    Training,
    UpgradeProject,
)
from ecotown.support.tables import (
    ConsultingEngagementTable,
    DeliverableTable,
    StudyVisitTable,
    TrainingTable,
    UpgradeProjectTable,
)


class UnderParentMixin:
    """Created under a parent the user may add this kind of record to (a consultant adds trainings to the
    projects of their team without holding the right to change the project itself)."""

    def get_parent(self):
        parent_model = self.model._meta.get_field(self.parent_field).related_model
        parents = parent_model.objects.for_permission(self.request.user, self.permission("add"))
        return get_object_or_404(parents, pk=self.kwargs["parent_pk"])


def _evidence(obj, user) -> list:
    """The record's files: whoever reads the record reads them (the download checks the same scope)."""
    return list(obj.evidence.select_related("file"))


# -- upgrade projects -------------------------------------------------------------------------------------------


class UpgradeProjectListView(core.ObjectListView):
    model = UpgradeProject
    filterset_class = UpgradeProjectFilterSet
    table_class = UpgradeProjectTable


class UpgradeProjectDetailView(core.ObjectDetailView):
    """The project's progress page: each target of its terms beside the records, the factories of the model area
    not yet reached, and its deliverables and work."""

    model = UpgradeProject
    object_actions = ("edit", "history")

    def base_queryset(self):
        return super().base_queryset().prefetch_related("targets", "team__user")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        project, user = self.object, self.request.user
        context["progress"] = progress.project_progress(project)
        context["unreached"] = progress.unreached_factories(project)
        context["deliverables"] = list(project.deliverables.all())
        context["trainings"] = list(project.trainings.annotate(people=Count("attendance")))
        context["study_visits"] = list(project.study_visits.select_related("host_factory"))
        context["engagements"] = list(
            project.consulting_engagements.select_related("factory", "consultant").annotate(hours=Sum("visits__hours"))
        )
        context["evidence"] = _evidence(project, user)
        for name in ("deliverable", "training", "studyvisit", "consultingengagement"):
            context[f"can_add_{name}"] = may(user, f"support.add_{name}", project)
        return context


class UpgradeProjectEditView(core.ObjectEditView):
    model = UpgradeProject
    form_class = forms.UpgradeProjectForm
    formset_classes = {"team": forms.TeamFormSet, "targets": forms.TargetFormSet}

    def save_form(self, form):
        return services.save_project(form.instance, acting_user=self.request.user,
                                     upload=form.cleaned_data.get("terms_file"))  # fmt: skip


class UpgradeProjectHistoryView(core.ObjectHistoryView):
    model = UpgradeProject


# -- deliverables -----------------------------------------------------------------------------------------------


class DeliverableListView(core.ObjectListView):
    model = Deliverable
    filterset_class = DeliverableFilterSet
    table_class = DeliverableTable
    offer_add = False  # added on its project's page


class DeliverableDetailView(core.ObjectDetailView):
    model = Deliverable
    object_actions = ("edit", "history")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        steps = services.DELIVERABLE_WORKFLOW.available(self.object, self.request.user)
        context["steps"] = steps
        context["step_form"] = forms.StepForm(steps=steps) if steps else None
        context["evidence"] = _evidence(self.object, self.request.user)
        return context


class DeliverableEditView(UnderParentMixin, core.ObjectEditView):
    model = Deliverable
    form_class = forms.DeliverableForm
    parent_field = "project"

    def save_form(self, form):
        return services.save_deliverable(form.instance, acting_user=self.request.user,
                                         upload=form.cleaned_data.get("file"))  # fmt: skip


class DeliverableHistoryView(core.ObjectHistoryView):
    model = Deliverable


class DeliverableStepView(generic.View):
    """Submit, resubmit, accept or return (with comments) a deliverable."""

    def post(self, request, pk):
        refused = core.refuse_without(request, "support.view_deliverable")
        if refused:
            return refused
        deliverable = get_object_or_404(Deliverable.objects.for_user(request.user), pk=pk)
        steps = services.DELIVERABLE_WORKFLOW.available(deliverable, request.user)
        form = forms.StepForm(request.POST, steps=steps)
        if not steps:
            raise PermissionDenied
        if not form.is_valid():
            messages.error(request, _("Choose a step that can be taken now."))
            return redirect(deliverable)
        try:
            services.take_step(deliverable, form.cleaned_data["step"], acting_user=request.user,
                               reason=form.cleaned_data["reason"])  # fmt: skip
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Saved."))
        return redirect(deliverable)


# -- trainings --------------------------------------------------------------------------------------------------


class TrainingListView(core.ObjectListView):
    model = Training
    filterset_class = TrainingFilterSet
    table_class = TrainingTable
    offer_add = False
    template_name = "support/training_list.html"

    def base_queryset(self):
        return super().base_queryset().annotate(factories=Count("attendance__factory", distinct=True),
                                                people=Count("attendance", distinct=True))  # fmt: skip


class TrainingDetailView(core.ObjectDetailView):
    model = Training

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["attendance"] = list(self.object.attendance.select_related("factory"))
        context["evidence"] = _evidence(self.object, self.request.user)
        return context


class TrainingEditView(UnderParentMixin, core.ObjectEditView):
    model = Training
    form_class = forms.TrainingForm
    parent_field = "project"
    formset_classes = {"attendance": forms.AttendanceFormSet}

    def save_form(self, form):
        return services.save_training(form.instance, acting_user=self.request.user,
                                      upload=form.cleaned_data.get("file"))  # fmt: skip


class TrainingDeleteView(core.ObjectDeleteView):
    model = Training


class TrainingHistoryView(core.ObjectHistoryView):
    model = Training


class TrainingExportView(generic.View):
    """The trainings the user may see, one row per person attending, as an Excel workbook."""

    def get(self, request):
        refused = core.refuse_without(request, "support.view_training")
        if refused:
            return refused
        filterset = TrainingFilterSet(request.GET, queryset=Training.objects.with_related().for_user(request.user))
        trainings = filterset.qs if filterset.is_valid() else Training.objects.none()
        exporter = exporters.TrainingExporter(trainings, timezone.localdate())
        return _xlsx(exporter)


def _xlsx(exporter) -> HttpResponse:
    response = HttpResponse(exporter.to_xlsx(), content_type=exporters.CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{exporter.filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


# -- study visits -----------------------------------------------------------------------------------------------


class StudyVisitListView(core.ObjectListView):
    model = StudyVisit
    filterset_class = StudyVisitFilterSet
    table_class = StudyVisitTable
    offer_add = False

    def base_queryset(self):
        return super().base_queryset().annotate(factories=Count("participants__factory", distinct=True),
                                                people=Count("participants", distinct=True))  # fmt: skip


class StudyVisitDetailView(core.ObjectDetailView):
    model = StudyVisit

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["participants"] = list(self.object.participants.select_related("factory"))
        return context


class StudyVisitEditView(UnderParentMixin, core.ObjectEditView):
    model = StudyVisit
    form_class = forms.StudyVisitForm
    parent_field = "project"
    formset_classes = {"participants": forms.ParticipantFormSet}

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        # Model factories may be anywhere in the country: any factory on the register can host.
        form.fields["host_factory"].queryset = Factory.objects.all()
        return form


class StudyVisitDeleteView(core.ObjectDeleteView):
    model = StudyVisit


class StudyVisitHistoryView(core.ObjectHistoryView):
    model = StudyVisit


# -- consulting -------------------------------------------------------------------------------------------------


def with_hours(queryset):
    return queryset.annotate(hours=Sum("visits__hours"), visit_count=Count("visits"))


class ConsultingEngagementListView(core.ObjectListView):
    model = ConsultingEngagement
    filterset_class = ConsultingEngagementFilterSet
    table_class = ConsultingEngagementTable
    offer_add = False
    template_name = "support/consultingengagement_list.html"

    def base_queryset(self):
        return with_hours(super().base_queryset())


class ConsultingEngagementDetailView(core.ObjectDetailView):
    model = ConsultingEngagement
    object_actions = ("edit", "history")

    def base_queryset(self):
        return with_hours(super().base_queryset())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        engagement, user = self.object, self.request.user
        context["visits"] = list(engagement.visits.all())
        context["man_days"] = progress.man_days(engagement.hours)
        context["can_record"] = may(user, "support.add_consultingvisit", engagement)
        context["can_issue"] = engagement.report_issued_on is None and may(
            user, "support.issue_report_consultingengagement", engagement)  # fmt: skip
        return context


class ConsultingEngagementEditView(UnderParentMixin, core.ObjectEditView):
    model = ConsultingEngagement
    form_class = forms.ConsultingEngagementForm
    parent_field = "project"

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        project = self.object.project
        # Any factory of the model area (a consultant reaches a factory once engaged with it, not before).
        form.fields["factory"].queryset = Factory.objects.filter(areas=project.area_id)
        return form

    def save_form(self, form):
        return services.save_engagement(form.instance, acting_user=self.request.user)


class ConsultingEngagementHistoryView(core.ObjectHistoryView):
    model = ConsultingEngagement


class EngagementMixin:
    permission = "support.view_consultingengagement"

    def dispatch(self, request, *args, **kwargs):
        refused = core.refuse_without(request, self.permission)
        if refused:
            return refused
        queryset = with_hours(ConsultingEngagement.objects.with_related().for_permission(request.user, self.permission))
        self.engagement = get_object_or_404(queryset, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)


class ConsultingReportPdfView(EngagementMixin, generic.View):
    """The consulting report of one factory (รายงานผลการให้คำปรึกษา), printed in Thai from the visits."""

    def get(self, request, pk):
        engagement = self.engagement
        context = {"engagement": engagement, "visits": list(engagement.visits.all()),
                   "man_days": progress.man_days(engagement.hours), "printed_on": timezone.localdate()}  # fmt: skip
        return pdf_response("support/pdf/consulting_report.html", context, f"consulting-report-{pk}.pdf", request)


class ConsultingReportIssueView(EngagementMixin, generic.View):
    permission = "support.issue_report_consultingengagement"

    def post(self, request, pk):
        try:
            services.issue_report(self.engagement, acting_user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The consulting report is issued."))
        return redirect(self.engagement)


class ConsultingEngagementExportView(generic.View):
    """The engagements the user may see with their visits, hours and man-days, as an Excel workbook."""

    def get(self, request):
        refused = core.refuse_without(request, "support.view_consultingengagement")
        if refused:
            return refused
        queryset = with_hours(ConsultingEngagement.objects.with_related().for_user(request.user))
        filterset = ConsultingEngagementFilterSet(request.GET, queryset=queryset)
        engagements = filterset.qs if filterset.is_valid() else queryset.none()
        return _xlsx(exporters.EngagementExporter(engagements, timezone.localdate()))


class ConsultingVisitEditView(UnderParentMixin, core.ObjectEditView):
    model = ConsultingVisit
    form_class = forms.ConsultingVisitForm
    parent_field = "engagement"

    def save_form(self, form):
        return services.record_visit(form.instance, acting_user=self.request.user)


class ConsultingVisitDeleteView(core.ObjectDeleteView):
    model = ConsultingVisit

    def delete_object(self, obj):
        services.delete_visit(obj, acting_user=self.request.user)

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:
            messages.error(self.request, " ".join(error.messages))
            return redirect(self.object.get_absolute_url())

    def get_success_url(self):
        return self.object.get_absolute_url()
