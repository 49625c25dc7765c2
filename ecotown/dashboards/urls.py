from django.urls import path

from ecotown.dashboards import views

app_name = "dashboards"

urlpatterns = [
    path("", views.NationalView.as_view(), name="national"),
    path("provinces/<str:code>/", views.ProvinceView.as_view(), name="province"),
    path("target-results/", views.PivotView.as_view(), name="pivot"),
    path("glance/", views.glance_card, name="glance"),
]
