from django import forms
from django.forms import BaseInlineFormSet, inlineformset_factory
from django.utils.translation import gettext_lazy as _

from ecotown.accounts.models import User
from ecotown.core.forms import BuddhistDateField, Form, ModelForm
from ecotown.factories.models import Factory
from ecotown.support import choices
from ecotown.support.models import (
    ConsultingEngagement,
    ConsultingVisit,
    Deliverable,
    ProjectTarget,
    ProjectTeamMember,
    StudyVisit,
    StudyVisitParticipant,
    Training,
    TrainingAttendance,
    UpgradeProject,
)

TEXT = {"rows": 3}


class UpgradeProjectForm(ModelForm):
    starts_on = BuddhistDateField(label=_("starts"))
    ends_on = BuddhistDateField(label=_("ends"))
    terms_file = forms.FileField(label=_("terms of reference (file)"), required=False)

    class Meta:
        model = UpgradeProject
        fields = ["title", "contract_number", "consultant_firm", "area", "target_level", "starts_on", "ends_on",
                  "notes"]  # fmt: skip
        widgets = {"notes": forms.Textarea(attrs={"rows": 2})}


class _AreaFactoriesFormSet(BaseInlineFormSet):
    """Rows that name a factory offer the factories of the project's model area only."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        project = getattr(self.instance, "project", None)
        factories = Factory.objects.filter(areas=project.area_id) if project is not None else Factory.objects.none()
        for form in [*self.forms, self.empty_form]:
            form.fields["factory"].queryset = factories


class _TeamFormSet(BaseInlineFormSet):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        consultants = User.objects.filter(role_assignments__role="consultant", is_active=True).distinct()
        for form in [*self.forms, self.empty_form]:
            form.fields["user"].queryset = consultants


TeamFormSet = inlineformset_factory(UpgradeProject, ProjectTeamMember, form=ModelForm, formset=_TeamFormSet,
                                    fields=["name", "position", "user"], extra=2, can_delete=True)  # fmt: skip
TargetFormSet = inlineformset_factory(UpgradeProject, ProjectTarget, form=ModelForm,
                                      fields=["measure", "value", "source"], extra=1, can_delete=True)  # fmt: skip


class DeliverableForm(ModelForm):
    due_on = BuddhistDateField(label=_("due date"))
    file = forms.FileField(label=_("file of the deliverable"), required=False)

    class Meta:
        model = Deliverable
        fields = ["kind", "title", "due_on", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 2})}


class TrainingForm(ModelForm):
    held_on = BuddhistDateField(label=_("date"))
    file = forms.FileField(label=_("materials (file)"), required=False)

    class Meta:
        model = Training
        fields = ["topic", "held_on", "place", "trainers", "materials", "evaluation_score", "notes"]
        widgets = {"materials": forms.Textarea(attrs=TEXT), "notes": forms.Textarea(attrs={"rows": 2})}


AttendanceFormSet = inlineformset_factory(Training, TrainingAttendance, form=ModelForm, formset=_AreaFactoriesFormSet,
                                          fields=["factory", "person_name", "position"], extra=5,
                                          can_delete=True)  # fmt: skip


class StudyVisitForm(ModelForm):
    visited_on = BuddhistDateField(label=_("date"))

    class Meta:
        model = StudyVisit
        fields = ["topics", "host_factory", "host_name", "visited_on", "place", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 2})}


ParticipantFormSet = inlineformset_factory(StudyVisit, StudyVisitParticipant, form=ModelForm,
                                           formset=_AreaFactoriesFormSet, fields=["factory", "person_name"], extra=5,
                                           can_delete=True)  # fmt: skip


class ConsultingEngagementForm(ModelForm):
    topics = forms.MultipleChoiceField(label=_("topics"), choices=choices.ConsultingTopic.choices,
                                       widget=forms.CheckboxSelectMultiple)  # fmt: skip

    class Meta:
        model = ConsultingEngagement
        fields = ["consultant", "factory", "topics", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        project = self.instance.project if self.instance.project_id else None
        if project is not None:
            self.fields["consultant"].queryset = User.objects.filter(upgrade_teams__project=project).distinct()
            self.fields["factory"].queryset = Factory.objects.filter(areas=project.area_id)


class ConsultingVisitForm(ModelForm):
    visited_on = BuddhistDateField(label=_("date"))

    class Meta:
        model = ConsultingVisit
        fields = ["visited_on", "hours", "findings", "recommendations"]
        widgets = {"findings": forms.Textarea(attrs=TEXT), "recommendations": forms.Textarea(attrs=TEXT)}


class StepForm(Form):
    step = forms.ChoiceField(label=_("step"))
    reason = forms.CharField(label=_("DIW's comments"), required=False, widget=forms.Textarea(attrs=TEXT))

    def __init__(self, *args, steps=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["step"].choices = [(step.name, step.label) for step in steps]
