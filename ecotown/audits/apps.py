from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditsConfig(AppConfig):
    name = "ecotown.audits"
    label = "audits"
    verbose_name = _("Audits and certification")
    # The public verification page lives at /verify/<number> (printed on the certificates' QR codes), so the
    # app's routes carry their own prefixes: audits/... and verify/...
    url_prefix = ""

    def ready(self):
        from ecotown.audits import demo, panels, readiness, services, testing
        from ecotown.audits.models import Assessment, RequirementResult
        from ecotown.core import evidence
        from ecotown.core.registry import MenuEntry, Panel, Step, registry
        from ecotown.engagement.services import register_decision, register_subject_source

        evidence.register_owner(RequirementResult)
        register_decision(Assessment, services.decide_on_assessment)
        register_subject_source(panels.assessments_to_decide)
        readiness.register_addressing(readiness.targets_addressing)
        evidence.register_source(panels.actuals_as_evidence)
        registry.add_menu(MenuEntry(_("Audits"), "audits:assessment_list", "clipboard-check", order=40,
                                    permission="audits.view_assessment"))  # fmt: skip
        registry.add_menu(MenuEntry(_("Certificates"), "audits:certificate_list", "award", order=41))
        registry.add_menu(MenuEntry(_("Audit dashboard"), "audits:dashboard", "speedometer2", order=42,
                                    permission="audits.view_assessment"))  # fmt: skip
        registry.add_panel("area", Panel("audits/area_panel.html", panels.area_panel, order=20, lazy=True))
        registry.add_demo_step(Step("audits and certificates", demo.seed_demo, order=60))
        registry.add_world_step(Step("audit samples", testing.add_samples, order=50), extra=True)
