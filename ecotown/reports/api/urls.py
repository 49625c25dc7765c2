from rest_framework.routers import SimpleRouter

from ecotown.reports.api import views

router = SimpleRouter()
router.register("reports", views.UpgradeReportViewSet, basename="upgradereport")
urlpatterns = router.urls
