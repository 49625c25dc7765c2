from django.urls import path

from ecotown.core.routes import object_routes
from ecotown.symbiosis import views
from ecotown.symbiosis.models import Exchange

app_name = "symbiosis"

urlpatterns = [
    *object_routes(Exchange, views, "exchanges/", only=("list", "detail", "history")),
    path("exchanges/<int:pk>/step/", views.ExchangeStepView.as_view(), name="exchange_step"),
    path("areas/<slug:code>/", views.AreaNetworkView.as_view(), name="area_network"),
    path("areas/<slug:code>/exchanges.xlsx", views.AreaNetworkExportView.as_view(), name="area_network_export"),
    path("areas/<slug:code>/match/", views.AreaMatchView.as_view(), name="area_match"),
    path("areas/<slug:code>/results/", views.AreaRecordResultsView.as_view(), name="area_results"),
]
