from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from ecotown.core.forms import BuddhistDateField, Form, ModelForm
from ecotown.plans.coverage import catalogue_for_plan
from ecotown.plans.models import BudgetLine, Kpi, Plan, PlanVersion, ProgressReport, Project

MAX_UPLOAD_NAME = 200


class PlanForm(ModelForm):
    class Meta:
        model = Plan
        fields = ["level", "title_th", "title_en", "province", "area", "first_year", "last_year", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}


class PlanVersionForm(ModelForm):
    class Meta:
        model = PlanVersion
        fields = ["summary", "notes"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 4}), "notes": forms.Textarea(attrs={"rows": 2})}


class ProjectForm(ModelForm):
    """A project of a draft version; the requirements offered are the catalogue's in force, the targets the
    plan's area's."""

    start_date = BuddhistDateField(label=_("starts"), required=False)
    end_date = BuddhistDateField(label=_("ends"), required=False)

    class Meta:
        model = Project
        fields = ["code", "title", "rationale", "owner_organisation", "supporting_organisations", "requirements",
                  "targets", "start_date", "end_date", "position", "notes"]  # fmt: skip
        widgets = {"rationale": forms.Textarea(attrs={"rows": 3}), "notes": forms.Textarea(attrs={"rows": 2}),
                   "requirements": forms.SelectMultiple(attrs={"size": 8}),
                   "targets": forms.SelectMultiple(attrs={"size": 6})}  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        plan = self.instance.version.plan
        catalogue = catalogue_for_plan(plan)
        requirements = self.fields["requirements"]
        requirements.queryset = requirements.queryset.filter(catalogue=catalogue).order_by("position", "code")
        targets = self.fields["targets"]
        if plan.area_id:
            targets.queryset = targets.queryset.filter(area_id=plan.area_id).select_related("requirement")
        else:
            targets.queryset = targets.queryset.none()


BudgetLineFormSet = inlineformset_factory(
    Project, BudgetLine, fields=["fiscal_year", "source", "amount"], extra=3, can_delete=True
)
KpiFormSet = inlineformset_factory(
    Project, Kpi, fields=["name", "unit", "baseline", "target_value", "target_year"], extra=2, can_delete=True
)


class ProgressReportForm(ModelForm):
    evidence_file = forms.FileField(label=_("evidence (file)"), required=False)

    class Meta:
        model = ProgressReport
        fields = ["fiscal_year", "quarter", "percent_complete", "spent", "status", "narrative", "notes"]
        widgets = {"narrative": forms.Textarea(attrs={"rows": 4}), "notes": forms.Textarea(attrs={"rows": 2})}


class VersionStepForm(Form):
    step = forms.ChoiceField(label=_("step"))
    reason = forms.CharField(label=_("reason"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, steps, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["step"].choices = [(step.name, step.label) for step in steps]


class ReviseForm(Form):
    summary = forms.CharField(label=_("what this version changes"), required=False,
                              widget=forms.Textarea(attrs={"rows": 2}))  # fmt: skip


class ProjectImportForm(Form):
    file = forms.FileField(label=_("Excel file (.xlsx)"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError(_("Upload the .xlsx file exported from the plan's page."))
        return upload
