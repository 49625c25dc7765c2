from django import forms
from django.utils.translation import gettext_lazy as _

from ecotown.core.forms import BuddhistDateField, Form


class ExchangeStepForm(Form):
    """One step of a candidate's follow-up; realising needs the start date (and the agreed quantity a year),
    dropping needs the reason."""

    step = forms.ChoiceField(label=_("step"))
    reason = forms.CharField(label=_("reason"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    start_date = BuddhistDateField(label=_("start date"), required=False)
    quantity = forms.DecimalField(label=_("agreed quantity a year"), required=False, min_value=0, max_digits=14,
                                  decimal_places=3, help_text=_("Empty: the candidate's figure."))  # fmt: skip

    def __init__(self, *args, steps, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["step"].choices = [(step.name, step.label) for step in steps]

    def clean(self):
        data = super().clean()
        if data.get("step") == "realise" and not data.get("start_date"):
            self.add_error("start_date", _("Give the date the exchange started."))
        return data


class FiscalYearForm(Form):
    fiscal_year = forms.IntegerField(label=_("fiscal year (B.E.)"), min_value=2560, max_value=2650)
