"""The published data dictionary (`data/dictionary-v1.yaml`): the datasets of a schema version and their columns,
in Thai and English. Exporters write exactly these columns, in this order (tests/test_schema.py)."""

import functools
from dataclasses import dataclass
from pathlib import Path

import yaml
from django.utils.translation import get_language

SCHEMA_VERSION = "v1"
DICTIONARY = Path(__file__).parent / "data" / f"dictionary-{SCHEMA_VERSION}.yaml"
TYPES = ("string", "integer", "decimal", "boolean", "date")


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    th: str
    en: str
    values: str = ""

    @property
    def label(self) -> str:
        return _in_language(self.th, self.en)


@dataclass(frozen=True)
class Dataset:
    slug: str
    title_th: str
    title_en: str
    description_th: str
    description_en: str
    columns: tuple[Column, ...]

    @property
    def title(self) -> str:
        return _in_language(self.title_th, self.title_en)

    @property
    def description(self) -> str:
        return _in_language(self.description_th, self.description_en)

    @property
    def header(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns)


def _in_language(thai: str, english: str) -> str:
    return english if (get_language() or "th").startswith("en") else thai


@functools.cache
def datasets() -> tuple[Dataset, ...]:
    data = yaml.safe_load(DICTIONARY.read_text(encoding="utf-8"))
    found = []
    for entry in data["datasets"]:
        columns = tuple(Column(**column) for column in entry.pop("columns"))
        unknown = [column.name for column in columns if column.type not in TYPES]
        if unknown:
            raise ValueError(f"{DICTIONARY.name}: unknown type in {entry['slug']}: {unknown}")
        found.append(Dataset(columns=columns, **entry))
    return tuple(found)


def dataset(slug: str) -> Dataset:
    for found in datasets():
        if found.slug == slug:
            return found
    raise KeyError(slug)


DICTIONARY_HEADER = ("dataset", "column", "position", "type", "label_th", "label_en", "values")


def dictionary_rows():
    """The dictionary as a table, header first (the published dictionary.csv)."""
    yield DICTIONARY_HEADER
    for found in datasets():
        for position, column in enumerate(found.columns, start=1):
            yield (found.slug, column.name, position, column.type, column.th, column.en, column.values)


def dictionary_document() -> dict:
    """The dictionary as one JSON document (the published dictionary.json)."""
    return {
        "schema_version": SCHEMA_VERSION,
        "datasets": [
            {
                "slug": found.slug, "title_th": found.title_th, "title_en": found.title_en,
                "description_th": found.description_th, "description_en": found.description_en,
                "columns": [
                    {"name": c.name, "type": c.type, "label_th": c.th, "label_en": c.en, "values": c.values}
                    for c in found.columns
                ],
            }
            for found in datasets()
        ],
    }  # fmt: skip
