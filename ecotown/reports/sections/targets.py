"""Targets met (targets): for each fiscal year, the area's target values set, met, missed and still awaiting a
result recorded by the cut-off date; and every target of the two years compared."""

from collections import Counter

from django.utils.translation import gettext as _

from ecotown.reports.charts import Chart
from ecotown.reports.sections import Table
from ecotown.targets import evaluation
from ecotown.targets.choices import TargetStatus
from ecotown.targets.models import Target

STATUSES = (TargetStatus.MET, TargetStatus.MISSED, TargetStatus.AWAITING)


def target_status(target, cut_off) -> str:
    actual = getattr(target, "actual", None)
    value = actual.value if actual is not None and actual.recorded_on <= cut_off else None
    return evaluation.status(target.target_value, value, target.requirement.target_kind, target.direction)


def build(inp, result) -> None:
    targets = list(
        Target.objects.filter(area=inp.area, fiscal_year__in=inp.years)
        .select_related("requirement", "actual")
        .order_by("fiscal_year", "requirement__code")
    )
    counts = {year: Counter() for year in inp.years}
    detail = []
    for target in targets:
        status = target_status(target, inp.cut_off)
        counts[target.fiscal_year][status] += 1
        if target.fiscal_year in (inp.baseline, inp.current):
            kind = target.requirement.target_kind
            actual = getattr(target, "actual", None)
            shown = actual.value if actual is not None and actual.recorded_on <= inp.cut_off else None
            detail.append([
                target.fiscal_year, target.requirement.code, target.requirement.title_th,
                evaluation.format_value(target.target_value, kind, target.unit),
                evaluation.format_value(shown, kind, target.unit), str(TargetStatus(status).label),
            ])  # fmt: skip
    summary = []
    for year in inp.years:
        total = sum(counts[year].values())
        met = counts[year][TargetStatus.MET]
        summary.append([year, total, met, counts[year][TargetStatus.MISSED], counts[year][TargetStatus.AWAITING],
                        round(100 * met / total, 1) if total else None])  # fmt: skip
        if not total:
            result.missing.append(_("Targets: no target value is set for fiscal year {year}.").format(year=year))
        elif counts[year][TargetStatus.AWAITING]:
            result.missing.append(
                _("Targets: {n} target values of fiscal year {year} have no result recorded by the cut-off date.")
                .format(n=counts[year][TargetStatus.AWAITING], year=year)
            )  # fmt: skip
    result.tables.append(
        Table(
            "targets_by_year",
            _("Targets met by fiscal year"),
            [_("Fiscal year"), _("Targets set"), _("Met"), _("Missed"), _("Awaiting result"), _("Met (%)")],
            summary,
        )
    )
    result.tables.append(Table("targets", _("Target values of the two years compared"), [
        _("Fiscal year"), _("Code"), _("Requirement"), _("Target value"), _("Result"), _("Status")], detail,
        pdf_rows=60))  # fmt: skip
    result.charts.append(Chart(
        _("Target values by status"), _("targets"), [str(year) for year in inp.years],
        [(str(TargetStatus(status).label), [counts[year][status] for year in inp.years]) for status in STATUSES],
        stacked=True,
    ))  # fmt: skip
