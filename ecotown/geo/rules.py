from ecotown.accounts.choices import Role
from ecotown.core.scopes import grant

# Geography is public reference data.
for model in ("province", "district", "subdistrict"):
    grant(f"geo.view_{model}", Role.PUBLIC)
