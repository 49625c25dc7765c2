from django.urls import path

from ecotown.core.routes import object_routes
from ecotown.support import views
from ecotown.support.models import (
    ConsultingEngagement,
    ConsultingVisit,
    Deliverable,
    StudyVisit,
    Training,
    UpgradeProject,
)

app_name = "support"

PROJECT = "projects/<int:parent_pk>/"
VISIT_ADD = "consulting/<int:parent_pk>/visits/add/"
urlpatterns = [
    *object_routes(UpgradeProject, views, "projects/"),
    *object_routes(Deliverable, views, "deliverables/", add_path=f"{PROJECT}deliverables/add/"),
    path("deliverables/<int:pk>/step/", views.DeliverableStepView.as_view(), name="deliverable_step"),
    path("trainings/export.xlsx", views.TrainingExportView.as_view(), name="training_export"),
    *object_routes(Training, views, "trainings/", add_path=f"{PROJECT}trainings/add/"),
    *object_routes(StudyVisit, views, "study-visits/", add_path=f"{PROJECT}study-visits/add/"),
    path("consulting/export.xlsx", views.ConsultingEngagementExportView.as_view(), name="consultingengagement_export"),
    *object_routes(ConsultingEngagement, views, "consulting/", add_path=f"{PROJECT}consulting/add/"),
    path("consulting/<int:pk>/report.pdf", views.ConsultingReportPdfView.as_view(), name="consultingengagement_report"),
    path("consulting/<int:pk>/issue/", views.ConsultingReportIssueView.as_view(), name="consultingengagement_issue"),
    *object_routes(ConsultingVisit, views, "consulting/visits/", add_path=VISIT_ADD),
]
