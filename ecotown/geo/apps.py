from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GeoConfig(AppConfig):
    name = "ecotown.geo"
    label = "geo"
    verbose_name = _("Geography")
    url_prefix = "provinces/"

    def ready(self):
        from ecotown.core.registry import MenuEntry, Step, registry
        from ecotown.geo.geography import describe, load_geography

        registry.add_menu(MenuEntry(_("Provinces"), "geo:province_list", "map", order=10))
        registry.add_reference_step(Step("geography", lambda: describe(load_geography()), order=10))
