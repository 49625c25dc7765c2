from rest_framework.routers import SimpleRouter

from ecotown.support.api import views

router = SimpleRouter()
router.register("upgrade-projects", views.UpgradeProjectViewSet, basename="upgradeproject")
router.register("deliverables", views.DeliverableViewSet, basename="deliverable")
router.register("trainings", views.TrainingViewSet, basename="training")
router.register("study-visits", views.StudyVisitViewSet, basename="studyvisit")
router.register("consulting-engagements", views.ConsultingEngagementViewSet, basename="consultingengagement")
urlpatterns = router.urls
