"""Schema v1 as published: columns may be added at the end of a dataset and datasets added, nothing else. A
rename, removal, reordering or change of type fails here and belongs in schema v2 (a new dictionary file and
path). When a column is added, add it here too: this list is what readers were promised."""

from ecotown.opendata.dictionary import SCHEMA_VERSION, TYPES, datasets
from ecotown.opendata.exporters import EXPORTERS

S, N, D, B, T = "string", "integer", "decimal", "boolean", "date"
PUBLISHED_V1 = {
    "areas": [("area_code", S), ("name_th", S), ("name_en", S), ("province_code", S), ("province_name_th", S),
              ("kind", S), ("status", S), ("phase", N), ("joined_year_be", N), ("certified_level", N),
              ("certificate_valid_until", T), ("population", N), ("factory_count", N)],
    "certificates": [("certificate_number", S), ("area_code", S), ("level", N), ("catalogue_code", S),
                     ("catalogue_version", S), ("valid_from", T), ("valid_until", T), ("status", S)],
    "catalogues": [("catalogue_code", S), ("version", S), ("title_th", S), ("title_en", S), ("status", S),
                   ("effective_date", T), ("first_fiscal_year_be", N), ("last_fiscal_year_be", N),
                   ("source_sha256", S)],
    "requirements": [("catalogue_code", S), ("catalogue_version", S), ("requirement_code", S), ("kind", S),
                     ("level", N), ("dimensions", S), ("title_th", S), ("title_en", S), ("target_required", B),
                     ("target_kind", S), ("target_unit", S)],
    "targets": [("area_code", S), ("fiscal_year_be", N), ("catalogue_code", S), ("catalogue_version", S),
                ("requirement_code", S), ("direction", S), ("unit", S), ("baseline_value", D),
                ("baseline_year_be", N), ("target_value", D), ("actual_value", D), ("recorded_on", T), ("met", B)],
    "area-outcomes": [("area_code", S), ("year_be", N), ("measure", S), ("detail", S), ("quantity", D),
                      ("unit", S), ("factories", N)],
}  # fmt: skip


def test_schema_v1_only_grows():
    assert SCHEMA_VERSION == "v1"
    published = {found.slug: [(c.name, c.type) for c in found.columns] for found in datasets()}
    for slug, columns in PUBLISHED_V1.items():
        assert slug in published, f"dataset {slug} was removed: that needs schema v2"
        assert published[slug][: len(columns)] == columns, f"{slug}: columns renamed, moved or retyped"


def test_every_dataset_has_one_exporter_and_every_column_a_known_type_and_both_languages():
    assert sorted(exporter.slug for exporter in EXPORTERS) == sorted(found.slug for found in datasets())
    for found in datasets():
        assert all((found.title_th, found.title_en, found.description_th, found.description_en)), found.slug
        names = [column.name for column in found.columns]
        assert len(names) == len(set(names)), found.slug
        for column in found.columns:
            assert column.type in TYPES
            assert all((column.th, column.en)), f"{found.slug}.{column.name} needs a Thai and an English label"
