from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "ecotown.plans"
    label = "plans"
    verbose_name = _("Plans")
    url_prefix = "plans/"

    def ready(self):
        from ecotown.core import evidence, jobs
        from ecotown.core.registry import MenuEntry, Panel, Step, registry
        from ecotown.engagement import services as engagement
        from ecotown.plans import demo, panels, services, testing
        from ecotown.plans import jobs as plan_jobs
        from ecotown.plans.models import PlanVersion, ProgressReport

        registry.add_menu(MenuEntry(_("Plans"), "plans:plan_list", "kanban", order=38))
        registry.add_panel("area", Panel("plans/area_panel.html", panels.area_panel, order=35, lazy=True))
        registry.add_demo_step(Step("plans and progress", demo.seed_demo, order=60))
        registry.add_world_step(Step("plan samples", testing.add_samples, order=50), extra=True)
        engagement.register_subject_source(services.versions_awaiting)
        engagement.register_decision(PlanVersion, services.decide_version)
        evidence.register_owner(ProgressReport)
        jobs.register(plan_jobs.IMPORT, plan_jobs.run_import, "plans/import_result.html")
