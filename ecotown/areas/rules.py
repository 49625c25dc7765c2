from ecotown.accounts.choices import Role
from ecotown.accounts.scopes import grant

grant("areas.view_area", Role.PUBLIC)
grant("areas.add_area", Role.PROVINCIAL_OFFICER)
grant("areas.change_area", Role.PROVINCIAL_OFFICER, Role.AREA_SECRETARY)
grant("areas.delete_area", Role.PROVINCIAL_OFFICER)
grant("areas.view_areacontact", Role.PUBLIC)
for action in ("add", "change", "delete"):
    grant(f"areas.{action}_areacontact", Role.PROVINCIAL_OFFICER, Role.AREA_SECRETARY)
grant("areas.view_programme", Role.PUBLIC)
