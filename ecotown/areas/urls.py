from django.urls import path

from ecotown.areas import views
from ecotown.areas.models import Area, AreaContact
from ecotown.core.routes import object_routes

app_name = "areas"

urlpatterns = [
    *object_routes(Area, views),
    path("by-code/<slug:code>/", views.area_by_code, name="area_by_code"),
    path("<int:pk>/status/", views.AreaStatusView.as_view(), name="area_status"),
    *object_routes(
        AreaContact,
        views,
        "contacts/",
        add_path="<int:parent_pk>/contacts/add/",
        only=("add", "detail", "edit", "delete", "history"),
    ),
]
