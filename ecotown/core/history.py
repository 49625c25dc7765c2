"""Turning django-simple-history records into what a person reads on a History tab."""

import datetime
from collections import defaultdict

from django.utils.translation import gettext as _

from ecotown.core import dates


def describe_history(model, records) -> list[dict]:
    """Each record (oldest first) with the fields it changed, values named as users know them: related records
    by name (one query per related field), choices by label, dates in B.E. Returns newest first."""
    deltas = []
    previous = None
    for record in records:
        deltas.append((record, record.diff_against(previous).changes if previous is not None else []))
        previous = record
    related = _related_names(model, [change for _record, changes in deltas for change in changes])
    return [
        {"record": record, "changes": [_describe(model, change, related) for change in changes]}
        for record, changes in reversed(deltas)
    ]


def _related_names(model, changes) -> dict[str, dict]:
    ids_by_field = defaultdict(set)
    for change in changes:
        field = model._meta.get_field(change.field)
        if field.many_to_one or field.one_to_one:
            ids_by_field[change.field].update(v for v in (change.old, change.new) if v is not None)
    return {
        name: model._meta.get_field(name).related_model._default_manager.in_bulk(ids)
        for name, ids in ids_by_field.items()
    }


def _describe(model, change, related) -> dict:
    field = model._meta.get_field(change.field)
    return {
        "field": field.verbose_name,
        "old": _shown(field, change.old, related),
        "new": _shown(field, change.new, related),
    }


def _shown(field, value, related):
    if value is None or value == "":
        return ""
    if field.name in related:
        found = related[field.name].get(value)
        return str(found) if found is not None else _("#{id} (deleted)").format(id=value)
    if field.choices:
        return dict(field.flatchoices).get(value, value)
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, datetime.date):
        return dates.format_be(value, "datetime" if isinstance(value, datetime.datetime) else "short")
    return value
