"""The dashboards: national (public, no personal data), province, and the pivot of target results; each
exports its tables to Excel. Charts are drawn by static/dashboards/charts.js from JSON the page embeds."""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views import generic

from ecotown.core import views as core
from ecotown.core.dates import current_fiscal_year
from ecotown.dashboards import charts, exporters, pivot
from ecotown.dashboards.filtersets import TargetPivotFilterSet
from ecotown.dashboards.glance import glance, shows_glance
from ecotown.dashboards.national import national_figures
from ecotown.dashboards.outcomes import MIN_FACTORIES
from ecotown.dashboards.province import COVERAGE_LABELS, province_figures
from ecotown.geo.models import Province
from ecotown.targets.models import Target

# The dashboards show areas, certificates and totals: whoever may read areas (the public too) may read them.
READ = "areas.view_area"


def _workbook(exporter) -> HttpResponse:
    response = HttpResponse(exporter.to_xlsx(), content_type=exporters.CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{exporter.filename}"'
    return response


class ReadView(generic.TemplateView):
    permission = READ

    def dispatch(self, request, *args, **kwargs):
        return core.refuse_without(request, self.permission) or super().dispatch(request, *args, **kwargs)


class NationalView(ReadView):
    """The national picture: the provinces coloured by the best level certified, levels by year, the
    programme's target against what is reached, and the outcome totals."""

    template_name = "dashboards/national.html"

    def get(self, request, *args, **kwargs):
        figures = national_figures(request.user)
        if "export" in request.GET:
            return _workbook(exporters.NationalExporter(figures))
        return self.render_to_response(
            {
                **self.get_context_data(**kwargs),
                **figures,
                "charts": charts.national(figures),
                "minimum_factories": MIN_FACTORIES,
            }
        )


class ProvinceView(ReadView):
    template_name = "dashboards/province.html"

    def get(self, request, code, *args, **kwargs):
        province = get_object_or_404(Province.objects.for_user(request.user), code=code)
        year = current_fiscal_year()
        figures = province_figures(province, request.user, year)
        if "export" in request.GET:
            return _workbook(exporters.ProvinceExporter(province, figures))
        targets = figures["kpi_targets"]
        context = {
            **self.get_context_data(**kwargs),
            **figures,
            "province": province,
            "fiscal_year": year,
            "kpi_rows": [
                (targets[code], value) for code, _name, value in exporters.kpi_rows(figures["kpis"]) if code in targets
            ],
            "coverage_rows": [(COVERAGE_LABELS[name], count, share) for name, count, share in figures["coverage"].rows],
            "charts": charts.province(figures),
            "minimum_factories": MIN_FACTORIES,
        }
        return self.render_to_response(context)


class PivotView(ReadView):
    """Area × requirement × fiscal year of the target results the user may see, filtered and paged in SQL."""

    template_name = "dashboards/pivot.html"
    permission = Target.permission_name("view")

    def get(self, request, *args, **kwargs):
        targets = Target.objects.for_user(request.user)
        filterset = TargetPivotFilterSet(request.GET, queryset=targets, request=request)
        targets = filterset.qs if filterset.is_valid() else targets.none()
        if "export" in request.GET:
            return _workbook(exporters.PivotExporter(targets))
        page, rows = pivot.page_of(targets, request.GET.get("page"))
        years = pivot.fiscal_years(targets)
        query = request.GET.copy()
        query.pop("page", None)
        return self.render_to_response(
            {
                **self.get_context_data(**kwargs),
                "filter": filterset,
                "page_obj": page,
                "years": years,
                "rows": [(row, row.in_years(years)) for row in rows],
                "query": query.urlencode(),
            }
        )


def glance_card(request):
    """The home page's progress at a glance (fetched by the page), for the programme's staff and consultants."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not shows_glance(request.user):
        raise PermissionDenied
    return render(request, "dashboards/home_card.html#card", {"panel": {"glance": glance(request.user)}})
