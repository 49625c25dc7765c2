import django_tables2 as tables


class Table(tables.Table):
    """Base for every list table: Bootstrap styling, our translated template, sortable headers."""

    class Meta:
        attrs = {"class": "table table-hover align-middle"}
        template_name = "core/table.html"
