"""Progress at a glance on every role's home page, each figure within the user's scope (`for_user`): the share
of this fiscal year's targets met, the areas still owing results, overdue corrective actions, the plan
versions awaiting approval and the upgrade projects' deliverables awaiting DIW's acceptance. A figure the user's
roles cannot see at all is left out; the card is shown to whoever may see one of its figures (`shows_glance`)."""

from dataclasses import dataclass

from django.db.models import Count
from django.utils import timezone

from ecotown.areas.models import Area
from ecotown.audits.choices import ActionStatus
from ecotown.audits.models import CorrectiveAction
from ecotown.core.dates import current_fiscal_year
from ecotown.core.scopes import is_programme_staff, may
from ecotown.dashboards.results import AWAITING, HAS_RESULT, MET
from ecotown.plans.choices import VersionStatus
from ecotown.plans.models import PlanVersion
from ecotown.support.choices import DeliverableStatus
from ecotown.support.models import Deliverable
from ecotown.targets.models import Target

SHOWN_AREAS = 5


@dataclass
class Glance:
    fiscal_year: int
    targets: dict | None = None  # total, reported, met, and the share met of those reported
    unreported: list | None = None  # areas with a target of the year still awaiting its result
    unreported_count: int = 0
    overdue_actions: int | None = None
    awaiting_approval: int | None = None
    awaiting_acceptance: int | None = None  # deliverables submitted to DIW, not yet accepted or returned

    @property
    def met_share(self) -> int | None:
        if not self.targets or not self.targets["reported"]:
            return None
        return round(100 * self.targets["met"] / self.targets["reported"])


def shows_glance(user) -> bool:
    """The programme's staff, and the consultants, whose projects' deliverables are in their scope."""
    return is_programme_staff(user) or may(user, Deliverable.permission_name("view"))


def glance(user) -> Glance:
    year = current_fiscal_year()
    shown = Glance(year)
    if may(user, Target.permission_name("view")):
        targets = Target.objects.for_user(user).filter(fiscal_year=year)
        shown.targets = targets.aggregate(total=Count("pk"), reported=Count("pk", filter=HAS_RESULT),
                                          met=Count("pk", filter=MET))  # fmt: skip
        owing = Area.objects.filter(pk__in=targets.filter(AWAITING).values("area")).order_by("code")
        shown.unreported = list(owing.select_related("province")[:SHOWN_AREAS])
        shown.unreported_count = len(shown.unreported) if len(shown.unreported) < SHOWN_AREAS else owing.count()
    if may(user, CorrectiveAction.permission_name("view")):
        shown.overdue_actions = (
            CorrectiveAction.objects.for_user(user)
            .filter(status=ActionStatus.PROPOSED, due_on__lt=timezone.localdate())
            .count()
        )
    if is_programme_staff(user):  # the public reads approved versions only: none awaits for them
        shown.awaiting_approval = PlanVersion.objects.for_user(user).filter(status=VersionStatus.SUBMITTED).count()
    if may(user, Deliverable.permission_name("view")):
        submitted = Deliverable.objects.for_user(user, "view").filter(status=DeliverableStatus.SUBMITTED)
        shown.awaiting_acceptance = submitted.aggregate(count=Count("pk"))["count"]
    return shown
