from django.urls import path

from ecotown.areas import views

app_name = "areas"

urlpatterns = [
    path("", views.AreaListView.as_view(), name="area_list"),
    path("add/", views.AreaEditView.as_view(), name="area_add"),
    path("<int:pk>/", views.AreaDetailView.as_view(), name="area_detail"),
    path("by-code/<slug:code>/", views.area_by_code, name="area_by_code"),
    path("<int:pk>/edit/", views.AreaEditView.as_view(), name="area_edit"),
    path("<int:pk>/delete/", views.AreaDeleteView.as_view(), name="area_delete"),
    path("<int:pk>/history/", views.AreaHistoryView.as_view(), name="area_history"),
    path("contacts/add/", views.AreaContactEditView.as_view(), name="areacontact_add"),
    path("contacts/<int:pk>/", views.AreaContactDetailView.as_view(), name="areacontact_detail"),
    path("contacts/<int:pk>/edit/", views.AreaContactEditView.as_view(), name="areacontact_edit"),
    path("contacts/<int:pk>/delete/", views.AreaContactDeleteView.as_view(), name="areacontact_delete"),
    path("contacts/<int:pk>/history/", views.AreaContactHistoryView.as_view(), name="areacontact_history"),
]
