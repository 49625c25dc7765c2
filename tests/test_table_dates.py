"""Every date in every table is in the Buddhist Era: a column declared by hand on a date field must be a
BuddhistDateColumn (a plain Column printed `1 สิงหาคม 2027` on the audits list)."""

import importlib

import pytest
from django.apps import apps
from django.db import models

from ecotown.core.tables import BuddhistDateColumn, Table


def all_tables():
    for config in apps.get_app_configs():
        if config.name.startswith("ecotown."):
            try:
                importlib.import_module(f"{config.name}.tables")
            except ModuleNotFoundError:
                continue
    found, todo = [], list(Table.__subclasses__())
    while todo:
        table = todo.pop()
        todo.extend(table.__subclasses__())
        if getattr(table.Meta, "model", None) is not None:
            found.append(table)
    return sorted(found, key=lambda table: table.__qualname__)


def date_field(model, accessor):
    try:
        field = model._meta.get_field(str(accessor).replace(".", "__"))
    except Exception:  # a computed or related accessor: not a date field of this model
        return None
    return field if isinstance(field, models.DateField) else None


@pytest.mark.parametrize("table", all_tables(), ids=lambda table: f"{table.__module__}.{table.__qualname__}")
def test_every_date_column_is_in_the_buddhist_era(table):
    wrong = [
        name
        for name, column in table.base_columns.items()
        if date_field(table.Meta.model, column.accessor or name) and not isinstance(column, BuddhistDateColumn)
    ]
    assert wrong == []


def test_the_audits_list_prints_buddhist_years():
    from ecotown.audits.tables import AssessmentTable

    assert isinstance(AssessmentTable.base_columns["starts_on"], BuddhistDateColumn)
