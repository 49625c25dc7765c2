"""The open data as a reader gets it: every download listed on /open-data/ parses back, its checksum verifies,
old snapshots stay, unchanged data is stored once, and the figures are the ones worked out here."""

import csv
import hashlib
import io
import json
import re
from decimal import Decimal

import pytest
from django.test import Client

from ecotown.opendata.choices import Trigger
from ecotown.opendata.dictionary import dataset, datasets
from ecotown.opendata.models import FileContent, SnapshotFile
from ecotown.opendata.services import publish_snapshot
from ecotown.opendata.tests.conftest import BIOGAS_KG_PER_MJ

pytestmark = pytest.mark.django_db
LINK = re.compile(r'href="(/open-data/v1/snapshots/\d+/[a-z-]+\.(?:csv|json))"')


def read_csv(body: bytes) -> list[list[str]]:
    assert body.startswith("\ufeff".encode()), "CSV starts with a byte-order mark for spreadsheets"
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"), newline="")))


@pytest.fixture(scope="module")
def downloads(published, django_db_blocker):
    """Every file the public page lists, fetched as an anonymous visitor: {url: response}."""
    with django_db_blocker.unblock():
        client = Client()
        page = client.get("/open-data/")
        assert page.status_code == 200
        urls = sorted(set(LINK.findall(page.content.decode())))
        return {url: client.get(url) for url in urls}


def by_name(downloads, name):
    return next(response for url, response in downloads.items() if url.endswith("/" + name))


def test_the_page_lists_both_formats_of_every_dataset_of_the_latest_snapshot(published, downloads):
    expected = {f"/open-data/v1/snapshots/{published.pk}/{d.slug}.{fmt}" for d in datasets() for fmt in ("csv", "json")}
    assert expected <= set(downloads)


def test_every_listed_download_parses_back_with_the_dictionarys_columns(downloads):
    for url, response in downloads.items():
        assert response.status_code == 200, url
        slug = url.rsplit("/", 1)[1].split(".")[0]
        header = list(dataset(slug).header)
        item = SnapshotFile.objects.get(snapshot_id=int(url.split("/")[4]), dataset=slug,
                                        file_format=url.rsplit(".", 1)[1])  # fmt: skip
        if url.endswith(".csv"):
            rows = read_csv(response.content)
            assert rows[0] == header, url
            assert all(len(row) == len(header) for row in rows), url
            assert len(rows) - 1 == item.rows
        else:
            document = json.loads(response.content)
            assert document["columns"] == header, url
            assert document["schema_version"] == "v1"
            assert all(list(record) == header for record in document["records"]), url
            assert len(document["records"]) == item.rows


def test_csv_and_json_carry_the_same_values(downloads):
    for url, response in downloads.items():
        if not url.endswith(".csv"):
            continue
        rows = read_csv(response.content)[1:]
        records = json.loads(downloads[url[:-4] + ".json"].content)["records"]
        assert len(rows) == len(records)
        for row, record in zip(rows, records, strict=True):
            for text, value in zip(row, record.values(), strict=True):
                if value is None:
                    assert text == ""
                elif isinstance(value, bool):
                    assert text == str(value).lower()
                elif isinstance(value, (int, float)):
                    assert Decimal(text) == Decimal(str(value))
                else:
                    assert text.lstrip("'") == value


def test_each_checksum_verifies(published, downloads):
    for url, response in downloads.items():
        item = SnapshotFile.objects.get(snapshot=published, dataset=url.rsplit("/", 1)[1].split(".")[0],
                                        file_format=url.rsplit(".", 1)[1])  # fmt: skip
        digest = hashlib.sha256(response.content).hexdigest()
        assert digest == item.sha256 == response["ETag"].strip('"'), url
        assert len(response.content) == item.size
    page = Client().get(published.get_absolute_url()).content.decode()
    assert all(item.sha256 in page for item in published.files.all())


def test_the_datasets_hold_the_worlds_public_records(shared_world, downloads):
    w = shared_world
    areas = {row[0] for row in read_csv(by_name(downloads, "areas.csv").content)[1:]}
    assert {w.area_a1.code, w.area_b1.code} <= areas
    certificates = read_csv(by_name(downloads, "certificates.csv").content)
    assert [row[0] for row in certificates[1:]] == [w.certificate_a1.number]
    catalogues = json.loads(by_name(downloads, "catalogues.json").content)["records"]
    assert [(c["catalogue_code"], c["version"]) for c in catalogues] == [(w.catalogue.code, w.catalogue.version)]
    requirements = json.loads(by_name(downloads, "requirements.json").content)["records"]
    assert w.requirement.code in {r["requirement_code"] for r in requirements}


def test_only_approved_targets_are_published_with_their_result(shared_world, downloads):
    w = shared_world
    records = json.loads(by_name(downloads, "targets.json").content)["records"]
    assert [(r["area_code"], r["requirement_code"]) for r in records] == [(w.area_a1.code, w.requirement.code)]
    record = records[0]
    # make_target: 80 as the target, 70 recorded, at least → not met
    assert (record["target_value"], record["actual_value"], record["met"]) == (80, 70, False)
    assert record["recorded_on"] == "2026-09-01"


def test_area_outcomes_are_the_sums_of_three_or_more_factories_accepted_balances(shared_world, downloads):
    w = shared_world
    rows = json.loads(by_name(downloads, "area-outcomes.json").content)["records"]
    a2 = {(r["measure"], r["detail"]): (r["quantity"], r["unit"], r["factories"]) for r in rows
          if r["area_code"] == w.area_a2.code and r["year_be"] == 2568}  # fmt: skip
    assert a2[("waste", "landfill")] == (10 + 20 + 30, "t", 3)
    assert a2[("waste", "recycle")] == (3 * 5, "t", 3)
    assert a2[("water", "")] == (3 * 100, "m3", 3)
    assert a2[("energy", "biogas_test")] == (3 * 2000, "MJ", 3)
    assert a2[("ghg", "scope1")] == (pytest.approx(float(3 * 2000 * BIOGAS_KG_PER_MJ / 1000)), "tCO2e", 3)
    # This area has two such factories: withheld, so neither factory's figures can be read.
    assert not [r for r in rows if r["area_code"] == w.area_withheld.code]


def test_old_snapshots_stay_downloadable_and_unchanged_data_is_stored_once(published, downloads):
    contents = FileContent.objects.count()
    newer = publish_snapshot(acting_user=None, trigger=Trigger.NIGHTLY)
    assert newer.generated_at > published.generated_at
    assert FileContent.objects.count() == contents, "nothing changed: every file reuses the stored bytes"
    old = {(f.dataset, f.file_format): f.sha256 for f in published.files.all()}
    assert {(f.dataset, f.file_format): f.sha256 for f in newer.files.all()} == old
    client = Client()
    for url, response in downloads.items():
        again = client.get(url)
        assert again.status_code == 200
        assert again.content == response.content
    latest = client.get("/open-data/v1/latest/areas.csv")
    assert latest.status_code == 200
    assert newer.generated_at.strftime("%Y%m%dT%H%M%S") in latest["Content-Disposition"]


def test_the_dictionary_is_published_in_thai_and_english(published):
    client = Client()
    rows = read_csv(client.get("/open-data/v1/dictionary.csv").content)
    assert rows[0] == ["dataset", "column", "position", "type", "label_th", "label_en", "values"]
    assert ["areas", "area_code", "1", "string", "รหัสพื้นที่", "Area code", ""] in rows
    document = json.loads(client.get("/open-data/v1/dictionary.json").content)
    assert [d["slug"] for d in document["datasets"]] == [d.slug for d in datasets()]
    assert client.get("/open-data/v1/dictionary.xml").status_code == 404
