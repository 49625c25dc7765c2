from django.urls import path

from ecotown.geo import views

app_name = "geo"

urlpatterns = [
    path("", views.ProvinceListView.as_view(), name="province_list"),
    path("<str:code>/", views.ProvinceDetailView.as_view(), name="province_detail"),
]
