from ecotown.accounts.choices import Role
from ecotown.core.scopes import grant

# The register is kept by the provincial industry offices (สอจ.) and loaded from the Ministry's open data; the
# area's secretariat and internal auditor read the factories of their area; a factory's operators read their
# own factory. Factories name their operators (people), so the public reads none of this.
# A consultant reads the factories of their consulting engagements (support), with their permits, checks,
# certifications and mass balances: what in-depth consulting works from.
grant("factories.view_factory", Role.PROVINCIAL_OFFICER, Role.AREA_SECRETARY, Role.INTERNAL_AUDITOR,
      Role.FACTORY_OPERATOR, Role.CONSULTANT)  # fmt: skip
grant("factories.add_factory", Role.PROVINCIAL_OFFICER)
grant("factories.change_factory", Role.PROVINCIAL_OFFICER)
# Years of permits, checks and mass balances hang on a factory: only the DIW administrator deletes one.
grant("factories.delete_factory")
# Importing the Ministry's file: a provincial officer's import writes the factories of their own province only.
grant("factories.import_factory", Role.PROVINCIAL_OFFICER)

# Permits, compliance checks, inspections and certifications: read with the factory (its operators too), kept
# by the provincial office.
for model in ("permit", "compliancecheck", "inspection", "certification"):
    grant(f"factories.view_{model}", Role.PROVINCIAL_OFFICER, Role.AREA_SECRETARY, Role.INTERNAL_AUDITOR,
          Role.FACTORY_OPERATOR, Role.CONSULTANT)  # fmt: skip
    for action in ("add", "change", "delete"):
        grant(f"factories.{action}_{model}", Role.PROVINCIAL_OFFICER)
grant("factories.view_factorytarget", Role.PROVINCIAL_OFFICER, Role.AREA_SECRETARY, Role.INTERNAL_AUDITOR)

# Mass balances: the factory's operators enter and submit their own; the provincial office reviews (accepts or
# returns with a reason) and may enter one for a factory that has no account; the area reads them.
for model in ("massbalance", "flow"):
    grant(f"factories.view_{model}", Role.PROVINCIAL_OFFICER, Role.AREA_SECRETARY, Role.INTERNAL_AUDITOR,
          Role.FACTORY_OPERATOR, Role.CONSULTANT)  # fmt: skip
    for action in ("add", "change", "delete"):
        grant(f"factories.{action}_{model}", Role.PROVINCIAL_OFFICER, Role.FACTORY_OPERATOR)
grant("factories.submit_massbalance", Role.FACTORY_OPERATOR, Role.PROVINCIAL_OFFICER)
grant("factories.review_massbalance", Role.PROVINCIAL_OFFICER)
grant("factories.view_emissionfactor", Role.PROVINCIAL_OFFICER, Role.AREA_SECRETARY, Role.INTERNAL_AUDITOR,
      Role.FACTORY_OPERATOR)  # fmt: skip
