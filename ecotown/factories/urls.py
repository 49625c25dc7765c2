from django.urls import path

from ecotown.core.routes import object_routes
from ecotown.factories import views
from ecotown.factories.models import Certification, ComplianceCheck, Factory, Inspection, MassBalance, Permit

app_name = "factories"

urlpatterns = [
    *object_routes(Factory, views),
    *object_routes(Permit, views, "permits/", add_path="<int:parent_pk>/permits/add/"),
    *object_routes(ComplianceCheck, views, "compliance-checks/", add_path="<int:parent_pk>/compliance-checks/add/"),
    *object_routes(Inspection, views, "inspections/", add_path="<int:parent_pk>/inspections/add/"),
    *object_routes(Certification, views, "certifications/", add_path="<int:parent_pk>/certifications/add/"),
    *object_routes(MassBalance, views, "mass-balances/", add_path="<int:parent_pk>/mass-balances/add/"),
    path("mass-balances/<int:pk>/step/", views.MassBalanceStepView.as_view(), name="massbalance_step"),
    path("import/", views.FactoryImportView.as_view(), name="import"),
    path("import/template.xlsx", views.FactoryTemplateView.as_view(), name="import_template"),
    path("import/<uuid:job>/confirm/", views.FactoryImportConfirmView.as_view(), name="import_confirm"),
    path("import/<uuid:job>/errors.csv", views.ImportErrorsView.as_view(), name="import_errors"),
    path("areas/<slug:code>/guideline/", views.AreaGuidelineView.as_view(), name="area_guideline"),
    path("areas/<slug:code>/without-management/", views.AreaLackingView.as_view(), name="area_lacking"),
    path(
        "areas/<slug:code>/without-management.xlsx", views.AreaLackingExportView.as_view(), name="area_lacking_export"
    ),
]
