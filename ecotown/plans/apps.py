from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "ecotown.plans"
    label = "plans"
    verbose_name = _("Plans")

    def ready(self):
        from ecotown.core import evidence
        from ecotown.core.registry import Step, registry
        from ecotown.engagement import services as engagement
        from ecotown.plans import services, testing
        from ecotown.plans.models import PlanVersion, ProgressReport

        registry.add_world_step(Step("plan samples", testing.add_samples, order=50), extra=True)
        engagement.register_subject_source(services.versions_awaiting)
        engagement.register_decision(PlanVersion, services.decide_version)
        evidence.register_owner(ProgressReport)
