from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CriteriaConfig(AppConfig):
    name = "ecotown.criteria"
    label = "criteria"
    verbose_name = _("Criteria catalogue")
    url_prefix = "criteria/"

    def ready(self):
        from ecotown.core.registry import MenuEntry, Panel, Step, registry
        from ecotown.criteria import panels, testing
        from ecotown.criteria.loader import load_shipped_catalogues

        registry.add_menu(MenuEntry(_("Criteria"), "criteria:catalogue_list", "list-check", order=30))
        registry.add_panel("home", Panel("criteria/home_card.html", panels.home_card, order=30))
        registry.add_panel("area", Panel("criteria/area_panel.html", panels.area_panel, order=20))
        registry.add_reference_step(Step("criteria catalogues", load_shipped_catalogues, order=30))
        registry.add_world_step(Step("catalogue samples", testing.add_samples, order=35), extra=True)
