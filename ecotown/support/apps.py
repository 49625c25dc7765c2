from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SupportConfig(AppConfig):
    name = "ecotown.support"
    label = "support"
    verbose_name = _("Capacity building")
    url_prefix = "support/"

    def ready(self):
        from ecotown.audits import conflicts
        from ecotown.core import evidence
        from ecotown.core.registry import MenuEntry, Step, registry
        from ecotown.support import demo, testing
        from ecotown.support.models import Deliverable, Training, UpgradeProject

        registry.add_menu(MenuEntry(_("Upgrade projects"), "support:upgradeproject_list", "rocket-takeoff", order=45,
                                    permission="support.view_upgradeproject"))  # fmt: skip
        registry.add_demo_step(Step("upgrade project and capacity building", demo.seed_demo, order=70))
        registry.add_world_step(Step("capacity-building samples", testing.add_samples, order=55), extra=True)
        for owner in (UpgradeProject, Deliverable, Training):
            evidence.register_owner(owner)
        # Issue 16: an auditor who consulted one of the area's factories in the last two years does not audit it.
        conflicts.register("area__factories__consulting_engagements__recent_consultant",
                           _("consulted one of its factories in the last two years"))  # fmt: skip
