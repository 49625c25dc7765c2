from ecotown.accounts.choices import Role
from ecotown.accounts.scopes import grant

# Provincial officers appoint area secretariats and auditors for the areas of their province.
grant("accounts.view_roleassignment", Role.PROVINCIAL_OFFICER, Role.AREA_SECRETARY)
grant("accounts.add_roleassignment", Role.PROVINCIAL_OFFICER)
grant("accounts.change_roleassignment", Role.PROVINCIAL_OFFICER)
grant("accounts.delete_roleassignment", Role.PROVINCIAL_OFFICER)
