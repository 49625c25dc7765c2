from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ecotown.areas.geojson import parse_boundary_json, validate_boundary
from ecotown.areas.models import Area, AreaContact
from ecotown.core.forms import BuddhistDateField, Form, ModelForm
from ecotown.geo.models import District, Subdistrict

MAX_BOUNDARY_BYTES = 5 * 1024 * 1024


class AreaForm(ModelForm):
    boundary_file = forms.FileField(
        label=_("Boundary file (GeoJSON)"),
        required=False,
        help_text=_("A .geojson file in longitude/latitude (WGS 84). Leave empty to keep the current boundary."),
    )
    clear_boundary = forms.BooleanField(label=_("Remove the current boundary"), required=False)

    class Meta:
        model = Area
        fields = [
            "code", "name_th", "name_en", "province", "kind", "joined_year", "phase", "districts", "subdistricts",
            "population", "factory_count", "main_industries", "key_problems", "notes",
        ]  # fmt: skip
        widgets = {
            "main_industries": forms.Textarea(attrs={"rows": 3}),
            "key_problems": forms.Textarea(attrs={"rows": 3}),
            "notes": forms.Textarea(attrs={"rows": 3}),
            "districts": forms.SelectMultiple(attrs={"size": 8}),
            "subdistricts": forms.SelectMultiple(attrs={"size": 8}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        province_id = self.data.get("province") or self.instance.province_id
        districts = District.objects.select_related("province")
        self.fields["districts"].queryset = districts.filter(province_id=province_id) if province_id else districts
        chosen = self.instance.districts.all() if self.instance.pk else District.objects.none()
        self.fields["subdistricts"].queryset = Subdistrict.objects.filter(district__in=chosen)
        if not self.instance.pk:
            self.fields["subdistricts"].help_text = _("Save the area with its districts first; then pick subdistricts.")

    def clean_boundary_file(self):
        upload = self.cleaned_data.get("boundary_file")
        if not upload:
            return None
        if upload.size > MAX_BOUNDARY_BYTES:
            raise ValidationError(_("The boundary file is larger than 5 MB: simplify the outline first."))
        try:
            text = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ValidationError(_("The file is not UTF-8 text. Save it as UTF-8 and upload it again.")) from error
        return validate_boundary(parse_boundary_json(text))

    def clean(self):
        cleaned = super().clean()
        subdistricts, districts = cleaned.get("subdistricts"), cleaned.get("districts")
        if subdistricts and districts is not None:
            outside = [s for s in subdistricts if s.district_id not in {d.pk for d in districts}]
            if outside:
                self.add_error("subdistricts", _("Some subdistricts are not in the chosen districts."))
        return cleaned

    def save(self, commit=True):
        if self.cleaned_data.get("clear_boundary"):
            self.instance.boundary = None
        elif self.cleaned_data.get("boundary_file"):
            self.instance.boundary = self.cleaned_data["boundary_file"]
        return super().save(commit)


class AreaContactForm(ModelForm):
    class Meta:
        model = AreaContact
        fields = ["name", "position", "organisation", "phone", "email", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 2})}


class AreaStatusForm(Form):
    """A named status step (areas.services) with its reason; the level and validity for a certification."""

    step = forms.ChoiceField(label=_("Step"))
    certified_level = forms.IntegerField(label=_("certified level"), min_value=1, max_value=5, required=False)
    certified_until = BuddhistDateField(label=_("certificate valid until"), required=False)
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kept in the area's history: cite the decision, e.g. the expert committee's resolution."),
    )

    def __init__(self, *args, steps, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["step"].choices = [(step.name, step.label) for step in steps]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("step") == "record_certification":
            for name in ("certified_level", "certified_until"):
                if not cleaned.get(name):
                    self.add_error(name, _("A certification needs its level and the date it is valid until."))
        return cleaned
