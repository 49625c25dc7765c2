from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.authtoken.views import obtain_auth_token

from ecotown.core.views import healthz

api_urlpatterns = [
    path("", include("ecotown.geo.api.urls")),
    path("", include("ecotown.accounts.api.urls")),
    path("", include("ecotown.areas.api.urls")),
    path("", include("ecotown.criteria.api.urls")),
    path("", include("ecotown.targets.api.urls")),
]

urlpatterns = [
    path("", include("ecotown.core.urls")),
    path("healthz", healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("ecotown.accounts.urls")),
    path("provinces/", include("ecotown.geo.urls")),
    path("areas/", include("ecotown.areas.urls")),
    path("criteria/", include("ecotown.criteria.urls")),
    path("targets/", include("ecotown.targets.urls")),
    path("api/token/", obtain_auth_token, name="api-token"),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    path("api/", include((api_urlpatterns, "api"))),
]
