"""Named changes to criteria data (catalogue loading itself lives in loader.py)."""

from django.db import transaction

from ecotown.criteria.models import AreaRequirementSelection


@transaction.atomic
def select_specific_requirements(area, catalogue, requirements, *, acting_user) -> None:
    """Make `requirements` the specific requirements `area` adopts from `catalogue` (ข้อกำหนดเฉพาะ).

    Selections from other catalogue versions are left alone: targets recorded under them still need them.
    """
    chosen = {requirement.pk for requirement in requirements}
    current = list(area.requirement_selections.filter(requirement__catalogue=catalogue))
    for selection in current:
        if selection.requirement_id not in chosen:
            selection._history_user = acting_user
            selection.delete()
    kept = {selection.requirement_id for selection in current}
    for requirement in requirements:
        if requirement.pk not in kept:
            selection = AreaRequirementSelection(area=area, requirement=requirement)
            selection._history_user = acting_user
            selection.save()
