from rest_framework.routers import SimpleRouter

from ecotown.factories.api import views

router = SimpleRouter()
router.register("factories", views.FactoryViewSet, basename="factory")
router.register("permits", views.PermitViewSet, basename="permit")
router.register("compliance-checks", views.ComplianceCheckViewSet, basename="compliancecheck")
router.register("certifications", views.CertificationViewSet, basename="certification")
urlpatterns = router.urls
