from django import forms
from django.utils.translation import gettext_lazy as _

from ecotown.core.dates import current_fiscal_year
from ecotown.core.forms import BuddhistDateField, ModelForm
from ecotown.reports.models import UpgradeReport

FIRST_YEAR = 2560


def year_choices():
    return [(year, str(year)) for year in range(current_fiscal_year(), FIRST_YEAR - 1, -1)]


class UpgradeReportForm(ModelForm):
    """The two fiscal years to compare; the cut-off date is today (or the end of the current year) unless given."""

    baseline_year = forms.TypedChoiceField(label=_("baseline fiscal year (B.E.)"), coerce=int, choices=year_choices)
    current_year = forms.TypedChoiceField(label=_("current fiscal year (B.E.)"), coerce=int, choices=year_choices)
    cut_off = BuddhistDateField(label=_("data cut-off date"), required=False,
                                help_text=_("Empty: today, or the last day of the current fiscal year."))  # fmt: skip

    class Meta:
        model = UpgradeReport
        fields = ["baseline_year", "current_year", "cut_off"]
