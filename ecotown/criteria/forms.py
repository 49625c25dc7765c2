from django import forms
from django.utils.translation import gettext_lazy as _

from ecotown.core.forms import Form
from ecotown.criteria.loader import MAX_SIZE
from ecotown.criteria.models import Catalogue


class CatalogueUploadForm(Form):
    file = forms.FileField(
        label=_("Catalogue file (YAML)"),
        help_text=_("A .yaml file in the format of docs/catalogue-format.md, at most 2 MB."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_SIZE:
            raise forms.ValidationError(_("The file is larger than 2 MB."))
        return upload.read()


class CatalogueCompareForm(Form):
    old = forms.ModelChoiceField(queryset=Catalogue.objects.all(), label=_("Older version"))
    new = forms.ModelChoiceField(queryset=Catalogue.objects.all(), label=_("Newer version"))


class AreaRequirementSelectionForm(Form):
    requirements = forms.ModelMultipleChoiceField(
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Specific requirements the area adopts"),
    )

    def __init__(self, *args, requirements, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["requirements"].queryset = requirements
