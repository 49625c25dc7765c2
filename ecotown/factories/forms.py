from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from ecotown.core.forms import BuddhistDateField, Form, ModelForm
from ecotown.factories.models import Certification, ComplianceCheck, Factory, Flow, Inspection, MassBalance, Permit

MAX_IMPORT_MB = 200


class FactoryForm(ModelForm):
    class Meta:
        model = Factory
        fields = ["registration_number", "old_registration_number", "name", "operator_name", "activity",
                  "factory_class", "main_type_code", "secondary_type_codes", "isic_code", "horsepower", "workers",
                  "capital", "house_number", "moo", "soi", "road", "province", "district", "subdistrict",
                  "latitude", "longitude", "in_industrial_estate", "industrial_estate", "operating_status", "areas",
                  "notes"]  # fmt: skip
        widgets = {"activity": forms.Textarea(attrs={"rows": 2}), "notes": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Reference lists are long: offer districts and subdistricts of the factory's province only once it is set.
        province = self.instance.province_id if self.instance.pk else None
        if province:
            self.fields["district"].queryset = self.fields["district"].queryset.filter(province_id=province)
            self.fields["subdistrict"].queryset = self.fields["subdistrict"].queryset.filter(
                district__province_id=province
            )
        else:
            self.fields["subdistrict"].queryset = self.fields["subdistrict"].queryset.none()


class PermitForm(ModelForm):
    issued_on = BuddhistDateField(label=_("issued on"), required=False)
    expires_on = BuddhistDateField(label=_("expires on"), required=False)

    class Meta:
        model = Permit
        fields = ["kind", "number", "issued_on", "expires_on", "issued_by", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 2})}


class ComplianceCheckForm(ModelForm):
    checked_on = BuddhistDateField(label=_("checked on"))

    class Meta:
        model = ComplianceCheck
        fields = ["topic", "result", "checked_on", "requirement", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 2})}


class InspectionForm(ModelForm):
    occurred_on = BuddhistDateField(label=_("date"))
    closed_on = BuddhistDateField(label=_("closed on"), required=False)

    class Meta:
        model = Inspection
        fields = ["kind", "occurred_on", "subject", "outcome", "outcome_details", "closed_on", "notes"]
        widgets = {"outcome_details": forms.Textarea(attrs={"rows": 3}), "notes": forms.Textarea(attrs={"rows": 2})}


class CertificationForm(ModelForm):
    valid_from = BuddhistDateField(label=_("valid from"))
    valid_until = BuddhistDateField(label=_("valid until"), required=False)

    class Meta:
        model = Certification
        fields = ["scheme", "level", "certificate_number", "certified_by", "valid_from", "valid_until", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 2})}


class FactoryImportForm(Form):
    file = forms.FileField(
        label=_("Factory_Data file (CSV) or our Excel template"),
        help_text=_(
            "The Ministry of Industry's open-data file, UTF-8 or TIS-620, as downloaded, or the Excel "
            "template filled in."
        ),
    )
    keep_going = forms.BooleanField(
        label=_("Save the good rows even if some rows have problems"), required=False,
        help_text=_("Off: if any row has a problem, nothing is saved."),
    )  # fmt: skip

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_MB * 1024 * 1024:
            raise forms.ValidationError(_("The file is larger than {size} MB.").format(size=MAX_IMPORT_MB))
        return upload


class MassBalanceForm(ModelForm):
    class Meta:
        model = MassBalance
        fields = ["year", "month", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 2})}


FlowFormSet = inlineformset_factory(
    MassBalance, Flow, form=ModelForm, extra=4, can_delete=True,
    fields=["direction", "category", "name", "quantity", "unit", "carrier", "waste_code", "hazardous", "route",
            "sigma_percent"],
)  # fmt: skip


class StepForm(Form):
    step = forms.CharField(widget=forms.HiddenInput)
    reason = forms.CharField(label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
