from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views import generic

from ecotown.accounts import forms, services
from ecotown.accounts.filtersets import RoleAssignmentFilterSet
from ecotown.accounts.models import RoleAssignment
from ecotown.accounts.tables import RoleAssignmentTable
from ecotown.core import views as core


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    form_class = forms.LoginForm
    redirect_authenticated_user = True


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_form.html"
    extra_context = {"heading": _("Reset your password")}
    form_class = forms.PasswordResetForm
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_form.html"
    extra_context = {"heading": _("Choose a new password")}
    form_class = forms.SetPasswordForm
    success_url = reverse_lazy("accounts:password_reset_complete")


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_form.html"
    extra_context = {"heading": _("Change your password")}
    form_class = forms.PasswordChangeForm
    success_url = reverse_lazy("accounts:profile")

    def form_valid(self, form):
        messages.success(self.request, _("Your password has been changed."))
        return super().form_valid(form)


class ProfileView(LoginRequiredMixin, generic.UpdateView):
    template_name = "accounts/profile.html"
    form_class = forms.ProfileForm
    success_url = reverse_lazy("accounts:profile")

    def get_object(self, queryset=None):
        return self.request.user

    def form_valid(self, form):
        requested = form.cleaned_data["email"]
        response = super().form_valid(form)
        if self.object.pending_email and requested.lower() == self.object.pending_email.lower():
            messages.info(
                self.request,
                _(
                    "We sent a link to {email}. The new address is used once you open it; until then you sign in "
                    "with {current}."
                ).format(email=requested, current=self.object.email or self.object.username),
            )
        messages.success(self.request, _("Your details have been saved."))
        return response


class EmailConfirmView(generic.TemplateView):
    """The link sent to a new e-mail address: a button confirms it (a GET changes nothing, so that mail
    scanners following links do not confirm for the person)."""

    template_name = "accounts/email_confirm.html"

    def post(self, request, token):
        try:
            user = services.confirm_email_change(token)
        except ValidationError as error:
            return self.render_to_response(self.get_context_data(errors=error.messages))
        messages.success(request, _("Your e-mail address is now {email}.").format(email=user.email))
        return redirect("accounts:profile" if request.user.is_authenticated else "accounts:login")


class RoleAssignmentMixin(LoginRequiredMixin):
    model = RoleAssignment

    def get_queryset(self):
        queryset = super().get_queryset()
        # Nobody changes or removes their own assignment (not even the last DIW administrator).
        return queryset if self.action == "view" else queryset.exclude(user=self.request.user)


class RoleAssignmentListView(RoleAssignmentMixin, core.ObjectListView):
    filterset_class = RoleAssignmentFilterSet
    table_class = RoleAssignmentTable
    template_name = "accounts/roleassignment_list.html"


class RoleAssignmentDetailView(RoleAssignmentMixin, core.ObjectDetailView):
    pass


class RoleAssignmentEditView(RoleAssignmentMixin, core.ObjectEditView):
    """Add (in two steps: the form, then a confirmation of who receives the role) or change an assignment."""

    form_class = forms.RoleAssignmentForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "acting_user": self.request.user}

    def form_valid(self, form):
        if self.object.pk:
            return super().form_valid(form)
        if self.request.POST.get("confirm") != "1":
            return self._confirmation(form)
        data = form.cleaned_data
        try:
            with transaction.atomic():
                self.object = services.grant_role(
                    email=data["email"], full_name=data["full_name"], role=data["role"], acting_user=self.request.user,
                    province=data.get("province"), area=data.get("area"), valid_from=data.get("valid_from"),
                    valid_until=data.get("valid_until"), notes=data.get("notes", ""),
                )  # fmt: skip
        except (ValidationError, PermissionDenied) as error:
            form.add_error(None, error.messages if isinstance(error, ValidationError) else str(error))
            return self.form_invalid(form)
        messages.success(
            self.request,
            _(
                "Gave the role to {email}. An e-mail tells them; someone new receives an invitation to choose a "
                "password."
            ).format(email=data["email"]),
        )
        return redirect(self.object)

    def _confirmation(self, form):
        matched = services.visible_account(self.request.user, services.account_for(form.cleaned_data["email"]))
        context = {"form": form, "matched": matched, "model_meta": RoleAssignment._meta}
        return render(self.request, "accounts/roleassignment_confirm.html", context)

    def save_form(self, form):
        instance = form.instance
        changes = {name: form.cleaned_data[name] for name in form.fields if name in form.cleaned_data and
                   name not in ("revision",)}  # fmt: skip
        return services.change_assignment(instance, acting_user=self.request.user, **changes)

    def form_invalid(self, form):
        return super().form_invalid(form)


class RoleAssignmentDeleteView(RoleAssignmentMixin, core.ObjectDeleteView):
    def delete_object(self, obj):
        services.remove_assignment(obj, acting_user=self.request.user)


class RoleAssignmentHistoryView(RoleAssignmentMixin, core.ObjectHistoryView):
    pass
