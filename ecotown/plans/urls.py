from django.urls import path

from ecotown.core.routes import object_routes
from ecotown.plans import views
from ecotown.plans.models import Plan, PlanVersion, ProgressReport, Project

app_name = "plans"

urlpatterns = [
    *object_routes(Plan, views),
    path("<int:pk>/timeline/", views.PlanTimelineView.as_view(), name="plan_timeline"),
    path("<int:pk>/revise/", views.PlanReviseView.as_view(), name="plan_revise"),
    *object_routes(PlanVersion, views, "versions/", only=("detail", "edit", "history")),
    path("versions/<int:pk>/step/", views.PlanVersionStepView.as_view(), name="planversion_step"),
    path("versions/<int:pk>/compare/", views.PlanVersionCompareView.as_view(), name="planversion_compare"),
    *object_routes(Project, views, "projects/", add_path="versions/<int:parent_pk>/projects/add/"),
    *object_routes(ProgressReport, views, "progress/", add_path="projects/<int:parent_pk>/progress/add/"),
]
urlpatterns += [
    path("export/", views.PlanListExportView.as_view(), name="plan_list_export"),
    path("<int:pk>/export/", views.PlanExportView.as_view(), name="plan_export"),
    path("<int:pk>/plan.pdf", views.PlanPdfView.as_view(), name="plan_pdf"),
    path("<int:pk>/import/", views.PlanImportView.as_view(), name="plan_import"),
    path("<int:pk>/import/<uuid:job>/confirm/", views.PlanImportConfirmView.as_view(), name="plan_import_confirm"),
]
