"""`ecotown check` warns when the charts of the upgrade report have no Thai font (reports.charts)."""

from django.core import checks
from django.core.exceptions import ImproperlyConfigured


@checks.register()
def thai_chart_font(app_configs=None, **kwargs):
    from ecotown.reports.charts import thai_font_path

    try:
        thai_font_path()
    except ImproperlyConfigured as problem:
        return [checks.Warning(str(problem), id="reports.W001")]
    return []
