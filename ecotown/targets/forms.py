from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from ecotown.core.forms import BuddhistDateField, Form, ModelForm
from ecotown.targets import evaluation
from ecotown.targets.models import Actual, Target


class TargetForm(ModelForm):
    """A target and, once known, its result: the two are edited together because areas report them together."""

    actual_value = forms.DecimalField(
        label=_("actual value"), max_digits=16, decimal_places=4, required=False,
        help_text=_("Leave empty until the result is known. For a yes/no target: 1 for yes, 0 for no."),
    )  # fmt: skip
    recorded_on = BuddhistDateField(label=_("recorded on"), required=False)
    evidence_file = forms.FileField(label=_("evidence file"), required=False)
    evidence_url = forms.URLField(label=_("evidence link"), required=False, assume_scheme="https")

    class Meta:
        model = Target
        fields = ["requirement", "fiscal_year", "direction", "baseline_value", "baseline_year", "target_value",
                  "unit", "data_source", "notes"]  # fmt: skip
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, requirements=None, **kwargs):
        super().__init__(*args, **kwargs)
        if requirements is not None:
            self.fields["requirement"].queryset = self.fields["requirement"].queryset.filter(
                pk__in=[r.pk for r in requirements]
            )
        actual = getattr(self.instance, "actual", None) if self.instance.pk else None
        if actual is not None:
            self.fields["actual_value"].initial = actual.value
            self.fields["recorded_on"].initial = actual.recorded_on
            self.fields["evidence_url"].initial = actual.evidence_url

    def clean(self):
        cleaned = super().clean()
        has_result = cleaned.get("actual_value") is not None
        if not has_result and (cleaned.get("evidence_file") or cleaned.get("evidence_url")):
            self.add_error("actual_value", _("Give the actual value that the evidence supports."))
        requirement = cleaned.get("requirement")
        if has_result and requirement is not None:
            message = evaluation.value_error(cleaned["actual_value"], requirement.target_kind)
            if message:
                self.add_error("actual_value", message)
        return cleaned

    @transaction.atomic
    def save(self, commit=True):
        target = super().save()
        value = self.cleaned_data.get("actual_value")
        actual = getattr(target, "actual", None) if target.pk else None
        if value is None:
            if actual is not None:
                actual.delete()
            return target
        actual = actual or Actual(target=target)
        actual.value = value
        actual.recorded_on = self.cleaned_data.get("recorded_on") or actual.recorded_on
        actual.evidence_url = self.cleaned_data.get("evidence_url") or ""
        if self.cleaned_data.get("evidence_file"):
            actual.evidence_file = self.cleaned_data["evidence_file"]
        actual.save()
        return target


class TargetImportForm(Form):
    # An area's workbook is a few hundred rows (tens of kB); anything far larger is not the template.
    max_size = 5 * 1024 * 1024

    file = forms.FileField(
        label=_("Excel file (.xlsx)"), help_text=_("The file exported from this page, with your changes.")
    )

    def clean_file(self):
        file = self.cleaned_data["file"]
        if file.size > self.max_size:
            raise forms.ValidationError(_("The file is larger than 5 MB: upload the workbook exported from this page."))
        return file
