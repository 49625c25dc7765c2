from ecotown.accounts.choices import Role
from ecotown.core.scopes import grant

# Exchanges are the programme's follow-up work with factories: the province's officers and the area's
# secretariat run the matching and follow candidates up; the area's internal auditor reads them; a factory's
# operators read the exchanges their factory supplies or receives. The public reads none (they name factories'
# residues and quantities).
READERS = (Role.PROVINCIAL_OFFICER, Role.AREA_SECRETARY, Role.INTERNAL_AUDITOR)
grant("symbiosis.view_exchange", *READERS, Role.FACTORY_OPERATOR)
grant("symbiosis.view_exchangeflow", *READERS, Role.FACTORY_OPERATOR)
grant("symbiosis.view_matchingrun", *READERS)
grant("symbiosis.add_exchange", Role.PROVINCIAL_OFFICER, Role.AREA_SECRETARY)  # run the matching
grant("symbiosis.change_exchange", Role.PROVINCIAL_OFFICER, Role.AREA_SECRETARY)  # the named steps
# Realised exchanges are flows in two factories' balances: nobody but the DIW administrator deletes one.
grant("symbiosis.delete_exchange")
grant("symbiosis.view_matchingtable", *READERS)
