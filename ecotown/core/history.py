"""Turning django-simple-history records into what a person reads on a History tab.

A record's history includes the records that belong to it and are edited with it: a model lists them in
`history_related` (accessor names: `("actual", "evidence")` on a target), so a target's tab shows changes to
its result and evidence too. Values are shown as users know them: related records by name, choices by label,
dates in B.E., numbers with separators, boundaries summarised, many-to-many changes as names.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ecotown.core import dates

HIDDEN_FIELDS = {"revision", "last_updated", "created"}


@dataclass
class Group:
    """The history of one record: the page's own object, or one that belongs to it."""

    model: type
    records: list
    label: str = ""  # empty for the page's own object


@dataclass
class Entry:
    record: object
    kind: str  # created / changed / deleted, in the page's language
    label: str
    changes: list = field(default_factory=list)
    name: str = ""  # which record, for those that belong to the page's object


def history_records(obj) -> list[Group]:
    """The object's own records, then those of each record listed in `history_related` — read from history,
    so a result or a file that was removed still shows when and by whom."""
    groups = [Group(type(obj), list(_ordered(obj.history.all())))]
    for accessor in getattr(type(obj), "history_related", ()):
        relation = type(obj)._meta.get_field(accessor)
        model = relation.related_model
        if isinstance(relation, GenericRelation):
            content_type = ContentType.objects.get_for_model(type(obj))
            filters = {f"{relation.content_type_field_name}_id": content_type.pk, relation.object_id_field_name: obj.pk}
        else:
            filters = {f"{relation.field.name}_id": obj.pk}
        by_record = defaultdict(list)
        for record in _ordered(model.history.filter(**filters)):
            by_record[record.id].append(record)
        label = str(model._meta.verbose_name)
        groups.extend(Group(model, records, label) for records in by_record.values())
    return groups


def _ordered(history):
    return history.select_related("history_user").order_by("history_date", "history_id")


def describe_history(groups: list[Group]) -> list[Entry]:
    """Every group's records with the fields each changed, merged into one timeline, newest first."""
    entries = []
    for group in groups:
        deltas, previous = [], None
        for record in group.records:
            changes = record.diff_against(previous).changes if previous is not None else []
            deltas.append((record, [change for change in changes if change.field not in HIDDEN_FIELDS]))
            previous = record
        names = _related_names(group.model, [change for _record, changes in deltas for change in changes])
        entries.extend(
            Entry(record, _kind(record), group.label, [_describe(group.model, c, names) for c in changes],
                  _name(record) if group.label else "")
            for record, changes in deltas
        )  # fmt: skip
    entries.sort(key=lambda entry: (entry.record.history_date, entry.record.history_id), reverse=True)
    return entries


def _name(record) -> str:
    try:
        return str(record.instance)
    except Exception:  # a historical row whose related records are gone
        return ""


def _kind(record) -> str:
    return {"+": _("Created"), "~": _("Changed"), "-": _("Deleted")}.get(record.history_type, record.history_type)


def _related_names(model, changes) -> dict[str, dict]:
    ids_by_field = defaultdict(set)
    for change in changes:
        model_field = model._meta.get_field(change.field)
        if model_field.many_to_one or model_field.one_to_one:
            ids_by_field[change.field].update(v for v in (change.old, change.new) if v is not None)
        elif model_field.many_to_many:
            target = model_field.m2m_reverse_field_name()
            for value in (change.old or []) + (change.new or []):
                ids_by_field[change.field].add(value.get(target))
    return {
        name: model._meta.get_field(name).related_model._default_manager.in_bulk(ids)
        for name, ids in ids_by_field.items()
    }


def _describe(model, change, related) -> dict:
    model_field = model._meta.get_field(change.field)
    if model_field.many_to_many:
        return _describe_many(model_field, change, related)
    return {
        "field": model_field.verbose_name,
        "old": _shown(model_field, change.old, related),
        "new": _shown(model_field, change.new, related),
    }


def _describe_many(model_field, change, related) -> dict:
    target = model_field.m2m_reverse_field_name()
    names = related.get(model_field.name, {})

    def shown(rows):
        return ", ".join(str(names.get(row.get(target), row.get(target))) for row in rows or [])

    return {"field": model_field.verbose_name, "old": shown(change.old), "new": shown(change.new)}


def _shown(model_field, value, related):
    if value is None or value == "":
        return ""
    if model_field.name in related:
        found = related[model_field.name].get(value)
        return str(found) if found is not None else _("#{id} (deleted)").format(id=value)
    if model_field.choices:
        return dict(model_field.flatchoices).get(value, value)
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, datetime.date):
        return dates.format_be(value, "datetime" if isinstance(value, datetime.datetime) else "short")
    if isinstance(model_field, models.JSONField):
        return summarise_json(value)
    if isinstance(value, int | Decimal | float):
        return format_number(value)
    return value


def format_number(value) -> str:
    """21500 → 21,500; 12.5000 → 12.5."""
    if isinstance(value, Decimal):
        value = value.normalize()
        return f"{value:,f}"
    return f"{value:,}"


def summarise_json(value) -> str:
    """A boundary (GeoJSON) as "ขอบเขตใหม่: 1 รูปแปลง", never the raw structure."""
    if isinstance(value, dict) and isinstance(value.get("features"), list):
        count = len(value["features"])
        return ngettext("Boundary: {count} shape", "Boundary: {count} shapes", count).format(count=count)
    return _("(structured data)")
