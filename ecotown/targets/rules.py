from ecotown.accounts.choices import Role
from ecotown.core.scopes import grant

# Areas set and report their own targets; the province follows them; the internal auditor reads them. Targets
# and results are separate permissions: recording a result (the data-entry page) is not changing a target.
for model in ("target", "actual"):
    grant(f"targets.view_{model}", Role.PROVINCIAL_OFFICER, Role.AREA_SECRETARY, Role.INTERNAL_AUDITOR)
    for action in ("add", "change", "delete"):
        grant(f"targets.{action}_{model}", Role.PROVINCIAL_OFFICER, Role.AREA_SECRETARY)
