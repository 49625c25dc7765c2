from rest_framework.routers import SimpleRouter

from ecotown.symbiosis.api import views

router = SimpleRouter()
router.register("exchanges", views.ExchangeViewSet, basename="exchange")
urlpatterns = router.urls
