from rest_framework.routers import SimpleRouter

from ecotown.areas.api import views

router = SimpleRouter()
router.register("areas", views.AreaViewSet, basename="area")
router.register("area-contacts", views.AreaContactViewSet, basename="areacontact")
urlpatterns = router.urls
