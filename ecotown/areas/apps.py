from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AreasConfig(AppConfig):
    name = "ecotown.areas"
    label = "areas"
    verbose_name = _("Areas")
    url_prefix = "areas/"

    def ready(self):
        from ecotown.areas import demo, home, loaders, testing
        from ecotown.areas.models import Area
        from ecotown.core.registry import MenuEntry, Panel, Step, registry

        registry.add_menu(MenuEntry(_("Areas"), "areas:area_list", "geo-alt", order=20))
        registry.add_page("area", Area)
        registry.add_panel("home", Panel("areas/home_card.html", home.areas_card, order=20))
        registry.add_reference_step(Step("first-wave areas", loaders.describe_first_wave, order=20))
        registry.add_demo_step(Step("area profiles", demo.seed_area_profiles, order=30))
        registry.add_world_step(Step("areas", testing.add_areas, order=10))
        registry.add_world_step(Step("area samples", testing.add_samples, order=30), extra=True)
