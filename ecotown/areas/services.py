"""Named changes to areas: status steps (AREA_WORKFLOW) with the acting user and a reason."""

from django.db import transaction

from ecotown.areas.models import AREA_WORKFLOW


@transaction.atomic
def start_development(area, *, acting_user, reason: str):
    return AREA_WORKFLOW.run(area, "start_development", acting_user=acting_user, reason=reason)


@transaction.atomic
def record_certification(area, *, level: int, valid_until, acting_user, reason: str):
    """Until the audits app derives it from the expert committee's decision, DIW records the level here."""
    return AREA_WORKFLOW.run(
        area,
        "record_certification",
        acting_user=acting_user,
        reason=reason,
        certified_level=level,
        certified_until=valid_until,
    )


@transaction.atomic
def lapse(area, *, acting_user, reason: str):
    return AREA_WORKFLOW.run(
        area, "lapse", acting_user=acting_user, reason=reason, certified_level=None, certified_until=None
    )


STEPS = {"start_development": start_development, "record_certification": record_certification, "lapse": lapse}
