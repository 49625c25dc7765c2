"""Named changes to criteria data (reading a catalogue file itself lives in loader.py).

Putting a new version in force is the step that moves areas to it: the preview says what carries over, and the
step copies — never moves — each area's targets, results, evidence and specific-requirement choices for the
fiscal years the new version governs onto the requirements whose code is unchanged. What was recorded under
the older version stays there, untouched, with its history.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from ecotown.criteria.choices import CatalogueStatus, RequirementKind
from ecotown.criteria.models import CATALOGUE_WORKFLOW, AreaRequirementSelection, Catalogue, Requirement


@dataclass
class MovePreview:
    """What putting `new` in force from `first_fiscal_year` would do."""

    new: Catalogue
    first_fiscal_year: int
    previous: Catalogue | None = None
    targets: int = 0
    results: int = 0
    evidence: int = 0
    selections: int = 0
    areas: list = field(default_factory=list)  # [(area, targets, results)]
    added: list = field(default_factory=list)  # requirements new in this version
    removed: list = field(default_factory=list)  # requirements of the previous version not in this one
    already: int = 0  # targets the new version already has for those years (kept as they are)

    @property
    def area_count(self) -> int:
        return len(self.areas)


def _codes_with_records(area, requirements) -> set[str]:
    """Codes of `requirements` on which the area has records (a requirement's reverse relations that point at
    an area: targets today, and whatever later apps add), found without naming those apps."""
    codes = set()
    for requirement in requirements:
        for relation in requirement._meta.related_objects:
            model = relation.related_model
            if model is AreaRequirementSelection or model.__name__.startswith("Historical"):
                continue
            # Only records that point at an area themselves (an audit's result reaches it through its assessment;
            # a project's many-to-many link has no area of its own): filtering others by area would not resolve.
            if not (relation.one_to_many and _has_area(model)):
                continue
            if model._default_manager.filter(**{relation.field.name: requirement, "area": area}).exists():
                codes.add(requirement.code)
    return codes


def _has_area(model) -> bool:
    return any(field.name == "area" and field.is_relation for field in model._meta.get_fields())


def previous_version(new: Catalogue, first_fiscal_year: int) -> Catalogue | None:
    """The version of the same code in force before `new` takes over from `first_fiscal_year`."""
    candidates = Catalogue.objects.filter(code=new.code).exclude(pk=new.pk).exclude(status=CatalogueStatus.DRAFT)
    return candidates.in_force_for(first_fiscal_year).first() or candidates.order_by("-first_fiscal_year").first()


# Apps whose records hang on requirements (targets today; plans and audits later) carry them over themselves:
# each registers an object with `preview(preview, old, new_codes)` and `carry(preview, old, new, acting_user,
# reason)`, so criteria knows none of them.
_carriers: list = []


def register_carrier(carrier) -> None:
    _carriers.append(carrier)


def preview_move(new: Catalogue, first_fiscal_year: int) -> MovePreview:
    preview = MovePreview(new, first_fiscal_year, previous_version(new, first_fiscal_year))
    old = preview.previous
    if old is None:
        return preview
    old_codes = dict(Requirement.objects.filter(catalogue=old).values_list("code", "pk"))
    new_codes = dict(Requirement.objects.filter(catalogue=new).values_list("code", "pk"))
    preview.added = list(Requirement.objects.filter(catalogue=new).exclude(code__in=old_codes).order_by("position"))
    preview.removed = list(Requirement.objects.filter(catalogue=old).exclude(code__in=new_codes).order_by("position"))
    preview.selections = (
        AreaRequirementSelection.objects.filter(requirement__catalogue=old, requirement__code__in=new_codes)
        .exclude(area__requirement_selections__requirement__catalogue=new)
        .count()
    )
    for carrier in _carriers:
        carrier.preview(preview, old, new_codes)
    return preview


@transaction.atomic
def put_in_force(new: Catalogue, *, first_fiscal_year: int, acting_user) -> MovePreview:
    """Put `new` in force from `first_fiscal_year`, end the previous version's range the year before (retired
    when it no longer governs any year), and carry every area's data over. One transaction, with history."""
    preview = preview_move(new, first_fiscal_year)
    old = preview.previous
    reason = _("Version {version} in force from fiscal year {year}").format(version=new.version, year=first_fiscal_year)
    CATALOGUE_WORKFLOW.run(new, "put_in_force", acting_user=acting_user, reason=reason,
                           first_fiscal_year=first_fiscal_year, last_fiscal_year=None)  # fmt: skip
    if old is None:
        return preview
    if old.first_fiscal_year is not None and old.first_fiscal_year >= first_fiscal_year:
        if old.status == CatalogueStatus.IN_FORCE:  # superseded for every year it governed
            CATALOGUE_WORKFLOW.run(old, "retire", acting_user=acting_user, reason=reason)
    else:
        old.last_fiscal_year = first_fiscal_year - 1
        old._history_user, old._change_reason = acting_user, reason
        old.save(update_fields=["last_fiscal_year"])
    _copy_selections(old, new, acting_user, reason)
    for carrier in _carriers:
        carrier.carry(preview, old, new, acting_user, reason)
    return preview


def _copy_selections(old, new, acting_user, reason) -> None:
    new_specific = dict(
        Requirement.objects.filter(catalogue=new, kind=RequirementKind.SPECIFIC).values_list("code", "pk")
    )
    have = set(
        AreaRequirementSelection.objects.filter(requirement__catalogue=new).values_list("area_id", "requirement_id")
    )
    copies = []
    for selection in AreaRequirementSelection.objects.filter(requirement__catalogue=old).select_related("requirement"):
        requirement_id = new_specific.get(selection.requirement.code)
        if requirement_id and (selection.area_id, requirement_id) not in have:
            copies.append(AreaRequirementSelection(area_id=selection.area_id, requirement_id=requirement_id))
    bulk_create_with_history(copies, AreaRequirementSelection, default_user=acting_user, default_change_reason=reason)


@transaction.atomic
def select_specific_requirements(area, catalogue, requirements, *, acting_user) -> None:
    """Make `requirements` the specific requirements `area` adopts from `catalogue` (ข้อกำหนดเฉพาะ).

    A requirement that carries the area's records (targets...) cannot be dropped: they would vanish from every
    page. Selections from other catalogue versions are left alone: records under them still need them.
    """
    chosen = {requirement.pk for requirement in requirements}
    current = list(area.requirement_selections.filter(requirement__catalogue=catalogue).select_related("requirement"))
    dropped = [selection for selection in current if selection.requirement_id not in chosen]
    codes = sorted(_codes_with_records(area, [selection.requirement for selection in dropped]))
    if codes:
        raise ValidationError(
            _(
                "{codes} carry this area's target values: delete those targets first, or keep the requirement selected."
            ).format(codes=", ".join(codes))
        )
    for selection in dropped:
        selection._history_user = acting_user
        selection.delete()
    kept = {selection.requirement_id for selection in current}
    for requirement in requirements:
        if requirement.pk not in kept:
            selection = AreaRequirementSelection(area=area, requirement=requirement)
            selection._history_user = acting_user
            selection.save()
