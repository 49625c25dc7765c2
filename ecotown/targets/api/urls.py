from rest_framework.routers import SimpleRouter

from ecotown.targets.api import views

router = SimpleRouter()
router.register("targets", views.TargetViewSet, basename="target")
router.register("actuals", views.ActualViewSet, basename="actual")
urlpatterns = router.urls
