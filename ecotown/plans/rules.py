from ecotown.accounts.choices import Role
from ecotown.core.scopes import grant

# Approved plans, their projects and progress are public (Plan.public_filter and its children: approved and
# superseded versions only); drafts are the programme staff's of the plan's place.
STAFF = (Role.PROVINCIAL_OFFICER, Role.AREA_SECRETARY, Role.INTERNAL_AUDITOR)
for model in ("plan", "planversion", "project", "budgetline", "kpi", "progressreport"):
    grant(f"plans.view_{model}", Role.PUBLIC, *STAFF)

# The area secretariat drafts its area's action plan and reports its progress; the provincial officer does the
# same for the province's plans and its areas'. DIW (all-powerful) keeps the national plan.
EDITORS = (Role.PROVINCIAL_OFFICER, Role.AREA_SECRETARY)
for model in ("plan", "planversion", "project", "budgetline", "kpi", "progressreport"):
    for action in ("add", "change", "delete"):
        grant(f"plans.{action}_{model}", *EDITORS)
# Approval is a committee's resolution; those who record the resolutions of the place's committees record it.
grant("plans.approve_planversion", *EDITORS)
