"""Action-plan progress (plans): the area's action plans, the version in force (approved, else the newest), and
each project's progress as its latest quarterly report of a quarter begun by the cut-off date."""

import datetime

from django.db.models import Sum
from django.utils.translation import gettext as _

from ecotown.core.dates import fiscal_year_bounds
from ecotown.plans.choices import PlanLevel, ProjectStatus
from ecotown.plans.models import BudgetLine, Plan, ProgressReport, Project
from ecotown.reports.charts import Chart
from ecotown.reports.sections import Table


def quarter_start(fiscal_year: int, quarter: int) -> datetime.date:
    first = fiscal_year_bounds(fiscal_year)[0]
    month = first.month + 3 * (quarter - 1)
    return datetime.date(first.year + (month - 1) // 12, (month - 1) % 12 + 1, 1)


def build(inp, result) -> None:
    plans = list(Plan.objects.filter(area=inp.area, level=PlanLevel.AREA_ACTION)
                 .select_related("approved_version", "latest_version").order_by("first_year", "pk"))  # fmt: skip
    if not plans:
        result.missing.append(_("Action plan: the area has no action plan recorded."))
        return
    rows, status_counts = [], {}
    for plan in plans:
        version = plan.approved_version or plan.latest_version
        if plan.approved_version is None:
            result.missing.append(_("Action plan “{plan}” has no approved version: its newest draft is shown.")
                                  .format(plan=plan.title_th))  # fmt: skip
        rows.extend(_project_rows(inp, plan, version, result, status_counts))
    result.tables.append(Table("plan_projects", _("Projects of the action plan and their progress"), [
        _("Plan"), _("Code"), _("Project"), _("Status"), _("Progress (%)"), _("Budget (baht)"),
        _("Spent (baht)")], rows, pdf_rows=50))  # fmt: skip
    if rows:
        mean = sum(row[4] for row in rows) / len(rows)
        result.paragraphs.append(_("{n} projects; mean progress {mean:.0f}%.").format(n=len(rows), mean=mean))
        labels = dict(ProjectStatus.choices)
        result.charts.append(Chart(_("Projects by status"), _("projects"), [str(labels[s]) for s in status_counts],
                                   [(_("projects"), list(status_counts.values()))]))  # fmt: skip


def _project_rows(inp, plan, version, result, status_counts) -> list[list]:
    projects = list(Project.objects.filter(version=version).order_by("position", "pk"))
    reports = {}
    for report in ProgressReport.objects.filter(project__key__in=[p.key for p in projects],
                                                fiscal_year__lte=inp.current).select_related("project"):  # fmt: skip
        if quarter_start(report.fiscal_year, report.quarter) <= inp.cut_off:
            reports.setdefault(report.project.key, []).append(report)
    budgets = dict(BudgetLine.objects.filter(project__in=projects).values("project").annotate(total=Sum("amount"))
                   .values_list("project", "total"))  # fmt: skip
    rows = []
    for project in projects:
        done = sorted(reports.get(project.key, []), key=lambda r: (r.fiscal_year, r.quarter, r.pk))
        latest = done[-1] if done else None
        status = latest.status if latest else ProjectStatus.NOT_STARTED
        status_counts[status] = status_counts.get(status, 0) + 1
        if latest is None:
            result.missing.append(_("Action plan: project “{project}” has no progress report.")
                                  .format(project=project.title))  # fmt: skip
        rows.append([
            plan.title_th, project.code, project.title, str(ProjectStatus(status).label),
            latest.percent_complete if latest else 0, float(budgets.get(project.pk) or 0),
            float(sum(r.spent for r in done)),
        ])  # fmt: skip
    return rows
