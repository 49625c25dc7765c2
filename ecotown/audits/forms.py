from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ecotown.accounts.models import User
from ecotown.audits import choices
from ecotown.audits.models import Assessment, CorrectiveAction, Finding
from ecotown.core.forms import BuddhistDateField, Form, ModelForm


class AssessmentForm(ModelForm):
    """The audit plan: what, when, where; the status changes only through the steps."""

    starts_on = BuddhistDateField(label=_("audit starts"), required=False)
    ends_on = BuddhistDateField(label=_("audit ends"), required=False)

    class Meta:
        model = Assessment
        fields = ["area", "fiscal_year", "catalogue", "kind", "level_applied_for", "starts_on", "ends_on", "places",
                  "agenda", "notes"]  # fmt: skip
        widgets = {"places": forms.Textarea(attrs={"rows": 2}), "agenda": forms.Textarea(attrs={"rows": 4}),
                   "notes": forms.Textarea(attrs={"rows": 2})}  # fmt: skip


class TeamMemberForm(Form):
    user = forms.ModelChoiceField(label=_("auditor"), queryset=User.objects.none())
    role = forms.ChoiceField(label=_("role in the team"), choices=choices.TeamRole.choices)

    def __init__(self, *args, candidates=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = candidates if candidates is not None else User.objects.none()


class ResultForm(Form):
    result = forms.ChoiceField(label=_("result"), choices=choices.Result.choices, widget=forms.RadioSelect)
    reason = forms.CharField(label=_("reason it does not apply"), required=False,
                             widget=forms.Textarea(attrs={"rows": 2}))  # fmt: skip
    notes = forms.CharField(label=_("notes"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    revision = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    file = forms.FileField(label=_("evidence file"), required=False)
    link = forms.ChoiceField(label=_("or cite a record already in EcoTown"), required=False)
    reuse = forms.BooleanField(label=_("Reuse the evidence of this requirement from earlier audits"), required=False)

    def __init__(self, *args, link_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["link"].choices = [("", "—"), *link_choices]


class FindingForm(ModelForm):
    class Meta:
        model = Finding
        fields = ["requirement", "grade", "statement", "objective_evidence", "criterion", "notes"]
        widgets = {name: forms.Textarea(attrs={"rows": 3}) for name in ("statement", "objective_evidence",
                                                                        "criterion", "notes")}  # fmt: skip

    def __init__(self, *args, requirements=None, **kwargs):
        super().__init__(*args, **kwargs)
        if requirements is not None:
            self.fields["requirement"].queryset = requirements


class CorrectiveActionForm(ModelForm):
    due_on = BuddhistDateField(label=_("due date"))

    class Meta:
        model = CorrectiveAction
        fields = ["root_cause", "action", "responsible", "due_on"]
        widgets = {"root_cause": forms.Textarea(attrs={"rows": 3}), "action": forms.Textarea(attrs={"rows": 3})}


class VerifyForm(Form):
    effective = forms.TypedChoiceField(
        label=_("verification"), coerce=lambda value: value == "yes",
        choices=[("yes", pgettext_lazy("corrective action", "Effective")), ("no", _("Not effective"))],
    )  # fmt: skip
    note = forms.CharField(label=_("what was checked"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class StepForm(Form):
    step = forms.ChoiceField(label=_("step"))
    reason = forms.CharField(label=_("reason"), required=False)

    def __init__(self, *args, steps=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["step"].choices = [(step.name, step.label) for step in steps]
