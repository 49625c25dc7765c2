from django.contrib.auth import views as auth_views
from django.urls import path

from ecotown.accounts import views

app_name = "accounts"

urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("profile/", views.ProfileView.as_view(), name="profile"),
    path("password/change/", views.PasswordChangeView.as_view(), name="password_change"),
    path("password/reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(template_name="accounts/password_reset_complete.html"),
        name="password_reset_complete",
    ),
    path("roles/", views.RoleAssignmentListView.as_view(), name="roleassignment_list"),
    path("roles/add/", views.RoleAssignmentEditView.as_view(), name="roleassignment_add"),
    path("roles/<int:pk>/", views.RoleAssignmentDetailView.as_view(), name="roleassignment_detail"),
    path("roles/<int:pk>/edit/", views.RoleAssignmentEditView.as_view(), name="roleassignment_edit"),
    path("roles/<int:pk>/delete/", views.RoleAssignmentDeleteView.as_view(), name="roleassignment_delete"),
    path("roles/<int:pk>/history/", views.RoleAssignmentHistoryView.as_view(), name="roleassignment_history"),
]
