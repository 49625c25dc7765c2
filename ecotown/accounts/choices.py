from django.db import models
from django.utils.translation import gettext_lazy as _


class ScopeKind(models.TextChoices):
    """Points on the scope path a role is given at (core.scopes)."""

    NATIONAL = "national", _("National")
    PROVINCE = "province", _("Province")
    AREA = "area", _("Area")
    # External auditors, consultants and factory operators reach objects through the work they are assigned
    # (an audit team, a consulting engagement, a factory's operators), recorded on those objects.
    ASSIGNED = "assigned", _("Assigned work")
    NONE = "none", _("Public pages only")


class Role(models.TextChoices):
    DIW_ADMIN = "diw_admin", _("DIW administrator")
    PROVINCIAL_OFFICER = "provincial_officer", _("Provincial industry officer")
    AREA_SECRETARY = "area_secretary", _("Area secretariat")
    INTERNAL_AUDITOR = "internal_auditor", _("Internal auditor")
    EXTERNAL_AUDITOR = "external_auditor", _("Central auditor")
    FACTORY_OPERATOR = "factory_operator", _("Factory operator")
    CONSULTANT = "consultant", _("Consultant")
    PUBLIC = "public", _("Public (read only)")

    @property
    def scope_kind(self) -> "ScopeKind":
        return ROLE_SCOPE[self]


ROLE_SCOPE = {
    Role.DIW_ADMIN: ScopeKind.NATIONAL,
    Role.PROVINCIAL_OFFICER: ScopeKind.PROVINCE,
    Role.AREA_SECRETARY: ScopeKind.AREA,
    Role.INTERNAL_AUDITOR: ScopeKind.AREA,
    Role.EXTERNAL_AUDITOR: ScopeKind.ASSIGNED,
    Role.FACTORY_OPERATOR: ScopeKind.ASSIGNED,
    Role.CONSULTANT: ScopeKind.ASSIGNED,
    Role.PUBLIC: ScopeKind.NONE,
}

# Roles of the programme's own staff, who may read who changed what (history) and internal notes. Factory
# operators and consultants work on their factories, not the programme: like the public, they see published
# data without people's names (Thailand's PDPA).
STAFF_ROLES = frozenset(
    {Role.DIW_ADMIN, Role.PROVINCIAL_OFFICER, Role.AREA_SECRETARY, Role.INTERNAL_AUDITOR, Role.EXTERNAL_AUDITOR}
)
