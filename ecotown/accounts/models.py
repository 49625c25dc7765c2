from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ecotown.accounts.choices import Role, ScopeKind
from ecotown.core.models import EcoTownModel, ScopedQuerySet
from ecotown.core.scopes import Scope


class User(AbstractUser):
    """A person who signs in: DIW staff, provincial officers, secretariats, auditors, operators, consultants."""

    email = models.EmailField(_("e-mail address"), blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    position = models.CharField(_("position"), max_length=200, blank=True)
    phone = models.CharField(_("telephone"), max_length=50, blank=True)
    pending_email = models.EmailField(
        _("new e-mail address awaiting confirmation"),
        blank=True,
        help_text=_("Used to sign in and to match only after its owner confirms it from the link sent there."),
    )

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


# Where each scope kind's object is held on a RoleAssignment. A new kind is one line here, its foreign key
# below and a migration: clean(), the constraints and `scope_object` follow from this table.
SCOPE_FIELDS = {ScopeKind.PROVINCE: "province", ScopeKind.AREA: "area"}


def _unique_per_scope():
    nothing = models.Q(**{f"{name}__isnull": True for name in SCOPE_FIELDS.values()})
    message = _("This user already holds this role here.")
    # One constraint per kind rather than nulls_distinct=False, which SQLite cannot enforce.
    return [
        models.UniqueConstraint(
            fields=["user", "role"],
            condition=nothing,
            name="accounts_roleassignment_unique_user_role_national",
            violation_error_message=message,
        ),
        *(
            models.UniqueConstraint(
                fields=["user", "role", name],
                condition=models.Q(**{f"{name}__isnull": False}),
                name=f"accounts_roleassignment_unique_user_role_{name}",
                violation_error_message=message,
            )
            for name in SCOPE_FIELDS.values()
        ),
    ]


HELD_FIELDS = (
    "id", "user", "role", "province", "area", "valid_from", "valid_until",
    "province__code", "province__name_th", "province__name_en",
    "area__code", "area__name_th", "area__name_en", "area__province",
)  # fmt: skip


class RoleAssignmentQuerySet(ScopedQuerySet):
    def held(self, day=None) -> list:
        """The assignments in force on `day` (today) with the place each holds, read on every signed-in request
        (the scope engine, the menu): only what they use, the place's code and names, not an area's boundary.
        A user holds a handful of assignments, so which are in force is decided here rather than in SQL: the
        query is a third cheaper to build."""
        day = day or timezone.localdate()
        rows = self.select_related("province", "area").only(*HELD_FIELDS).order_by("role", "pk")
        return [row for row in rows if row.in_force_on(day)]

    def in_force(self, day=None):
        """Assignments valid on `day` (today): an expired or future assignment grants nothing."""
        day = day or timezone.localdate()
        return self.filter(
            models.Q(valid_from__isnull=True) | models.Q(valid_from__lte=day),
            models.Q(valid_until__isnull=True) | models.Q(valid_until__gte=day),
        )


class RoleAssignment(EcoTownModel):
    """A role given to a user at one point of the scope path (บทบาทและขอบเขต), for a period.

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
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="role_assignments",
        verbose_name=_("area"),
    )
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_until = models.DateField(
        _("valid until"), null=True, blank=True, help_text=_("Empty: until the role is taken away.")
    )

    # A provincial officer manages the assignments of their province and of the areas in it.
    scope = Scope.root(province=["province", "area__province"], area="area")
    select_related_fields = ("user", "province", "area")

    objects = RoleAssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("role assignment")
        verbose_name_plural = _("role assignments")
        ordering = ["user__username", "role"]
        constraints = _unique_per_scope()

    def in_force_on(self, day) -> bool:
        """As RoleAssignmentQuerySet.in_force, for one loaded assignment."""
        started = self.valid_from is None or self.valid_from <= day
        return started and (self.valid_until is None or self.valid_until >= day)

    def __str__(self):
        scope = self.scope_object
        return f"{self.get_role_display()} · {scope}" if scope else str(self.get_role_display())

    @property
    def scope_kind(self) -> ScopeKind:
        return Role(self.role).scope_kind

    @property
    def scope_object(self):
        name = SCOPE_FIELDS.get(self.scope_kind)
        return getattr(self, name) if name else None

    @property
    def scope_id(self):
        name = SCOPE_FIELDS.get(self.scope_kind)
        return getattr(self, f"{name}_id") if name else None

    def clean(self):
        if not self.role:
            return
        errors = {}
        for kind, name in SCOPE_FIELDS.items():
            given = getattr(self, f"{name}_id") is not None
            if kind == self.scope_kind and not given:
                errors[name] = _("This role is given for one {place}: choose it.").format(
                    place=self._meta.get_field(name).verbose_name
                )
            elif kind != self.scope_kind and given:
                errors[name] = _("This role is not given per {place}: leave it empty.").format(
                    place=self._meta.get_field(name).verbose_name
                )
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            errors["valid_until"] = _("The end of the period comes before its start.")
        if errors:
            raise ValidationError(errors)
