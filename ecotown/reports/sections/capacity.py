"""Capacity building delivered (support): trainings, study visits and in-depth consulting of the area's upgrade
projects per fiscal year, against the seed's targets of the terms of reference (30 factories trained, 30 on
study visits, 60 consulting man-days)."""

from django.utils.translation import gettext as _

from ecotown.reports.charts import Chart
from ecotown.reports.sections import Table
from ecotown.support.models import UpgradeProject
from ecotown.support.progress import capacity_figures


def build(inp, result) -> None:
    rows, trained, visited, man_days = [], [], [], []
    for year in inp.years:
        figures = capacity_figures(inp.area, year, year)
        rows.append([
            year, figures.trainings, figures.factories_trained, figures.study_visits, figures.factories_visited,
            float(figures.man_days), figures.engagements, figures.reports,
        ])  # fmt: skip
        trained.append(figures.factories_trained)
        visited.append(figures.factories_visited)
        man_days.append(float(figures.man_days))
    whole = capacity_figures(inp.area, inp.baseline, inp.current)
    result.paragraphs.append(
        _(
            "From fiscal year {first} to {last}: {trainings} trainings reached {trained} factories, {visits} study "
            "visits took {visited} factories, and {man_days} man-days of in-depth consulting went to {engagements} "
            "factories, with {reports} consulting reports issued. A factory reached in two years counts once in "
            "the whole period."
        ).format(
            first=inp.baseline,
            last=inp.current,
            trainings=whole.trainings,
            trained=whole.factories_trained,
            visits=whole.study_visits,
            visited=whole.factories_visited,
            man_days=whole.man_days,
            engagements=whole.engagements,
            reports=whole.reports,
        )
    )
    result.tables.append(Table("capacity_by_year", _("Capacity building by fiscal year"), [
        _("Fiscal year"), _("Trainings"), _("Factories trained"), _("Study visits"), _("Factories on study visits"),
        _("Consulting man-days"), _("Factories consulted"), _("Consulting reports issued")], rows))  # fmt: skip
    result.charts.append(Chart(_("Factories reached and consulting man-days"), _("factories / man-days"),
                               [str(year) for year in inp.years],
                               [(_("factories trained"), trained), (_("factories on study visits"), visited),
                                (_("consulting man-days"), man_days)]))  # fmt: skip
    if not UpgradeProject.objects.filter(area=inp.area).exists():
        result.missing.append(_("Capacity building: no upgrade project of the area is recorded."))
