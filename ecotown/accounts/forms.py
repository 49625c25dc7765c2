from django import forms
from django.contrib.auth import forms as auth_forms
from django.template import loader
from django.utils.translation import gettext_lazy as _

from ecotown.accounts.models import RoleAssignment, User
from ecotown.accounts.tasks import send_email
from ecotown.core.forms import ModelForm, StyledFormMixin


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
    class Meta:
        model = User
        fields = ["first_name", "last_name", "email", "organisation", "position", "phone"]


class RoleAssignmentForm(ModelForm):
    """Give a role to a person found by e-mail; an unknown e-mail creates the account and sends an invitation."""

    email = forms.EmailField(label=_("E-mail address of the person"))
    full_name = forms.CharField(label=_("Full name (for a new account)"), max_length=150, required=False)

    class Meta:
        model = RoleAssignment
        fields = ["role", "province", "area", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}

    field_order = ["email", "full_name", "role", "province", "area", "notes"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["email"].initial = self.instance.user.email
            self.fields["email"].disabled = True
            del self.fields["full_name"]
        self.fields["area"].queryset = self.fields["area"].queryset.select_related("province")

    def clean(self):
        cleaned = super().clean()
        email = cleaned.get("email")
        if self.instance.pk or not email:
            return cleaned
        self.existing_user = User.objects.filter(email__iexact=email).first()
        duplicate = RoleAssignment.objects.filter(
            user=self.existing_user,
            role=cleaned.get("role"),
            province=cleaned.get("province"),
            area=cleaned.get("area"),
        )
        if self.existing_user and duplicate.exists():
            raise forms.ValidationError(_("This person already holds this role here."))
        if not self.existing_user and not cleaned.get("full_name"):
            self.add_error("full_name", _("No account uses this e-mail yet: give the person's full name."))
        return cleaned

    def save(self, commit=True):
        if not self.instance.pk:
            from ecotown.accounts.services import invite_user

            self.instance.user = self.existing_user or invite_user(
                email=self.cleaned_data["email"], full_name=self.cleaned_data["full_name"]
            )
        return super().save(commit)
