"""Each app with a `url_prefix` on its AppConfig brings its `urls` (and `api.urls`, when it has one)."""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.urls import include, path
from drf_spectacular.views import SpectacularSwaggerSplitView

from ecotown.accounts.api.views import ObtainTokenView
from ecotown.core.api.schema import SchemaView
from ecotown.core.views import healthz

APP_CONFIGS = [config for config in apps.get_app_configs() if getattr(config, "url_prefix", None) is not None]

api_urlpatterns = [
    path("", include(f"{config.name}.api.urls"))
    for config in APP_CONFIGS
    if find_spec(f"{config.name}.api") and find_spec(f"{config.name}.api.urls")
]

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    *(path(config.url_prefix, include(import_module(f"{config.name}.urls"))) for config in APP_CONFIGS),
    path("api/token/", ObtainTokenView.as_view(), name="api-token"),
    path("api/schema/", SchemaView.as_view(), name="api-schema"),
    path(
        "api/docs/",
        SpectacularSwaggerSplitView.as_view(url_name="api-schema", template_name="core/swagger_ui.html"),
        name="api-docs",
    ),
    path("api/", include((api_urlpatterns, "api"))),
]

# Pages for people, JSON under /api/ (the API's schema describes its errors as JSON).
handler400 = "ecotown.core.views.bad_request"
handler403 = "ecotown.core.views.permission_denied"
handler404 = "ecotown.core.views.page_not_found"
handler500 = "ecotown.core.views.server_error"
