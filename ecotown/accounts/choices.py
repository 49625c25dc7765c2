from django.db import models
from django.utils.translation import gettext_lazy as _


class ScopeKind(models.TextChoices):
    """Points on the scope path national → province → area → factory, plus per-object assignment."""

    NATIONAL = "national", _("National")
    PROVINCE = "province", _("Province")
    AREA = "area", _("Area")
    FACTORY = "factory", _("Factory")
    # External auditors and consultants reach objects through what they are assigned to (an assessment, an
    # engagement), recorded on those objects by later apps.
    ASSIGNED = "assigned", _("Assigned work")
    NONE = "none", _("Public pages only")


class Role(models.TextChoices):
    DIW_ADMIN = "diw_admin", _("DIW administrator")
    PROVINCIAL_OFFICER = "provincial_officer", _("Provincial industry officer")
    AREA_SECRETARY = "area_secretary", _("Area secretariat")
    INTERNAL_AUDITOR = "internal_auditor", _("Internal auditor")
    EXTERNAL_AUDITOR = "external_auditor", _("External auditor")
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
    Role.FACTORY_OPERATOR: ScopeKind.FACTORY,
    Role.CONSULTANT: ScopeKind.ASSIGNED,
    Role.PUBLIC: ScopeKind.NONE,
}
