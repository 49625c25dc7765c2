"""Indexes for the national factory list on PostgreSQL (issue 15: 250,000 factories, a page within 300 ms).

- A trigram index (pg_trgm) over the searched text, the expression `filtersets.search_text()` builds, so that a
  word of a name found anywhere in it is an index scan, not a scan of the register;
- the list's own order (Thai dictionary order of names, then the number) as an index, so that a page is read in
  order instead of sorting the register for each request.

PostgreSQL only: SQLite (the embedded default) has no trigram index, and an index in the ICU collation there
would call Python for every comparison while a large import writes. On SQLite this migration does nothing.
"""

from django.db import migrations

SEARCHED = (
    "UPPER(registration_number || chr(10) || old_registration_number || chr(10) || name || chr(10) || operator_name)"
)
CREATE = (
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    f"CREATE INDEX IF NOT EXISTS factories_factory_search_trgm ON factories_factory USING gin (({SEARCHED}) gin_trgm_ops)",
    'CREATE INDEX IF NOT EXISTS factories_factory_thai_order ON factories_factory ((name COLLATE "th-x-icu"), registration_number)',
)
DROP = (
    "DROP INDEX IF EXISTS factories_factory_search_trgm",
    "DROP INDEX IF EXISTS factories_factory_thai_order",
)


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("factories", "0001_initial")]

    operations = [migrations.RunPython(_run(CREATE), _run(DROP), elidable=False)]
