from rest_framework.routers import SimpleRouter

from ecotown.accounts.api import views

router = SimpleRouter()
router.register("role-assignments", views.RoleAssignmentViewSet, basename="roleassignment")
urlpatterns = router.urls
