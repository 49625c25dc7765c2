from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "ecotown.core"
    label = "core"
    verbose_name = _("Core")
    url_prefix = ""

    def ready(self):
        # System checks; the Thai collation on SQLite; the numbering of connections for kept pages.
        from ecotown.core import checks, kept, thai  # noqa: F401

        # Each app grants its permissions to roles in its rules.py (core.scopes.grant).
        autodiscover_modules("rules")
