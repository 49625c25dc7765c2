from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FactoriesConfig(AppConfig):
    name = "ecotown.factories"
    label = "factories"
    verbose_name = _("Factories")
    url_prefix = "factories/"

    def ready(self):
        from ecotown.core import evidence, jobs
        from ecotown.core.registry import MenuEntry, Panel, Step, registry
        from ecotown.factories import balances, demo, panels, testing
        from ecotown.factories.jobs import IMPORT, run_import
        from ecotown.factories.models import Certification, ComplianceCheck, MassBalance, Permit
        from ecotown.factories.targets import load_factory_targets

        registry.add_menu(
            MenuEntry(_("Factories"), "factories:factory_list", "buildings", 45, "factories.view_factory")
        )
        registry.add_panel("area", Panel("factories/area_panel.html", panels.area_panel, order=40, lazy=True))
        registry.add_reference_step(Step("factory data targets", load_factory_targets, order=45))
        registry.add_reference_step(Step("emission factors", balances.load_emission_factors, order=46))
        registry.add_demo_step(Step("factories", demo.seed_demo, order=60))
        registry.add_world_step(Step("factory samples", testing.add_samples, order=50), extra=True)
        jobs.register(IMPORT, run_import, "factories/import_result.html")
        for model in (Permit, ComplianceCheck, Certification, MassBalance):
            evidence.register_owner(model)
