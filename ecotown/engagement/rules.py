from ecotown.accounts.choices import Role
from ecotown.core.scopes import grant

# Committees, their meetings and resolutions are public: the programme publishes who decided what, when.
# Members, attendance and comments name people (PDPA): programme staff of the committee's place only.
for model in ("committee", "meeting", "agendaitem", "resolution"):
    grant(f"engagement.view_{model}", Role.PUBLIC)
for model in ("membership", "memberattendance", "participant", "comment"):
    grant(f"engagement.view_{model}", Role.PROVINCIAL_OFFICER, Role.AREA_SECRETARY, Role.INTERNAL_AUDITOR)

# The provincial officer runs the provincial committee (the provincial industry officer is its secretary);
# the area secretariat runs the area committee. Both keep their committees' records.
EDITORS = (Role.PROVINCIAL_OFFICER, Role.AREA_SECRETARY)
for model in ("committee", "membership", "meeting", "agendaitem", "memberattendance", "participant", "resolution",
              "comment"):  # fmt: skip
    for action in ("add", "change", "delete"):
        grant(f"engagement.{action}_{model}", *EDITORS)
grant("engagement.view_participationtarget", Role.PUBLIC)
