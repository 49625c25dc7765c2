from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FactoriesConfig(AppConfig):
    name = "ecotown.factories"
    label = "factories"
    verbose_name = _("Factories")
    url_prefix = "factories/"

    def ready(self):
        from ecotown.core.registry import Step, registry
        from ecotown.factories import testing

        registry.add_world_step(Step("factory samples", testing.add_samples, order=50), extra=True)
