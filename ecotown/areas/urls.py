from django.urls import path

from ecotown.areas import views

app_name = "areas"

urlpatterns = [
    path("", views.AreaListView.as_view(), name="area_list"),
]
