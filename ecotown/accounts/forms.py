from django import forms
from django.contrib.auth import forms as auth_forms
from django.template import loader
from django.utils.translation import gettext_lazy as _

from ecotown.accounts.choices import Role
from ecotown.accounts.models import RoleAssignment, User
from ecotown.accounts.tasks import send_email
from ecotown.core.forms import BuddhistDateField, ModelForm, StyledFormMixin


class LoginForm(StyledFormMixin, auth_forms.AuthenticationForm):
    username = forms.CharField(label=_("Username or e-mail"), max_length=254)
    error_messages = {
        "invalid_login": _("The username/e-mail or the password is wrong. Passwords are case-sensitive."),
        "inactive": _("This account is switched off. Ask your provincial industry office to switch it on."),
    }


class PasswordResetForm(StyledFormMixin, auth_forms.PasswordResetForm):
    def send_mail(self, subject_template_name, email_template_name, context, from_email, to_email,
                  html_email_template_name=None):  # fmt: skip
        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        send_email.enqueue(subject, body, [to_email])


class SetPasswordForm(StyledFormMixin, auth_forms.SetPasswordForm):
    pass


class PasswordChangeForm(StyledFormMixin, auth_forms.PasswordChangeForm):
    pass


class ProfileForm(ModelForm):
    """One's own details. A new e-mail address is only requested here: it waits, unused, until confirmed."""

    class Meta:
        model = User
        fields = ["first_name", "last_name", "email", "organisation", "position", "phone"]
        help_texts = {"email": _("A new address is used once you confirm it from the link we send there.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.current_email = self.instance.email

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        if email.lower() != self.current_email.lower() and User.objects.filter(email__iexact=email).exists():
            # Said the same way as any other refusal of this address: it does not reveal who holds it.
            raise forms.ValidationError(_("This address cannot be used. Choose another or ask your administrator."))
        return email

    def save(self, commit=True):
        from ecotown.accounts.services import request_email_change

        requested = self.cleaned_data["email"]
        self.instance.email = self.current_email
        user = super().save(commit)
        if requested.lower() != self.current_email.lower():
            request_email_change(user, requested)
        return user

    def validate_unique(self):
        # The requested address is not stored as `email` until confirmed; clean_email checked it.
        pass


class RoleAssignmentForm(ModelForm):
    """Give a role to the person with this e-mail address. Nothing is saved until the officer confirms, on a
    second page, who receives it; the page never says whether the address already has an account unless the
    officer may already see its holder."""

    email = forms.EmailField(label=_("E-mail address of the person"))
    full_name = forms.CharField(label=_("Full name"), max_length=150)
    valid_from = BuddhistDateField(label=_("valid from"), required=False)
    valid_until = BuddhistDateField(label=_("valid until"), required=False)

    class Meta:
        model = RoleAssignment
        fields = ["role", "province", "area", "valid_from", "valid_until", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}

    field_order = ["email", "full_name", "role", "province", "area", "valid_from", "valid_until", "notes"]

    def __init__(self, *args, acting_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        from ecotown.accounts.services import grantable_roles

        allowed = grantable_roles(acting_user)
        self.fields["role"].choices = [(value, label) for value, label in Role.choices if value in allowed]
        self.fields["area"].queryset = self.fields["area"].queryset.select_related("province")
        if self.instance.pk:
            del self.fields["email"], self.fields["full_name"]

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk or not cleaned.get("email"):
            return cleaned
        from ecotown.accounts.services import account_for

        user = account_for(cleaned["email"])
        duplicate = RoleAssignment.objects.filter(
            user=user, role=cleaned.get("role"), province=cleaned.get("province"), area=cleaned.get("area")
        )
        if user is not None and duplicate.exists():
            raise forms.ValidationError(_("This person already holds this role here."))
        return cleaned

    def _get_validation_exclusions(self):
        # The user is chosen by e-mail on confirmation, not by this form: model validation skips it.
        return {*super()._get_validation_exclusions(), "user"}
