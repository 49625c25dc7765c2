"""Named changes to factories, each with the acting user (history records who)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ecotown.core.workflow import Transition, Workflow
from ecotown.factories.choices import MassBalanceStatus
from ecotown.factories.models import Factory


@transaction.atomic
def assign_factories_from_districts(area, *, acting_user) -> int:
    """Add to `area` every factory located in the districts or subdistricts it covers; returns how many were
    added. Factories already in the area stay; none is taken out (a factory may sit in two areas, and one placed
    by hand outside the districts stays placed)."""
    district_ids = list(area.districts.values_list("pk", flat=True))
    subdistrict_ids = list(area.subdistricts.values_list("pk", flat=True))
    if not district_ids and not subdistrict_ids:
        return 0
    located = Q(district_id__in=district_ids) | Q(subdistrict_id__in=subdistrict_ids)
    candidates = Factory.objects.filter(located, province_id=area.province_id).exclude(areas=area)
    added = 0
    # One factory at a time from the factory's side: simple-history records the many-to-many change on the
    # factory only when the factory's own relation changes.
    for factory in candidates.only("pk", "revision").iterator(chunk_size=500):
        factory._history_user = acting_user
        factory._change_reason = "assign_from_districts"
        factory.areas.add(area)
        added += 1
    return added


@transaction.atomic
def link_operator(factory, user, *, acting_user) -> None:
    """Let `user` (a factory-operator account) enter and submit this factory's data."""
    factory._history_user = acting_user
    factory.operators.add(user)


# -- mass balances ----------------------------------------------------------------------------------------------

MASS_BALANCE_WORKFLOW = Workflow(
    "status",
    Transition("submit", (MassBalanceStatus.DRAFT, MassBalanceStatus.RETURNED), MassBalanceStatus.SUBMITTED,
               "factories.submit_massbalance", _("Submit for review")),
    Transition("accept", (MassBalanceStatus.SUBMITTED,), MassBalanceStatus.ACCEPTED, "factories.review_massbalance",
               _("Accept")),
    Transition("return", (MassBalanceStatus.SUBMITTED,), MassBalanceStatus.RETURNED, "factories.review_massbalance",
               _("Return for correction"), needs_reason=True),
)  # fmt: skip


@transaction.atomic
def submit_mass_balance(balance, *, acting_user):
    """The operator sends the year's figures for review; a balance without a single flow is refused."""
    if not balance.flows.exists():
        raise ValidationError(_("Enter the year's flows before submitting."))
    return MASS_BALANCE_WORKFLOW.run(balance, "submit", acting_user=acting_user, return_reason="")


@transaction.atomic
def accept_mass_balance(balance, *, acting_user):
    return MASS_BALANCE_WORKFLOW.run(balance, "accept", acting_user=acting_user)


@transaction.atomic
def return_mass_balance(balance, *, acting_user, reason: str):
    return MASS_BALANCE_WORKFLOW.run(balance, "return", acting_user=acting_user, reason=reason, return_reason=reason)


STEPS = {"submit": submit_mass_balance, "accept": accept_mass_balance, "return": return_mass_balance}
