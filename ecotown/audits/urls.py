from django.urls import path

from ecotown.audits import views
from ecotown.audits.models import Assessment, Certificate, Finding
from ecotown.core.routes import object_routes

app_name = "audits"

A = "audits/assessments/<int:pk>/"
urlpatterns = [
    *object_routes(Assessment, views, "audits/assessments/"),
    path(f"{A}step/", views.AssessmentStepView.as_view(), name="assessment_step"),
    path(f"{A}report.pdf", views.AssessmentReportPdfView.as_view(), name="assessment_report"),
    path(f"{A}team/add/", views.TeamMemberAddView.as_view(), name="auditteammember_add"),
    path("audits/team/<int:pk>/remove/", views.TeamMemberRemoveView.as_view(), name="auditteammember_remove"),
    path(f"{A}results/<int:requirement_pk>/", views.ResultRecordView.as_view(), name="requirementresult_record"),
    path(f"{A}findings/add/", views.FindingAddView.as_view(), name="finding_add"),
    *object_routes(Finding, views, "audits/findings/", only=("detail", "history")),
    path("audits/findings/<int:pk>/actions/add/", views.CorrectiveActionAddView.as_view(), name="correctiveaction_add"),
    path("audits/actions/<int:pk>/verify/", views.CorrectiveActionVerifyView.as_view(), name="correctiveaction_verify"),
    *object_routes(Certificate, views, "audits/certificates/"),
    path("audits/certificates/<int:pk>/certificate.pdf", views.CertificatePdfView.as_view(), name="certificate_pdf"),
    path("audits/certificates/<int:pk>/step/", views.CertificateStepView.as_view(), name="certificate_step"),
    path("audits/dashboard/", views.DashboardView.as_view(), name="dashboard"),
    path("verify/<str:number>/", views.verify, name="verify"),
]
