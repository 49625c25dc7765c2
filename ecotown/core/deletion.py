"""What depends on a record, for the delete page: nothing is deleted that other records hang on."""

from dataclasses import dataclass

from django.db import models


@dataclass
class Dependents:
    label: str
    count: int
    examples: list
    blocks: bool  # True when the relation PROTECTs: the delete will be refused


def dependents(obj, examples: int = 5) -> list[Dependents]:
    """Each kind of record that points at `obj`, with how many and a few of them (one query per relation)."""
    found = []
    for relation in obj._meta.related_objects:
        if relation.related_model._meta.label.startswith("simple_history") or relation.hidden:
            continue
        if relation.related_model.__name__.startswith("Historical"):
            continue
        accessor = relation.get_accessor_name()
        if relation.one_to_one:
            related = relation.related_model._default_manager.filter(**{relation.field.name: obj})
        else:
            related = getattr(obj, accessor).all()
        rows = list(related[: examples + 1])
        if not rows:
            continue
        count = len(rows) if len(rows) <= examples else related.count()
        blocks = relation.many_to_many is False and relation.on_delete in (models.PROTECT, models.RESTRICT)
        found.append(Dependents(relation.related_model._meta.verbose_name_plural, count, rows[:examples], blocks))
    return found
