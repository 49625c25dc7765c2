from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import generic

from ecotown.areas.models import Area
from ecotown.core import views as core
from ecotown.core.dates import current_fiscal_year
from ecotown.core.scopes import may
from ecotown.symbiosis import forms, outcomes, services
from ecotown.symbiosis.exporters import CONTENT_TYPE, AreaExchangeExporter
from ecotown.symbiosis.filtersets import ExchangeFilterSet
from ecotown.symbiosis.matching import BELOW_LIMIT, NO_COORDINATES, NOT_LICENSED, TOO_FAR
from ecotown.symbiosis.models import Exchange, MatchingRun
from ecotown.symbiosis.table import current_table
from ecotown.symbiosis.tables import ExchangeTable

# -- exchanges --------------------------------------------------------------------------------------------------


class ExchangeListView(core.ObjectListView):
    """Every candidate and exchange the user may see, ranked; candidates come from the matching, not a form."""

    model = Exchange
    filterset_class = ExchangeFilterSet
    table_class = ExchangeTable
    offer_add = False


class ExchangeDetailView(core.ObjectDetailView):
    model = Exchange
    object_actions = ("history",)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        steps = services.EXCHANGE_WORKFLOW.available(self.object, self.request.user)
        context.update(
            steps=steps,
            step_form=forms.ExchangeStepForm(steps=steps) if steps else None,
            flows=self.object.flows.select_related("flow__mass_balance__factory"),
        )
        return context


class ExchangeHistoryView(core.ObjectHistoryView):
    model = Exchange


class ExchangeStepView(core.ScopedViewMixin, generic.View):
    """Take one step of a candidate's follow-up (contacted, trial, realised, dropped)."""

    model = Exchange
    action = "change"

    def post(self, request, pk):
        exchange = get_object_or_404(self.get_queryset(), pk=pk)
        steps = services.EXCHANGE_WORKFLOW.available(exchange, request.user)
        form = forms.ExchangeStepForm(request.POST, steps=steps)
        if not form.is_valid():
            messages.error(request, " ".join(m for errors in form.errors.values() for m in errors))
            return redirect(exchange)
        data, step = form.cleaned_data, form.cleaned_data["step"]
        options = {"reason": data.get("reason") or ""}
        if step == "realise":
            options.update(start_date=data["start_date"], quantity=data.get("quantity"))
        try:
            services.STEPS[step](exchange, acting_user=request.user, **options)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Saved {object}.").format(object=exchange))
        return redirect(exchange)


# -- an area's network ------------------------------------------------------------------------------------------


class AreaExchangesMixin:
    """An area's exchanges, for whoever holds `permission` on the area (404 outside their scope)."""

    permission = "symbiosis.view_exchange"

    def dispatch(self, request, *args, **kwargs):
        refused = core.refuse_without(request, self.permission)
        if refused:
            return refused
        areas = Area.objects.for_permission(request.user, self.permission)
        self.area = get_object_or_404(areas.select_related("province"), code=kwargs["code"])
        return super().dispatch(request, *args, **kwargs)

    def exchanges(self):
        found = Exchange.objects.filter(Q(area=self.area) | Q(receiver_area=self.area)).for_user(self.request.user)
        return list(found.select_related("supplier", "receiver"))


REASONS = {
    NO_COORDINATES: gettext_lazy("a factory has no coordinates"),
    TOO_FAR: gettext_lazy("farther than the table allows"),
    NOT_LICENSED: gettext_lazy("hazardous waste, receiver not licensed to take it"),
    BELOW_LIMIT: gettext_lazy("ranked below the candidates an area keeps"),
}


class AreaNetworkView(AreaExchangesMixin, generic.TemplateView):
    """The area's exchange network (ECharts graph), the totals per fiscal year and the latest matching run."""

    template_name = "symbiosis/area_network.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user, today = self.request.user, timezone.localdate()
        exchanges = self.exchanges()
        run = MatchingRun.objects.filter(area=self.area).select_related("table").first()
        context.update(
            area=self.area,
            exchanges=exchanges,
            network=outcomes.network(exchanges),
            totals=outcomes.totals_by_year(exchanges, outcomes.years_of(exchanges, today)),
            candidates=outcomes.open_candidates(exchanges),
            run=run,
            excluded=[(REASONS.get(reason, reason), count) for reason, count in (run.excluded if run else {}).items()],
            table=current_table(),
            can_match=may(user, "symbiosis.add_exchange", self.area),
            can_record=may(user, "symbiosis.change_exchange", self.area) and may(user, "targets.change_actual"),
            fiscal_year=current_fiscal_year(),
        )
        return context


class AreaNetworkExportView(AreaExchangesMixin, generic.View):
    def get(self, request, code):
        exchanges, today = self.exchanges(), timezone.localdate()
        totals = outcomes.totals_by_year(exchanges, outcomes.years_of(exchanges, today))
        exporter = AreaExchangeExporter(self.area, exchanges, totals, current_table(), today)
        response = HttpResponse(exporter.to_xlsx(), content_type=CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{exporter.filename}"'
        return response


class AreaMatchView(AreaExchangesMixin, generic.View):
    """Run the matching for the area now."""

    permission = "symbiosis.add_exchange"

    def post(self, request, code):
        try:
            run = services.run_matching(self.area, acting_user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("{count} candidates proposed.").format(count=run.candidates))
        return redirect("symbiosis:area_network", code=self.area.code)


class AreaRecordResultsView(AreaExchangesMixin, generic.View):
    """Record the year's exchanged tonnes and working links as the results of the area's symbiosis targets."""

    permission = "symbiosis.change_exchange"

    def post(self, request, code):
        if not may(request.user, "targets.change_actual"):
            raise PermissionDenied
        form = forms.FiscalYearForm(request.POST)
        table = current_table()
        if not form.is_valid() or table is None:
            messages.error(request, _("Choose a fiscal year (B.E.)."))
            return redirect("symbiosis:area_network", code=self.area.code)
        recorded = outcomes.record_results(self.area, self.exchanges(), table, form.cleaned_data["fiscal_year"],
                                           acting_user=request.user)  # fmt: skip
        if recorded:
            messages.success(request, _("Recorded {count} results.").format(count=len(recorded)))
        else:
            messages.warning(request, _("The area has no target on a symbiosis requirement for that year."))
        return redirect("symbiosis:area_network", code=self.area.code)
