from django.urls import path

from ecotown.core.routes import object_routes
from ecotown.engagement import views
from ecotown.engagement.models import Comment, Committee, Meeting, Membership, Resolution

app_name = "engagement"

urlpatterns = [
    *object_routes(Committee, views, "committees/"),
    *object_routes(Membership, views, "members/", add_path="committees/<int:parent_pk>/members/add/"),
    *object_routes(Meeting, views, "meetings/", add_path="committees/<int:parent_pk>/meetings/add/"),
    path("meetings/<int:pk>/attendance/", views.MeetingAttendanceView.as_view(), name="meeting_attendance"),
    path("meetings/<int:pk>/step/", views.MeetingStepView.as_view(), name="meeting_step"),
    path("meetings/<int:pk>/minutes.pdf", views.MinutesPdfView.as_view(), name="meeting_minutes_pdf"),
    path("meetings/<int:pk>/attendance.pdf", views.AttendanceSheetPdfView.as_view(), name="meeting_attendance_pdf"),
    path("meetings/<int:pk>/resolutions/add/", views.ResolutionAddView.as_view(), name="resolution_add"),
    *object_routes(Resolution, views, "resolutions/", only=("detail", "history")),
    *object_routes(Comment, views, "comments/", add_path="committees/<int:parent_pk>/comments/add/"),
    path("comments/<int:pk>/respond/", views.CommentRespondView.as_view(), name="comment_respond"),
    path("participation/", views.DisclosureView.as_view(), name="disclosure"),
    path("participation.pdf", views.DisclosurePdfView.as_view(), name="disclosure_pdf"),
    path("participation/kpis/", views.ParticipationKpiView.as_view(), name="kpis"),
]
