from rest_framework.routers import SimpleRouter

from ecotown.opendata.api import views

router = SimpleRouter()
router.register("open-data/snapshots", views.SnapshotViewSet, basename="snapshot")
urlpatterns = router.urls
