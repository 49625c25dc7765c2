from django.urls import path

from ecotown.core.routes import object_routes
from ecotown.targets import views
from ecotown.targets.models import Target

app_name = "targets"

urlpatterns = [
    *object_routes(Target, views, add_path="areas/<slug:code>/add/"),
    path("areas/<slug:code>/", views.AreaTargetTableView.as_view(), name="area_target_table"),
    path("areas/<slug:code>/results/<int:fiscal_year>/", views.AreaResultsView.as_view(), name="area_results"),
    path(
        "areas/<slug:code>/results/<int:fiscal_year>/<int:requirement>/",
        views.ResultRowView.as_view(),
        name="result_row",
    ),
    path("areas/<slug:code>/export/", views.AreaTargetExportView.as_view(), name="area_target_export"),
    path("areas/<slug:code>/import/", views.AreaTargetImportView.as_view(), name="area_target_import"),
    path(
        "areas/<slug:code>/import/<uuid:job>/confirm/",
        views.AreaTargetImportConfirmView.as_view(),
        name="area_target_import_confirm",
    ),
]
