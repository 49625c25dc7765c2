from ecotown.accounts.choices import Role
from ecotown.core.scopes import grant

# The criteria are public reference data: anyone may read every version.
for model in ("catalogue", "level", "dimension", "requirement"):
    grant(f"criteria.view_{model}", Role.PUBLIC)

# Only DIW administrators (who hold every permission) load catalogues; registering the permission is enough.
grant("criteria.add_catalogue")

# An area chooses its specific requirements; the provincial officer and the area secretariat decide it.
# Which specific requirements an area adopted is public, like the criteria themselves.
grant("criteria.view_arearequirementselection", Role.PUBLIC)
for action in ("add", "change", "delete"):
    grant(f"criteria.{action}_arearequirementselection", Role.PROVINCIAL_OFFICER, Role.AREA_SECRETARY)
