from ecotown.accounts.choices import Role
from ecotown.accounts.scopes import grant

# Areas set and report their own targets; the province follows them; the internal auditor reads them.
for model in ("target", "actual"):
    grant(f"targets.view_{model}", Role.PROVINCIAL_OFFICER, Role.AREA_SECRETARY, Role.INTERNAL_AUDITOR)
    for action in ("add", "change", "delete"):
        grant(f"targets.{action}_{model}", Role.PROVINCIAL_OFFICER, Role.AREA_SECRETARY)
