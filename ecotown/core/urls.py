from django.urls import path

from ecotown.core import views

app_name = "core"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("evidence/<uuid:key>/", views.EvidenceDownloadView.as_view(), name="evidence_download"),
    path("jobs/<uuid:key>/", views.JobDetailView.as_view(), name="job_detail"),
    path("panels/<slug:page>/<int:pk>/<int:index>/", views.panel, name="panel"),
]
