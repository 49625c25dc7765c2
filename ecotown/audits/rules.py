from ecotown.accounts.choices import Role
from ecotown.core.scopes import grant

# Audits are the programme's business: the province's officers, the area's secretariat and the auditors of the
# team read them (auditors only through their teams, never with a conflict of interest: models.CONFLICT_PATHS).
READERS = (Role.PROVINCIAL_OFFICER, Role.AREA_SECRETARY, Role.INTERNAL_AUDITOR, Role.EXTERNAL_AUDITOR)
AUDITORS = (Role.INTERNAL_AUDITOR, Role.EXTERNAL_AUDITOR)
for model in ("assessment", "auditteammember", "requirementresult", "finding", "correctiveaction"):
    grant(f"audits.view_{model}", *READERS)

# The province runs the internal audit programme (plan, team, review); DIW alone plans, reviews and closes
# external and surveillance audits (plan_external_assessment is granted to no role: DIW holds everything).
grant("audits.add_assessment", Role.PROVINCIAL_OFFICER)
grant("audits.change_assessment", Role.PROVINCIAL_OFFICER)
grant("audits.review_assessment", Role.PROVINCIAL_OFFICER)
grant("audits.plan_external_assessment")
grant("audits.delete_assessment")
for action in ("add", "change", "delete"):
    grant(f"audits.{action}_auditteammember", Role.PROVINCIAL_OFFICER)

# The team audits: results, findings, verification of corrective actions (services refuse observers).
grant("audits.conduct_assessment", *AUDITORS)
for action in ("add", "change"):
    grant(f"audits.{action}_requirementresult", *AUDITORS)
    grant(f"audits.{action}_finding", *AUDITORS)
grant("audits.verify_correctiveaction", *AUDITORS)
# The area answers its nonconformities.
grant("audits.add_correctiveaction", Role.AREA_SECRETARY)
grant("audits.change_correctiveaction", Role.AREA_SECRETARY)

# Certificates are public (anyone may verify one); only DIW suspends or withdraws.
grant("audits.view_certificate", Role.PUBLIC)
grant("audits.change_certificate")
grant("audits.view_auditorconflict", Role.PROVINCIAL_OFFICER)
grant("audits.add_auditorconflict")
