from django.urls import path

from ecotown.core.routes import object_routes
from ecotown.reports import views
from ecotown.reports.models import UpgradeReport

app_name = "reports"

urlpatterns = [
    *object_routes(
        UpgradeReport,
        views,
        "upgrade/",
        add_path="areas/<int:parent_pk>/upgrade/add/",
        only=("list", "add", "detail", "history"),
    ),
    path("upgrade/<int:pk>/<str:kind>/", views.UpgradeReportDownloadView.as_view(), name="upgradereport_download"),
]
