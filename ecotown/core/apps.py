from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "ecotown.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self):
        from ecotown.core import thai  # noqa: F401  (registers the Thai collation on SQLite connections)
