"""Writing a dataset's rows as CSV and JSON, the same values in both (docs/open-data.md, "Formats").

CSV: UTF-8 with a byte-order mark (so that a spreadsheet opens Thai correctly), a header row of the dictionary's
column names, RFC 4180 quoting, empty for "not recorded", true/false, ISO 8601 dates, decimals with a dot. Text a
spreadsheet would run as a formula starts with an apostrophe (OWASP), as in every EcoTown export.
JSON: {"dataset", "schema_version", "columns", "records": [{column: value}]}, null for "not recorded", numbers as
numbers."""

import csv
import datetime
import io
import json
from decimal import Decimal

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def csv_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return _decimal_text(value)
    if isinstance(value, float):
        return _decimal_text(Decimal(repr(round(value, 6))))
    if isinstance(value, datetime.date):
        return value.isoformat()
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def _decimal_text(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "") else text


def json_value(value):
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, float):
        return round(value, 6)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def to_csv(rows) -> bytes:
    """Rows, header first, as CSV bytes."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in rows:
        writer.writerow([csv_text(value) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def to_json(slug: str, schema_version: str, rows) -> bytes:
    rows = iter(rows)
    header = next(rows)
    document = {
        "dataset": slug,
        "schema_version": schema_version,
        "columns": list(header),
        "records": [dict(zip(header, (json_value(value) for value in row), strict=True)) for row in rows],
    }
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
