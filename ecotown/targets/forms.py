from django import forms
from django.utils.translation import gettext_lazy as _

from ecotown.core.forms import BuddhistDateField, Form, ModelForm, style_fields
from ecotown.targets import evaluation
from ecotown.targets.models import Target


class TargetForm(ModelForm):
    """A target value (ค่าเป้าหมาย). Results are recorded on the area's data-entry page, a separate step."""

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


class ResultForm(Form):
    """One row of the data-entry page: the result against one target, its evidence, saved in place."""

    value = forms.DecimalField(
        label=_("actual value"), max_digits=16, decimal_places=4, required=False,
        help_text=_("For a yes/no target: 1 for yes, 0 for no."),
    )  # fmt: skip
    recorded_on = BuddhistDateField(label=_("recorded on"), required=False)
    evidence_url = forms.URLField(label=_("web page as evidence"), required=False, assume_scheme="https")
    evidence_file = forms.FileField(label=_("evidence file"), required=False)
    evidence_link = forms.ChoiceField(label=_("a record in EcoTown as evidence"), required=False)
    remove_evidence = forms.MultipleChoiceField(label=_("remove"), required=False, widget=forms.CheckboxSelectMultiple)
    clear_result = forms.BooleanField(label=_("remove the result"), required=False)
    revision = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args, target, evidence=(), link_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.target = target
        self.fields["evidence_link"].choices = [("", _("— none —")), *link_choices]
        self.fields["remove_evidence"].choices = [(str(item.key), str(item)) for item in evidence]
        if target.requirement.target_kind == "yes_no":
            self.fields["value"].widget = forms.Select(choices=[("", "—"), ("1", _("Yes")), ("0", _("No"))])
        for name in ("value", "recorded_on", "evidence_url"):
            self.fields[name].widget.attrs["aria-label"] = str(self.fields[name].label)
        style_fields(self)

    def clean(self):
        cleaned = super().clean()
        value = cleaned.get("value")
        if value is not None:
            message = evaluation.value_error(value, self.target.requirement.target_kind)
            if message:
                self.add_error("value", message)
        return cleaned


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
