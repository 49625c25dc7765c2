from ecotown.accounts.choices import Role
from ecotown.core.scopes import grant

# Provincial officers appoint area secretariats and internal auditors for the areas of their province
# (accounts.services.grantable_roles); only DIW appoints provincial officers, central auditors and DIW staff.
grant("accounts.view_roleassignment", Role.PROVINCIAL_OFFICER, Role.AREA_SECRETARY)
grant("accounts.add_roleassignment", Role.PROVINCIAL_OFFICER)
grant("accounts.change_roleassignment", Role.PROVINCIAL_OFFICER)
grant("accounts.delete_roleassignment", Role.PROVINCIAL_OFFICER)

# Which roles a holder of each role may give (within their own scope). The DIW administrator gives any role.
GRANTABLE_ROLES = {
    Role.PROVINCIAL_OFFICER: {Role.AREA_SECRETARY, Role.INTERNAL_AUDITOR},
}
