"""Writing imported factories fast: plain INSERT (COPY on PostgreSQL) and UPDATE statements for the factories
and their history rows, instead of the ORM's bulk methods, whose SQL compilation cost five times the database's
own work on a large file (measured: docs/benchmarks.md). Values are adapted once per column through the database
backend's own adapters, so the stored values are the ones the ORM would store."""

import contextlib

from django.db import connection

from ecotown.factories.models import Factory

REASON = "import_factories"


def _adapter(model_field):
    ops = connection.ops
    kind = model_field.get_internal_type()
    if kind == "DecimalField":
        digits, places = model_field.max_digits, model_field.decimal_places
        return lambda value: None if value is None else ops.adapt_decimalfield_value(value, digits, places)
    if kind == "DateField":
        return ops.adapt_datefield_value
    if kind == "DateTimeField":
        return _last_one(ops.adapt_datetimefield_value)
    return None


def _last_one(adapt):
    """`adapt` remembering its last answer: a batch's time stamps are all one value (the import's "now"),
    and adapting an aware date-time costs more than the rest of the row."""
    last = [object(), None]

    def adapted(value):
        if value is not last[0]:
            last[0], last[1] = value, adapt(value)
        return last[1]

    return adapted


# SQLite's page cache for the import (KiB): the default 2 MB spills the indexes of a 250,000-row register to the
# file on every batch; 128 MB keeps them in memory (measured: docs/benchmarks.md). Within the 400 MB budget.
SQLITE_CACHE_KIB = 128 * 1024


@contextlib.contextmanager
def large_cache():
    """A larger SQLite page cache while a large import writes; the connection's own setting afterwards."""
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        before = cursor.fetchone()[0]
        cursor.execute(f"PRAGMA cache_size = -{SQLITE_CACHE_KIB}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = {int(before)}")


class Columns:
    """The columns of a table with each one's adapter and the default for values the import does not give."""

    def __init__(self, model, skip=()):
        self.fields = [f for f in model._meta.concrete_fields if not f.primary_key and f.attname not in skip]
        self.table = connection.ops.quote_name(model._meta.db_table)
        self.names = [f.attname for f in self.fields]
        self.adapters = [_adapter(f) for f in self.fields]
        self.defaults = {f.attname: f.get_default() for f in self.fields if f.has_default() or f.null or f.blank}
        self.spec = [(name, self.defaults.get(name), adapt)
                     for name, adapt in zip(self.names, self.adapters, strict=True)]  # fmt: skip

    def row(self, values: dict) -> list:
        get = values.get
        return [
            adapt(value) if adapt is not None and value is not None else value
            for name, default, adapt in self.spec
            for value in (get(name, default),)
        ]

    def insert_sql(self) -> str:
        return f"INSERT INTO {self.table} ({self.quoted()}) VALUES ({', '.join(['%s'] * len(self.names))})"

    def quoted(self) -> str:
        return ", ".join(connection.ops.quote_name(name) for name in self.names)

    def insert(self, rows: list[list]) -> None:
        """Insert rows of cells: PostgreSQL's COPY (several times faster than INSERT for a large first load),
        `executemany` elsewhere."""
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                with cursor.cursor.copy(f"COPY {self.table} ({self.quoted()}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
            else:
                cursor.executemany(self.insert_sql(), rows)


class FactoryWriter:
    def __init__(self, acting_user=None):
        self.user_id = getattr(acting_user, "pk", None)
        self.factories = Columns(Factory)
        self.history = Columns(Factory.history.model)

    def insert(self, rows: list[dict], now) -> None:
        for values in rows:
            values.update(created=now, last_updated=now, revision=1)
        self.factories.insert([self.factories.row(values) for values in rows])
        numbers = [values["registration_number"] for values in rows]
        ids = dict(
            Factory.objects.filter(registration_number__in=numbers).order_by().values_list("registration_number", "pk")
        )
        for values in rows:
            values["id"] = ids[values["registration_number"]]
        self._history(rows, "+", now)

    def update(self, rows: list[dict], fields, now) -> None:
        names = [*fields, "revision", "last_updated"]
        adapters = {name: self.factories.adapters[self.factories.names.index(name)] for name in names}
        assignments = ", ".join(f"{connection.ops.quote_name(name)} = %s" for name in names)
        sql = f"UPDATE {self.factories.table} SET {assignments} WHERE {connection.ops.quote_name('id')} = %s"
        params = []
        for values in rows:
            values["last_updated"] = now
            cells = [values[name] for name in names]
            params.append([adapt(v) if adapt and v is not None else v
                           for v, adapt in zip(cells, adapters.values(), strict=True)] + [values["pk"]])  # fmt: skip
        with connection.cursor() as cursor:
            cursor.executemany(sql, params)
        # A history row holds every column: read back those the import does not set (notes, created...).
        kept = [name for name in self.factories.names if name not in names]
        changed = Factory.objects.filter(pk__in=[v["pk"] for v in rows]).order_by()
        stored = {row["id"]: row for row in changed.values("id", *kept)}
        self._history([{**stored[values["pk"]], **values} for values in rows], "~", now)

    def refresh_statistics(self) -> None:
        """After a large load, PostgreSQL's planner needs fresh statistics to pick the list's indexes (a name
        search on stale ones read 17,892 rows where 25 do: docs/benchmarks.md); autovacuum comes too late."""
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(f"ANALYZE {self.factories.table}")

    def _history(self, rows, kind: str, now) -> None:
        extra = {"history_date": now, "history_change_reason": REASON, "history_type": kind,
                 "history_user_id": self.user_id}  # fmt: skip
        self.history.insert([self.history.row({**values, **extra}) for values in rows])
