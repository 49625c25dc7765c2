from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views import generic

from ecotown.accounts import forms
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
        messages.success(self.request, _("Your details have been saved."))
        return super().form_valid(form)


class RoleAssignmentMixin(LoginRequiredMixin):
    model = RoleAssignment

    def base_queryset(self):
        return RoleAssignment.objects.select_related("user", "province", "area")


class RoleAssignmentListView(RoleAssignmentMixin, core.ObjectListView):
    filterset_class = RoleAssignmentFilterSet
    table_class = RoleAssignmentTable
    template_name = "accounts/roleassignment_list.html"


class RoleAssignmentDetailView(RoleAssignmentMixin, core.ObjectDetailView):
    pass


class RoleAssignmentEditView(RoleAssignmentMixin, core.ObjectEditView):
    form_class = forms.RoleAssignmentForm


class RoleAssignmentDeleteView(RoleAssignmentMixin, core.ObjectDeleteView):
    pass


class RoleAssignmentHistoryView(RoleAssignmentMixin, core.ObjectHistoryView):
    pass
