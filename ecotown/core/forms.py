"""Form pieces every app uses: Bootstrap styling and the Buddhist Era date field."""

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from ecotown.core import dates


class StyledFormMixin:
    """Gives every widget the Bootstrap class it needs, so templates render fields with one include."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_fields(self)


def style_fields(form) -> None:
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.CheckboxInput | forms.CheckboxSelectMultiple | forms.RadioSelect):
            css = "form-check-input"
        elif isinstance(widget, forms.Select | forms.SelectMultiple):
            css = "form-select"
        else:
            css = "form-control"
        if css not in widget.attrs.get("class", ""):
            widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css}".strip()


class ModelForm(StyledFormMixin, forms.ModelForm):
    pass


class Form(StyledFormMixin, forms.Form):
    pass


class BuddhistDateInput(forms.TextInput):
    """Shows a date as `22/11/2569` (day/month/B.E. year)."""

    def __init__(self, attrs=None):
        super().__init__({"placeholder": _("dd/mm/yyyy (B.E.)"), "inputmode": "numeric", **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, datetime.date):
            return f"{value.day:02d}/{value.month:02d}/{dates.to_be(value.year)}"
        return super().format_value(value)


class BuddhistDateField(forms.DateField):
    """Accepts `22/11/2569`, `22/11/2026` or `2569-11-22`: a year above 2400 is read as B.E."""

    widget = BuddhistDateInput
    default_error_messages = {
        "invalid": _("Enter a date as day/month/year, e.g. 22/11/2569 (B.E.) or 22/11/2026 (C.E.)."),
        "implausible": _("The year reads as B.E. {year}, which cannot be right here. Check the year (e.g. 2569)."),
    }

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return dates.to_date(value)
        except dates.ImplausibleYear as error:
            message = self.error_messages["implausible"].format(year=error.year_be)
            raise forms.ValidationError(message, code="implausible") from None
        except ValueError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None


class RevisionField(forms.IntegerField):
    """The revision an edit form started from (core.models.EcoTownModel.revision), sent back on save."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        super().__init__(min_value=0, required=True, **kwargs)


class BuddhistDateTimeWidget(forms.MultiWidget):
    def __init__(self, attrs=None):
        time = forms.TimeInput(attrs={"placeholder": "09:30", "inputmode": "numeric"}, format="%H:%M")
        super().__init__([BuddhistDateInput(), time], attrs)

    def decompress(self, value):
        if not value:
            return [None, None]
        from django.utils import timezone

        local = timezone.localtime(value) if timezone.is_aware(value) else value
        return [local.date(), local.time()]


class BuddhistDateTimeField(forms.MultiValueField):
    """A date in either era and a time (22/11/2569, 09:30), read in Bangkok time."""

    widget = BuddhistDateTimeWidget

    def __init__(self, **kwargs):
        super().__init__((BuddhistDateField(), forms.TimeField()), require_all_fields=True, **kwargs)

    def compress(self, data_list):
        if not data_list or data_list[0] is None or data_list[1] is None:
            return None
        from django.utils import timezone

        return timezone.make_aware(datetime.datetime.combine(*data_list))
