from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ecotown.accounts.choices import Role, ScopeKind
from ecotown.core.models import EcoTownModel


class User(AbstractUser):
    """A person who signs in: DIW staff, provincial officers, secretariats, auditors, operators, consultants."""

    email = models.EmailField(_("e-mail address"), blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    position = models.CharField(_("position"), max_length=200, blank=True)
    phone = models.CharField(_("telephone"), max_length=50, blank=True)

    objects = UserManager()
    history = HistoricalRecords(excluded_fields=["last_login", "password"])

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            # Users sign in with their e-mail too, so two accounts may not share one (in any letter case).
            models.UniqueConstraint(
                Lower("email"),
                condition=~models.Q(email=""),
                name="accounts_user_unique_email",
                violation_error_message=_("Another account already uses this e-mail address."),
            )
        ]

    def __str__(self):
        return self.get_full_name() or self.username


class RoleAssignment(EcoTownModel):
    """A role given to a user at one point of the scope path (บทบาทและขอบเขต).

    Which object fills the scope depends on the role (Role.scope_kind): a provincial officer holds a province,
    an area secretary an area. A user may hold several assignments, e.g. officer of two provinces.
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_assignments", verbose_name=_("user"))
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    province = models.ForeignKey(
        "geo.Province",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="role_assignments",
        verbose_name=_("province"),
    )
    area = models.ForeignKey(
        "areas.Area",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="role_assignments",
        verbose_name=_("area"),
    )

    # A provincial officer manages the assignments of their province and of the areas in it.
    scope_lookups = {
        ScopeKind.PROVINCE: ["province", "area__province"],
        ScopeKind.AREA: ["area"],
    }

    class Meta:
        verbose_name = _("role assignment")
        verbose_name_plural = _("role assignments")
        ordering = ["user__username", "role"]
        # One assignment per user, role and scope object. Three partial constraints rather than
        # nulls_distinct=False, which SQLite cannot enforce.
        constraints = [
            models.UniqueConstraint(
                fields=["user", "role"],
                condition=models.Q(province__isnull=True, area__isnull=True),
                name="accounts_roleassignment_unique_user_role_national",
                violation_error_message=_("This user already holds this role here."),
            ),
            models.UniqueConstraint(
                fields=["user", "role", "province"],
                condition=models.Q(province__isnull=False),
                name="accounts_roleassignment_unique_user_role_province",
                violation_error_message=_("This user already holds this role here."),
            ),
            models.UniqueConstraint(
                fields=["user", "role", "area"],
                condition=models.Q(area__isnull=False),
                name="accounts_roleassignment_unique_user_role_area",
                violation_error_message=_("This user already holds this role here."),
            ),
        ]

    def __str__(self):
        scope = self.scope_object
        return f"{self.get_role_display()} · {scope}" if scope else str(self.get_role_display())

    @property
    def scope_kind(self) -> ScopeKind:
        return Role(self.role).scope_kind

    @property
    def scope_object(self):
        return {ScopeKind.PROVINCE: self.province, ScopeKind.AREA: self.area}.get(self.scope_kind)

    @property
    def scope_id(self):
        return {ScopeKind.PROVINCE: self.province_id, ScopeKind.AREA: self.area_id}.get(self.scope_kind)

    def clean(self):
        if not self.role:
            return
        kind = self.scope_kind
        if kind == ScopeKind.PROVINCE and not self.province_id:
            raise ValidationError({"province": _("A provincial officer needs a province.")})
        if kind == ScopeKind.AREA and not self.area_id:
            raise ValidationError({"area": _("This role is given for one area: choose the area.")})
        if kind != ScopeKind.PROVINCE and self.province_id:
            raise ValidationError({"province": _("This role is not given per province: leave it empty.")})
        if kind != ScopeKind.AREA and self.area_id:
            raise ValidationError({"area": _("This role is not given per area: leave it empty.")})
