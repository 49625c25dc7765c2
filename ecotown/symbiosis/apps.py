from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SymbiosisConfig(AppConfig):
    name = "ecotown.symbiosis"
    label = "symbiosis"
    verbose_name = _("Industrial symbiosis")
    url_prefix = "symbiosis/"

    def ready(self):
        from ecotown.core.registry import MenuEntry, Panel, Step, registry
        from ecotown.symbiosis import demo, panels, testing
        from ecotown.symbiosis.table import load_reference_table

        registry.add_menu(
            MenuEntry(_("Symbiosis"), "symbiosis:exchange_list", "diagram-3", 47, "symbiosis.view_exchange")
        )
        registry.add_panel("area", Panel("symbiosis/area_panel.html", panels.area_panel, order=45, lazy=True))
        registry.add_reference_step(Step("symbiosis matching table", load_reference_table, order=47))
        registry.add_demo_step(Step("symbiosis", demo.seed_demo, order=70))
        registry.add_world_step(Step("symbiosis samples", testing.add_samples, order=60), extra=True)
