from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EngagementConfig(AppConfig):
    name = "ecotown.engagement"
    label = "engagement"
    verbose_name = _("Committees and participation")
    url_prefix = "engagement/"

    def ready(self):
        from ecotown.core import evidence
        from ecotown.core.registry import MenuEntry, Panel, Step, registry
        from ecotown.engagement import demo, panels, testing
        from ecotown.engagement.models import Committee, Meeting
        from ecotown.engagement.targets import load_participation_targets

        registry.add_menu(MenuEntry(_("Committees"), "engagement:committee_list", "people-fill", order=35))
        registry.add_panel("home", Panel("engagement/home_card.html", panels.home_card, order=25))
        registry.add_panel("area", Panel("engagement/area_panel.html", panels.area_panel, order=30, lazy=True))
        registry.add_reference_step(Step("participation targets", load_participation_targets, order=40))
        registry.add_demo_step(Step("committees and meetings", demo.seed_demo, order=50))
        registry.add_world_step(Step("committee samples", testing.add_samples, order=45), extra=True)
        evidence.register_owner(Committee)
        evidence.register_owner(Meeting)
        evidence.register_source(panels.minutes_as_evidence)
