"""Carrying an area's targets, results and evidence over to a new catalogue version (criteria.services)."""

from simple_history.utils import bulk_create_with_history

from ecotown.core.models import Evidence
from ecotown.targets.models import Actual, Target


def _carried(old, first_fiscal_year, new_codes):
    return list(
        Target.objects.filter(
            requirement__catalogue=old, fiscal_year__gte=first_fiscal_year, requirement__code__in=list(new_codes)
        )
        .select_related("area", "requirement", "actual")
        .prefetch_related("evidence")
        .order_by("area__code", "requirement__position", "fiscal_year")
    )


def _existing(new) -> set:
    return set(
        Target.objects.filter(requirement__catalogue=new).values_list("area_id", "requirement__code", "fiscal_year")
    )


class TargetCarrier:
    """Targets of the fiscal years the new version governs, on requirements whose code is unchanged, are copied
    with their result and evidence; what the new version already has is kept as it is."""

    def preview(self, preview, old, new_codes) -> None:
        existing = _existing(preview.new)
        by_area = {}
        for target in _carried(old, preview.first_fiscal_year, new_codes):
            if (target.area_id, target.requirement.code, target.fiscal_year) in existing:
                preview.already += 1
                continue
            counts = by_area.setdefault(target.area_id, [target.area, 0, 0])
            counts[1] += 1
            preview.targets += 1
            preview.evidence += len(target.evidence.all())
            if getattr(target, "actual", None) is not None:
                counts[2] += 1
                preview.results += 1
        preview.areas = sorted((tuple(counts) for counts in by_area.values()), key=lambda row: row[0].code)

    def carry(self, preview, old, new, acting_user, reason) -> None:
        new_codes = dict(new.requirements.values_list("code", "pk"))
        existing = _existing(new)
        sources, copies = [], []
        for target in _carried(old, preview.first_fiscal_year, new_codes):
            if (target.area_id, target.requirement.code, target.fiscal_year) in existing:
                continue
            sources.append(target)
            copies.append(
                Target(
                    area_id=target.area_id, requirement_id=new_codes[target.requirement.code],
                    fiscal_year=target.fiscal_year, baseline_value=target.baseline_value,
                    baseline_year=target.baseline_year, target_value=target.target_value, direction=target.direction,
                    unit=target.unit, data_source=target.data_source, notes=target.notes,
                )
            )  # fmt: skip
        created = bulk_create_with_history(copies, Target, default_user=acting_user, default_change_reason=reason)
        actuals, evidence = [], []
        for source, copy in zip(sources, created, strict=True):
            actual = getattr(source, "actual", None)
            if actual is not None:
                actuals.append(
                    Actual(target_id=copy.pk, value=actual.value, recorded_on=actual.recorded_on,
                           evidence_url=actual.evidence_url, notes=actual.notes)
                )  # fmt: skip
            evidence.extend(
                Evidence(owner_type_id=item.owner_type_id, owner_id=copy.pk, file_id=item.file_id,
                         file_name=item.file_name, linked_type_id=item.linked_type_id, linked_id=item.linked_id,
                         title=item.title)
                for item in source.evidence.all()
            )  # fmt: skip
        bulk_create_with_history(actuals, Actual, default_user=acting_user, default_change_reason=reason)
        bulk_create_with_history(evidence, Evidence, default_user=acting_user, default_change_reason=reason)
