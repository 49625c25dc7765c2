from ecotown.accounts.choices import Role
from ecotown.core.scopes import grant

# The upgrade report is the programme's account of an area (seed 001): the province's officers, the area's
# secretariat and its internal auditors read it; the province and the area ask for one. It is not public: it
# names factories' complaints and findings, and DIW decides what of it is published.
grant("reports.view_upgradereport", Role.PROVINCIAL_OFFICER, Role.AREA_SECRETARY, Role.INTERNAL_AUDITOR)
grant("reports.add_upgradereport", Role.PROVINCIAL_OFFICER, Role.AREA_SECRETARY)
# Reports are never edited (they are regenerated) and kept: change and delete are DIW's alone.
grant("reports.change_upgradereport")
grant("reports.delete_upgradereport")
