from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "ecotown.reports"
    label = "reports"
    verbose_name = _("Reports")
    url_prefix = "reports/"

    def ready(self):
        from ecotown.core import jobs
        from ecotown.core.registry import MenuEntry, Panel, Step, registry
        from ecotown.reports import checks, demo, panels, services, testing  # noqa: F401 - checks registers itself
        from ecotown.reports.sections import (
            Section,
            capacity,
            factories,
            findings,
            level,
            outcomes,
            participation,
            plans,
            profile,
            register_section,
        )
        from ecotown.reports.sections import targets as target_section

        for key, title, build, order in (
            ("profile", _("Area profile"), profile.build, 10),
            ("level", _("Level then and now"), level.build, 20),
            ("targets", _("Targets met"), target_section.build, 30),
            ("plans", _("Action-plan progress"), plans.build, 40),
            ("participation", _("Participation"), participation.build, 50),
            ("factories", _("Factories: compliance and management systems"), factories.build, 60),
            ("capacity", _("Capacity building delivered"), capacity.build, 65),
            ("outcomes", _("Outcomes"), outcomes.build, 70),
            ("findings", _("Findings closed"), findings.build, 80),
        ):
            register_section(Section(key, title, build, order))
        jobs.register(services.JOB_KIND, services.run_job, "reports/job_result.html")
        registry.add_menu(MenuEntry(_("Upgrade reports"), "reports:upgradereport_list", "file-earmark-bar-graph",
                                    order=48, permission="reports.view_upgradereport"))  # fmt: skip
        registry.add_panel("area", Panel("reports/area_panel.html", panels.area_panel, order=70, lazy=True))
        registry.add_demo_step(Step("upgrade report", demo.seed_demo, order=90))
        registry.add_world_step(Step("upgrade report samples", testing.add_samples, order=80), extra=True)
