from rest_framework.routers import SimpleRouter

from ecotown.engagement.api import views

router = SimpleRouter()
router.register("committees", views.CommitteeViewSet, basename="committee")
router.register("meetings", views.MeetingViewSet, basename="meeting")
router.register("resolutions", views.ResolutionViewSet, basename="resolution")
router.register("comments", views.CommentViewSet, basename="comment")
urlpatterns = router.urls
