from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from ecotown.core.forms import BuddhistDateField, BuddhistDateTimeField, Form, ModelForm, style_fields
from ecotown.engagement import choices
from ecotown.engagement.models import AgendaItem, Comment, Committee, Meeting, Membership, Participant


class CommitteeForm(ModelForm):
    appointed_on = BuddhistDateField(label=_("appointed on"), required=False)

    class Meta:
        model = Committee
        fields = ["kind", "name_th", "name_en", "province", "area", "appointment_order", "appointed_on", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}


class MembershipForm(ModelForm):
    term_start = BuddhistDateField(label=_("term starts"), required=False)
    term_end = BuddhistDateField(label=_("term ends"), required=False)

    class Meta:
        model = Membership
        fields = ["person_name", "position", "title", "organisation", "sector", "term_start", "term_end", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 2})}


class MeetingForm(ModelForm):
    starts_at = BuddhistDateTimeField(label=_("date and time"))

    class Meta:
        model = Meeting
        fields = ["kind", "title", "starts_at", "place", "online_link", "recording_link", "minutes", "notes"]
        widgets = {"minutes": forms.Textarea(attrs={"rows": 8}), "notes": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            from django.utils import timezone

            self.initial["starts_at"] = timezone.localtime(self.instance.starts_at)


AgendaFormSet = inlineformset_factory(
    Meeting,
    AgendaItem,
    fields=["position", "title", "topic"],
    extra=3,
    can_delete=True,
)


class AttendanceForm(Form):
    """Each current member's attendance at one meeting: one row per member of the list."""

    def __init__(self, *args, members, current, **kwargs):
        super().__init__(*args, **kwargs)
        self.members = members
        for member in members:
            record = current.get(member.pk)
            self.fields[f"status_{member.pk}"] = forms.ChoiceField(
                label=str(member), choices=choices.AttendanceStatus.choices,
                initial=record.status if record else choices.AttendanceStatus.ABSENT,
            )  # fmt: skip
            self.fields[f"delegate_{member.pk}"] = forms.CharField(
                label=_("delegate"), required=False, max_length=200, initial=record.delegate if record else ""
            )
        style_fields(self)

    def rows(self):
        return [(member, self[f"status_{member.pk}"], self[f"delegate_{member.pk}"]) for member in self.members]


ParticipantFormSet = inlineformset_factory(
    Meeting,
    Participant,
    fields=["sector", "count", "organisation", "name", "consent"],
    extra=3,
    can_delete=True,
)


class ResolutionForm(Form):
    agenda_item = forms.ModelChoiceField(queryset=AgendaItem.objects.none(), required=False, label=_("agenda item"))
    kind = forms.ChoiceField(choices=choices.ResolutionKind.choices, label=_("kind of resolution"))
    outcome = forms.ChoiceField(choices=choices.ResolutionOutcome.choices, label=_("outcome"))
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), label=_("resolution"))
    conditions = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False, label=_("conditions"))
    subject = forms.ChoiceField(required=False, label=_("record decided on"))

    def __init__(self, *args, meeting, subject_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agenda_item"].queryset = meeting.agenda_items.all()
        self.fields["subject"].choices = [("", _("— none —")), *subject_choices]


class CommentForm(ModelForm):
    received_on = BuddhistDateField(label=_("received on"))

    class Meta:
        model = Comment
        fields = ["channel", "meeting", "received_on", "sector", "organisation", "raised_by", "topic", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        committee = self.instance.committee if self.instance.committee_id else None
        if committee is not None:
            self.fields["meeting"].queryset = committee.meetings.all()


class ResponseForm(Form):
    response = forms.ChoiceField(choices=choices.ResponseKind.choices, label=_("response"))
    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), label=_("reason"))
    what_changed = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False,
                                   label=_("what changed"))  # fmt: skip
    changed = forms.ChoiceField(required=False, label=_("the record it changed"))

    def __init__(self, *args, changed_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["changed"].choices = [("", _("— none —")), *changed_choices]


class MeetingStepForm(Form):
    step = forms.ChoiceField(label=_("Step"))
    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False, label=_("Reason"))

    def __init__(self, *args, steps, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["step"].choices = [(step.name, step.label) for step in steps]
