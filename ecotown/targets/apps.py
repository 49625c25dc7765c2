from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TargetsConfig(AppConfig):
    name = "ecotown.targets"
    label = "targets"
    verbose_name = _("Target values")
    url_prefix = "targets/"

    def ready(self):
        from ecotown.core import evidence, jobs
        from ecotown.core.registry import MenuEntry, Panel, Step, registry
        from ecotown.criteria.services import register_carrier
        from ecotown.targets import demo, panels, testing
        from ecotown.targets.jobs import IMPORT, run_import
        from ecotown.targets.models import Target
        from ecotown.targets.versions import TargetCarrier

        registry.add_menu(MenuEntry(_("Targets"), "targets:target_list", "bullseye", 40, "targets.view_target"))
        registry.add_panel("home", Panel("targets/home_card.html", panels.home_card, order=15))
        registry.add_panel("area", Panel("targets/partials/area_summary.html", panels.area_panel, order=10))
        registry.add_demo_step(Step("target values", demo.seed_demo, order=40))
        registry.add_world_step(Step("target samples", testing.add_samples, order=40), extra=True)
        evidence.register_owner(Target)
        evidence.register_source(panels.other_results)
        jobs.register(IMPORT, run_import, "targets/import_result.html")
        register_carrier(TargetCarrier())
