from django.urls import path
from rest_framework.routers import SimpleRouter

from ecotown.audits.api import views

router = SimpleRouter()
router.register("assessments", views.AssessmentViewSet, basename="assessment")
router.register("requirement-results", views.RequirementResultViewSet, basename="requirementresult")
router.register("findings", views.FindingViewSet, basename="finding")
router.register("corrective-actions", views.CorrectiveActionViewSet, basename="correctiveaction")
router.register("certificates", views.CertificateViewSet, basename="certificate")
urlpatterns = [
    *router.urls,
    path("verify/<str:number>/", views.VerifyView.as_view(), name="certificate-verify"),
]
