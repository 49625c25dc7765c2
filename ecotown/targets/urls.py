from django.urls import path

from ecotown.targets import views

app_name = "targets"

urlpatterns = [
    path("", views.TargetListView.as_view(), name="target_list"),
    path("areas/<slug:code>/", views.AreaTargetTableView.as_view(), name="area_target_table"),
    path("areas/<slug:code>/add/", views.TargetEditView.as_view(), name="target_add"),
    path("areas/<slug:code>/export/", views.AreaTargetExportView.as_view(), name="area_target_export"),
    path("areas/<slug:code>/import/", views.AreaTargetImportView.as_view(), name="area_target_import"),
    path("<int:pk>/", views.TargetDetailView.as_view(), name="target_detail"),
    path("<int:pk>/edit/", views.TargetEditView.as_view(), name="target_edit"),
    path("<int:pk>/delete/", views.TargetDeleteView.as_view(), name="target_delete"),
    path("<int:pk>/history/", views.TargetHistoryView.as_view(), name="target_history"),
]
