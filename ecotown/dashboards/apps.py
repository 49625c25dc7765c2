from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DashboardsConfig(AppConfig):
    name = "ecotown.dashboards"
    label = "dashboards"
    verbose_name = _("Dashboards")
    url_prefix = "dashboards/"

    def ready(self):
        from ecotown.core.registry import MenuEntry, Panel, Step, registry
        from ecotown.dashboards import panels, province_map

        registry.add_menu(MenuEntry(_("National dashboard"), "dashboards:national", "globe-asia-australia", order=5))
        registry.add_menu(MenuEntry(_("Target results"), "dashboards:pivot", "grid-3x3", order=16,
                                    permission="targets.view_target"))  # fmt: skip
        registry.add_panel("home", Panel("dashboards/home_card.html", panels.home_card, order=5))
        registry.add_reference_step(Step("map of the provinces", province_map.build, order=90))
