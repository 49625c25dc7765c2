from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import ProtectedError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import generic

from ecotown.areas.models import Area
from ecotown.core import jobs
from ecotown.core import views as core
from ecotown.core.evidence import storage
from ecotown.core.models import Job, JobStatus
from ecotown.core.pagination import CappedPaginator
from ecotown.core.scopes import is_programme_staff, may
from ecotown.factories import balances, forms, management_systems, services
from ecotown.factories.choices import FlowCategory, MassBalanceStatus
from ecotown.factories.exporters import CONTENT_TYPE, LackingManagementExporter
from ecotown.factories.filtersets import FactoryFilterSet
from ecotown.factories.jobs import IMPORT
from ecotown.factories.models import Certification, ComplianceCheck, Factory, Inspection, MassBalance, Permit
from ecotown.factories.tables import FactoryTable
from ecotown.factories.workbook import FactoryTemplateExporter

# -- factories --------------------------------------------------------------------------------------------------


class FactoryListView(core.ObjectListView):
    model = Factory
    template_name = "factories/factory_list.html"
    filterset_class = FactoryFilterSet
    table_class = FactoryTable
    paginator_class = CappedPaginator  # the national register is 250,000 rows: counted up to 10,000

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_import"] = may(self.request.user, "factories.import_factory")
        return context


class FactoryDetailView(core.ObjectDetailView):
    model = Factory

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        factory, user = self.object, self.request.user
        today = timezone.localdate()
        certifications = list(factory.certifications.all())
        context.update(
            today=today,
            areas=factory.areas.select_related("province"),
            permits=factory.permits.all(),
            checks=factory.compliance_checks.all(),
            inspections=factory.inspections.all(),
            certifications=certifications,
            standing=management_systems.standing(certifications, today),
            can_add_records=may(user, "factories.add_permit", factory),
            mass_balances=factory.mass_balances.order_by("-year", "month"),
            can_add_balance=may(user, "factories.add_massbalance", factory),
            sees_operators=is_programme_staff(user),
        )
        return context


class FactoryEditView(core.ObjectEditView):
    model = Factory
    form_class = forms.FactoryForm

    def save_form(self, form):
        form.instance._history_user = self.request.user
        return form.save()


class FactoryDeleteView(core.ObjectDeleteView):
    model = Factory


class FactoryHistoryView(core.ObjectHistoryView):
    model = Factory


# -- records of a factory ---------------------------------------------------------------------------------------


class FactoryRecordEditView(core.ObjectEditView):
    parent_field = "factory"

    def save_form(self, form):
        form.instance._history_user = self.request.user
        return form.save()

    def get_success_url(self):
        return self.object.factory.get_absolute_url()


class FactoryRecordDeleteView(core.ObjectDeleteView):
    def get_success_url(self):
        return self.object.factory.get_absolute_url()


class FactoryRecordDetailView(core.ObjectDetailView):
    template_name = "factories/record_detail.html"
    shown = ()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["fields"] = [(self.model._meta.get_field(name).verbose_name, _shown(self.object, name))
                             for name in self.shown]  # fmt: skip
        return context


def _shown(obj, name):
    from ecotown.core.dates import format_be

    display = getattr(obj, f"get_{name}_display", None)
    value = display() if display else getattr(obj, name)
    return format_be(value) if hasattr(value, "isoformat") else value


def _record_views(model, form_class):
    name = model.__name__
    shown = ("factory", *form_class.Meta.fields)
    detail = type(f"{name}DetailView", (FactoryRecordDetailView,), {"model": model, "shown": shown})
    edit = type(f"{name}EditView", (FactoryRecordEditView,), {"model": model, "form_class": form_class})
    delete = type(f"{name}DeleteView", (FactoryRecordDeleteView,), {"model": model})
    history = type(f"{name}HistoryView", (core.ObjectHistoryView,), {"model": model})
    return detail, edit, delete, history


PermitDetailView, PermitEditView, PermitDeleteView, PermitHistoryView = _record_views(Permit, forms.PermitForm)
ComplianceCheckDetailView, ComplianceCheckEditView, ComplianceCheckDeleteView, ComplianceCheckHistoryView = (
    _record_views(ComplianceCheck, forms.ComplianceCheckForm)
)
InspectionDetailView, InspectionEditView, InspectionDeleteView, InspectionHistoryView = _record_views(
    Inspection, forms.InspectionForm
)
CertificationDetailView, CertificationEditView, CertificationDeleteView, CertificationHistoryView = _record_views(
    Certification, forms.CertificationForm
)


# -- mass balances ----------------------------------------------------------------------------------------------


class MassBalanceDetailView(core.ObjectDetailView):
    model = MassBalance

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        balance, user = self.object, self.request.user
        flows = list(balance.flows.all())
        context.update(
            flows=flows,
            summary=balances.summarise(balance, flows),
            sankey=balances.sankey(balance, flows),
            steps=services.MASS_BALANCE_WORKFLOW.available(balance, user),
            can_change=context["can_change"] and balance.is_open,
            edit_url=context["edit_url"] if balance.is_open else None,
        )
        return context


class MassBalanceEditView(core.ObjectEditView):
    """The operator (or the provincial office) enters a year's flows; a submitted or accepted balance is frozen."""

    model = MassBalance
    form_class = forms.MassBalanceForm
    parent_field = "factory"
    formset_classes = {"flows": forms.FlowFormSet}

    def get_parent(self):
        # Operators add balances to their own factory without holding the right to change the factory itself.
        factories = Factory.objects.for_permission(self.request.user, self.permission("add"))
        return get_object_or_404(factories, pk=self.kwargs["parent_pk"])

    def save_form(self, form):
        if form.instance.pk and not MassBalance.objects.get(pk=form.instance.pk).is_open:
            raise ValidationError(_("This balance has been submitted: it can no longer be changed."))
        form.instance._history_user = self.request.user
        return form.save()


class MassBalanceDeleteView(core.ObjectDeleteView):
    model = MassBalance

    def delete_object(self, obj):
        if not obj.is_open:
            raise ProtectedError(_("A submitted balance is kept."), set())
        super().delete_object(obj)

    def get_success_url(self):
        return self.object.factory.get_absolute_url()


class MassBalanceHistoryView(core.ObjectHistoryView):
    model = MassBalance


class MassBalanceStepView(generic.View):
    """Take a named step (submit, accept, return with a reason) on a balance the user may see."""

    def post(self, request, pk):
        refused = core.refuse_without(request, MassBalance.permission_name("view"))
        if refused:
            return refused
        balance = get_object_or_404(MassBalance.objects.for_user(request.user), pk=pk)
        form = forms.StepForm(request.POST)
        step = services.STEPS.get(request.POST.get("step", ""))
        if not form.is_valid() or step is None:
            raise Http404
        arguments = {"reason": form.cleaned_data["reason"]} if form.cleaned_data["step"] == "return" else {}
        try:
            step(balance, acting_user=request.user, **arguments)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        except PermissionDenied:
            raise
        else:
            messages.success(request, _("{balance}: {status}").format(balance=balance,
                                                                      status=balance.get_status_display()))  # fmt: skip
        return redirect(balance)


# -- import -----------------------------------------------------------------------------------------------------


class ImportMixin:
    def dispatch(self, request, *args, **kwargs):
        return core.refuse_without(request, "factories.import_factory") or super().dispatch(request, *args, **kwargs)


class FactoryImportView(ImportMixin, generic.FormView):
    """Upload the Ministry's file. The check runs in the background and shows a preview; nothing is saved until
    the preview is confirmed (FactoryImportConfirmView)."""

    template_name = "factories/factory_import.html"
    form_class = forms.FactoryImportForm

    def form_valid(self, form):
        params = {"mode": "check", "keep_going": form.cleaned_data["keep_going"],
                  "title": _("Import factories · {name}").format(name=form.cleaned_data["file"].name[:80])}  # fmt: skip
        job = jobs.start(IMPORT, self.request.user, params, upload=form.cleaned_data["file"], language=get_language())
        return redirect(job)


class FactoryTemplateView(ImportMixin, generic.View):
    """Our Excel template of the register's columns, with an example row, in the page's language."""

    def get(self, request):
        exporter = FactoryTemplateExporter()
        response = HttpResponse(exporter.to_xlsx(), content_type=CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{exporter.filename}"'
        return response


class FactoryImportConfirmView(ImportMixin, generic.View):
    """Save what a finished preview showed: the same file, checked again and written in one transaction."""

    def post(self, request, job):
        preview = get_object_or_404(Job, key=job, user=request.user, kind=IMPORT, status=JobStatus.DONE)
        if preview.params.get("mode") != "check" or preview.result.get("problem"):
            raise Http404
        if preview.result.get("refused") and not preview.params.get("keep_going"):
            messages.error(request, _("This preview has problems: upload a corrected file."))
            return redirect(preview)
        params = {**preview.params, "mode": "write", "title": _("Saving factories")}
        writing = jobs.start(IMPORT, request.user, params, same_file_as=preview, language=get_language())
        return redirect(writing)


class ImportErrorsView(generic.View):
    """Every refused row of an import, as CSV, to the person who ran it."""

    def get(self, request, job):
        if not request.user.is_authenticated:
            raise Http404
        found = get_object_or_404(Job, key=job, user=request.user, kind=IMPORT, status=JobStatus.DONE)
        name = found.result.get("errors_file")
        if not name:
            raise Http404
        response = FileResponse(storage().open(name, "rb"), as_attachment=True, filename="factory-import-errors.csv",
                                content_type="text/csv")  # fmt: skip
        response["Cache-Control"] = "private, no-store"
        return response


# -- areas ------------------------------------------------------------------------------------------------------


class AreaFactoriesMixin:
    """An area's factories, for whoever may read the area's factories (404 outside their scope)."""

    def dispatch(self, request, *args, **kwargs):
        refused = core.refuse_without(request, "factories.view_factory")
        if refused:
            return refused
        areas = Area.objects.for_permission(request.user, "factories.view_factory")
        self.area = get_object_or_404(areas, code=kwargs["code"])
        return super().dispatch(request, *args, **kwargs)

    def lacking(self):
        factories = Factory.objects.filter(areas=self.area).for_user(self.request.user).select_related("district")
        return management_systems.lacking(factories, timezone.localdate()).order_by("name", "pk")


class AreaLackingView(AreaFactoriesMixin, generic.TemplateView):
    """Seed 001's list: the area's factories without environmental or safety management or without CSR-DIW."""

    template_name = "factories/area_lacking.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(area=self.area, factories=self.lacking(), today=timezone.localdate())
        return context


class AreaLackingExportView(AreaFactoriesMixin, generic.View):
    def get(self, request, code):
        exporter = LackingManagementExporter(self.area, self.lacking(), timezone.localdate())
        response = HttpResponse(exporter.to_xlsx(), content_type=CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{exporter.filename}"'
        return response


class AreaGuidelineView(AreaFactoriesMixin, generic.TemplateView):
    """The starting point of an area's level-2 upgrade from its factory data: which factories lack which
    management system, the largest waste and water flows, and the balances whose figures do not add up."""

    template_name = "factories/area_guideline.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        lacking = list(self.lacking())
        factories = Factory.objects.filter(areas=self.area).for_user(self.request.user)
        latest = (MassBalance.objects.filter(factory__in=factories.values("pk"), month__isnull=True)
                  .exclude(status=MassBalanceStatus.DRAFT).select_related("factory").prefetch_related("flows")
                  .order_by("factory_id", "-year"))  # fmt: skip
        newest = {}
        for balance in latest:
            newest.setdefault(balance.factory_id, balance)
        flows = [(flow, balance) for balance in newest.values() for flow in balance.flows.all()]
        summaries = [(balance, balances.summarise(balance, list(balance.flows.all()))) for balance in newest.values()]
        context.update(
            area=self.area,
            without={
                "environmental": [f for f in lacking if not f.has_environmental],
                "safety": [f for f in lacking if not f.has_safety],
                "csr": [f for f in lacking if not f.has_csr],
            },
            largest_waste=_largest(flows, FlowCategory.WASTE),
            largest_water=_largest(flows, FlowCategory.WATER),
            suspects=[
                (balance, summary)
                for balance, summary in summaries
                if summary.reconciliation and summary.reconciliation.global_test.rejected
            ],
        )
        return context


def _largest(flows, category, count=10):
    chosen = [(flow, balance) for flow, balance in flows if flow.category == category and flow.tonnes is not None]
    return sorted(chosen, key=lambda pair: pair[0].tonnes, reverse=True)[:count]
