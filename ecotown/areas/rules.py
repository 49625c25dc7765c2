from ecotown.accounts.choices import Role
from ecotown.core.scopes import grant

grant("areas.view_area", Role.PUBLIC)
grant("areas.add_area", Role.PROVINCIAL_OFFICER)
grant("areas.change_area", Role.PROVINCIAL_OFFICER, Role.AREA_SECRETARY)
# Years of records hang on an area: only the DIW administrator deletes one (and only when nothing does).
grant("areas.delete_area")
# The programme status and certified level: the DIW administrator only, until audits derive them.
grant("areas.set_status_area")
# Contacts are personal data (PDPA): programme staff only, never the public.
grant("areas.view_areacontact", Role.PROVINCIAL_OFFICER, Role.AREA_SECRETARY, Role.INTERNAL_AUDITOR)
for action in ("add", "change", "delete"):
    grant(f"areas.{action}_areacontact", Role.PROVINCIAL_OFFICER, Role.AREA_SECRETARY)
grant("areas.view_programme", Role.PUBLIC)
