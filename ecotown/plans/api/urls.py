from rest_framework.routers import SimpleRouter

from ecotown.plans.api import views

router = SimpleRouter()
router.register("plans", views.PlanViewSet, basename="plan")
router.register("plan-versions", views.PlanVersionViewSet, basename="planversion")
router.register("projects", views.ProjectViewSet, basename="project")
router.register("progress-reports", views.ProgressReportViewSet, basename="progressreport")
urlpatterns = router.urls
