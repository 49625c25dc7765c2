"""What changed between two versions of a plan (issue 14: "a diff between versions").

Projects are matched by their `key`, which `services.revise` copies to the project's copy in the next version:
a project whose key is only in the newer version was added, only in the older one removed. A matched project is
compared field by field: its own fields, its budget per fiscal year and source, its KPIs (matched by name), the
requirements and targets it serves, and its status — the latest progress report filed on that version's copy
(a version nobody has reported on yet says nothing about status, so it is compared only when both have one).
`compare` reads both versions in five queries, whatever their size; `changes` is the pure rule.
"""

from dataclasses import dataclass, field

from django.db.models import OuterRef, Prefetch, Subquery
from django.utils.translation import gettext_lazy as _

from ecotown.criteria.models import Requirement
from ecotown.plans.choices import BudgetSource, ProjectStatus
from ecotown.plans.models import BudgetLine, Kpi, ProgressReport, Project
from ecotown.plans.versions import compared_version
from ecotown.targets.models import Target

# The project's own fields compared, in the order the page lists them; `kind` tells pages how to print a value.
FIELDS = (
    ("code", "text"),
    ("title", "text"),
    ("rationale", "text"),
    ("owner_organisation", "text"),
    ("supporting_organisations", "text"),
    ("start_date", "date"),
    ("end_date", "date"),
)
KPI_FIELDS = (("unit", "text"), ("baseline", "number"), ("target_value", "number"), ("target_year", "year"))


@dataclass
class Change:
    """One field of a project that differs: `old` or `new` is None when the thing is absent on that side."""

    field: str
    label: str
    old: object
    new: object
    kind: str = "text"  # text, date, money, number, year, list, status


@dataclass
class ProjectChange:
    old: object
    new: object
    changes: list = field(default_factory=list)


@dataclass
class VersionDiff:
    old: object
    new: object
    added: list = field(default_factory=list)
    removed: list = field(default_factory=list)
    changed: list = field(default_factory=list)
    unchanged: int = 0

    @property
    def is_empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


def _label(name):
    return Project._meta.get_field(name).verbose_name


def _budget(project) -> dict:
    return {(line.fiscal_year, line.source): line.amount for line in project.budget_lines.all()}


def _kpis(project) -> dict:
    return {kpi.name: kpi for kpi in project.kpis.all()}


def _budget_changes(old, new) -> list[Change]:
    before, after = _budget(old), _budget(new)
    changes = []
    for year, source in sorted(before.keys() | after.keys()):
        if before.get((year, source)) != after.get((year, source)):
            label = _("budget {year} · {source}").format(year=year, source=BudgetSource(source).label)
            changes.append(Change("budget", label, before.get((year, source)), after.get((year, source)), "money"))
    return changes


def _kpi_changes(old, new) -> list[Change]:
    before, after = _kpis(old), _kpis(new)
    changes = []
    for name in sorted(before.keys() | after.keys()):
        was, now = before.get(name), after.get(name)
        if was is None or now is None:
            label = _("KPI “{name}”").format(name=name)
            changes.append(Change("kpi", label, was and str(was), now and str(now)))
            continue
        for attribute, kind in KPI_FIELDS:
            if getattr(was, attribute) != getattr(now, attribute):
                label = _("KPI “{name}”: {attribute}").format(
                    name=name, attribute=Kpi._meta.get_field(attribute).verbose_name
                )
                changes.append(Change("kpi", label, getattr(was, attribute), getattr(now, attribute), kind))
    return changes


def _served(project, name) -> list[str]:
    """Requirements by code, targets as "code · fiscal year"."""
    return sorted(item.code if name == "requirements" else str(item) for item in getattr(project, name).all())


def changes(old, new) -> list[Change]:
    """The differences between two copies of one project (each with budget lines, KPIs, requirements and targets
    prefetched, and `reported_status` annotated)."""
    found = [
        Change(name, _label(name), getattr(old, name), getattr(new, name), kind)
        for name, kind in FIELDS
        if getattr(old, name) != getattr(new, name)
    ]
    found += _budget_changes(old, new)
    found += _kpi_changes(old, new)
    for name in ("requirements", "targets"):
        before, after = _served(old, name), _served(new, name)
        if before != after:
            found.append(Change(name, _label(name), before, after, "list"))
    was, now = old.reported_status, new.reported_status
    if was and now and was != now:
        found.append(Change("status", _("status"), ProjectStatus(was).label, ProjectStatus(now).label, "status"))
    return found


def projects_of(*versions):
    """The projects of the versions with all that `changes` compares (five queries for any number of projects)."""
    latest = ProgressReport.objects.filter(project=OuterRef("pk")).order_by("-fiscal_year", "-quarter", "-pk")
    return (
        Project.objects.filter(version__in=[version.pk for version in versions])
        .annotate(reported_status=Subquery(latest.values("status")[:1]))
        .prefetch_related(
            Prefetch("budget_lines", queryset=BudgetLine.objects.order_by("fiscal_year", "source")),
            Prefetch("kpis", queryset=Kpi.objects.order_by("pk")),
            Prefetch("requirements", queryset=Requirement.objects.only("id", "code")),
            # Whole targets: a target remembers its approved terms when it is read (targets.models.Target.from_db).
            Prefetch("targets", queryset=Target.objects.select_related("requirement")),
        )
        .order_by("position", "code", "pk")
    )


def compare(old, new) -> VersionDiff:
    """What `new` changes in `old` (two versions of one plan); with `old` None, every project of `new` is new."""
    projects = list(projects_of(*(version for version in (old, new) if version is not None)))
    before = {p.key: p for p in projects if old is not None and p.version_id == old.pk}
    after = {p.key: p for p in projects if p.version_id == new.pk}
    diff = VersionDiff(old, new)
    diff.added = [p for key, p in after.items() if key not in before]
    diff.removed = [p for key, p in before.items() if key not in after]
    for key, project in after.items():
        if key in before:
            found = changes(before[key], project)
            if found:
                diff.changed.append(ProjectChange(before[key], project, found))
            else:
                diff.unchanged += 1
    return diff


def version_diff(version, user, wanted: str) -> VersionDiff:
    """What the later of the two versions changes in the earlier one; for a first version, what it adds."""
    other = compared_version(version, user, wanted)
    if other is None:
        return compare(None, version)
    old, new = sorted((other, version), key=lambda v: v.number)
    return compare(old, new)
