from rest_framework.routers import SimpleRouter

from ecotown.geo.api import views

router = SimpleRouter()
router.register("provinces", views.ProvinceViewSet, basename="province")
router.register("districts", views.DistrictViewSet, basename="district")
urlpatterns = router.urls
