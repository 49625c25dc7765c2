from ecotown.accounts.choices import Role
from ecotown.core.scopes import grant

# Capacity building is the programme's work with named people and factories: the province's officers and the
# area's secretariat read it; consultants read the projects whose team they are on and the engagements they
# carry out (scope paths on the models). Nothing is public: attendance lists name people.
READERS = (Role.PROVINCIAL_OFFICER, Role.AREA_SECRETARY, Role.CONSULTANT)
MODELS = ("upgradeproject", "projectteammember", "projecttarget", "deliverable", "training", "trainingattendance",
          "studyvisit", "studyvisitparticipant", "consultingengagement", "consultingvisit")  # fmt: skip
for model in MODELS:
    grant(f"support.view_{model}", *READERS)

# The contract (its team and targets) is DIW's: only the DIW administrator, who holds every permission, records it.
for model in ("upgradeproject", "projectteammember", "projecttarget"):
    for action in ("add", "change", "delete"):
        grant(f"support.{action}_{model}")

# The consultant's team does the work: deliverables, trainings, study visits, engagements and their visits.
for model in ("deliverable", "training", "trainingattendance", "studyvisit", "studyvisitparticipant",
              "consultingengagement", "consultingvisit"):  # fmt: skip
    for action in ("add", "change", "delete"):
        grant(f"support.{action}_{model}", Role.CONSULTANT)
grant("support.issue_report_consultingengagement", Role.CONSULTANT)
# DIW accepts or returns deliverables (seed 001: "ต้องได้รับความเห็นชอบจากกรมโรงงานอุตสาหกรรม").
grant("support.review_deliverable")
