from rest_framework.routers import SimpleRouter

from ecotown.criteria.api import views

router = SimpleRouter()
router.register("catalogues", views.CatalogueViewSet, basename="catalogue")
router.register("requirements", views.RequirementViewSet, basename="requirement")
urlpatterns = router.urls
