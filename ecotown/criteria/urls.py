from django.urls import path

from ecotown.criteria import views

app_name = "criteria"

urlpatterns = [
    path("", views.CatalogueListView.as_view(), name="catalogue_list"),
    path("catalogues/upload/", views.CatalogueUploadView.as_view(), name="catalogue_upload"),
    path("catalogues/compare/", views.CatalogueCompareView.as_view(), name="catalogue_compare"),
    path("catalogues/<int:pk>/", views.CatalogueDetailView.as_view(), name="catalogue_detail"),
    path("catalogues/<int:pk>/put-in-force/", views.CatalogueInForceView.as_view(), name="catalogue_in_force"),
    path("requirements/", views.RequirementListView.as_view(), name="requirement_list"),
    path("requirements/<int:pk>/", views.RequirementDetailView.as_view(), name="requirement_detail"),
    path(
        "areas/<slug:code>/specific-requirements/", views.AreaRequirementSelectionView.as_view(), name="area_selection"
    ),
]
