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
        from ecotown.audits import services, testing
        from ecotown.audits.models import Assessment, RequirementResult
        from ecotown.core import evidence
        from ecotown.core.registry import Step, registry
        from ecotown.engagement.services import register_decision

        evidence.register_owner(RequirementResult)
        register_decision(Assessment, services.decide_on_assessment)
        registry.add_world_step(Step("audit samples", testing.add_samples, order=50), extra=True)
