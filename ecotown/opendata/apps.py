from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpenDataConfig(AppConfig):
    name = "ecotown.opendata"
    label = "opendata"
    verbose_name = _("Open data")
    url_prefix = "open-data/"

    def ready(self):
        from ecotown.core.registry import MenuEntry, Step, registry
        from ecotown.opendata import demo, jobs, testing

        jobs.register()
        registry.add_menu(MenuEntry(_("Open data"), "opendata:snapshot_list", "cloud-download", order=90))
        # After every other app's demo data and samples: a snapshot publishes what they made.
        registry.add_demo_step(Step("open data snapshot", demo.seed_demo, order=99))
        registry.add_world_step(Step("open data snapshot", testing.add_samples, order=99), extra=True)
