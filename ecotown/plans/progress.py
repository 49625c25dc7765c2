"""Progress and money of plans, read in SQL: a project's progress is its latest quarterly report (under any
version of the plan: the project keeps its key), a plan's is the mean of its projects' in the version shown."""

from django.db.models import Avg, Count, DecimalField, IntegerField, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from ecotown.plans.models import BudgetLine, ProgressReport, Project

ZERO = Value(0, output_field=DecimalField(max_digits=18, decimal_places=2))


def _latest(field: str):
    reports = ProgressReport.objects.filter(project__key=OuterRef("key")).order_by("-fiscal_year", "-quarter", "-pk")
    return Subquery(reports.values(field)[:1])


def _spent():
    reports = ProgressReport.objects.filter(project__key=OuterRef("key")).order_by().values("project__key")
    return Coalesce(Subquery(reports.annotate(total=Sum("spent")).values("total")), ZERO)


def _budget():
    lines = BudgetLine.objects.filter(project=OuterRef("pk")).order_by().values("project")
    return Coalesce(Subquery(lines.annotate(total=Sum("amount")).values("total")), ZERO)


def with_progress(projects):
    """Projects with `progress` (percent of the latest report, 0 without one), `latest_status`, `latest_year`,
    `latest_quarter`, `spent` (all reports) and `budget` (all budget lines)."""
    return projects.annotate(
        progress=Coalesce(_latest("percent_complete"), Value(0), output_field=IntegerField()),
        latest_status=_latest("status"),
        latest_year=_latest("fiscal_year"),
        latest_quarter=_latest("quarter"),
        spent=_spent(),
        budget=_budget(),
    )


def with_plan_figures(plans):
    """Plans with the figures of the version shown (the approved one, else the newest): `project_count`,
    `budget_total`, `progress` — each one subquery, so a list page costs the same whatever its length."""
    plans = plans.annotate(shown_version_id=Coalesce("approved_version_id", "latest_version_id"))
    projects = Project.objects.filter(version=OuterRef("shown_version_id")).order_by().values("version")
    lines = BudgetLine.objects.filter(project__version=OuterRef("shown_version_id")).order_by()
    progress = (
        Project.objects.filter(version=OuterRef("shown_version_id"))
        .annotate(done=Coalesce(_latest("percent_complete"), Value(0), output_field=IntegerField()))
        .order_by()
        .values("version")
        .annotate(mean=Avg("done"))
        .values("mean")
    )
    return plans.annotate(
        project_count=Coalesce(Subquery(projects.annotate(n=Count("pk")).values("n")), Value(0)),
        budget_total=Coalesce(
            Subquery(lines.values("project__version").annotate(total=Sum("amount")).values("total")), ZERO
        ),
        progress=Subquery(progress),
    )


def budget_by_year_and_source(versions) -> dict:
    """{(fiscal_year, source): amount} for a version (or a queryset of version ids), summed in SQL."""
    if hasattr(versions, "query"):
        lines = BudgetLine.objects.filter(project__version__in=versions)
    else:
        lines = BudgetLine.objects.filter(project__version=versions)
    rows = lines.order_by().values("fiscal_year", "source").annotate(total=Sum("amount"))
    return {(row["fiscal_year"], row["source"]): row["total"] for row in rows}


def plan_progress(projects) -> float | None:
    """The mean progress of projects already annotated by `with_progress` (None without projects)."""
    values = [project.progress for project in projects]
    return sum(values) / len(values) if values else None
