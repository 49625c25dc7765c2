from django.db.models import Count

from ecotown.core import views as core
from ecotown.core.thai import thai_order
from ecotown.geo.filtersets import ProvinceFilterSet
from ecotown.geo.models import Province
from ecotown.geo.tables import ProvinceTable


class ProvinceListView(core.ObjectListView):
    model = Province
    offer_add = False
    filterset_class = ProvinceFilterSet
    table_class = ProvinceTable

    def base_queryset(self):
        return Province.objects.annotate(area_count=Count("areas"))


class ProvinceDetailView(core.ObjectDetailView):
    model = Province
    object_actions = ()
    slug_field = slug_url_kwarg = "code"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        province = self.object
        context["areas"] = areas = list(province.areas.order_by(thai_order("name_th")))
        features = [feature for area in areas for feature in area.named_boundary_features()]
        context["boundary"] = {"type": "FeatureCollection", "features": features} if features else None
        context["districts"] = province.districts.order_by(thai_order("name_th"))
        return context
