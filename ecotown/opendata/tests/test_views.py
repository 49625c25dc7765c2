"""Publishing on demand and nightly, the DCAT catalogue, the API and the demo snapshot."""

import json

import pytest
from django.core.management import call_command

from ecotown.core.models import Job
from ecotown.opendata import demo
from ecotown.opendata.choices import Trigger
from ecotown.opendata.dictionary import datasets
from ecotown.opendata.models import Snapshot
from ecotown.opendata.services import publish_snapshot

pytestmark = pytest.mark.django_db


def test_the_diw_administrator_publishes_now_and_the_job_page_links_the_snapshot(
    world, client_for, django_capture_on_commit_callbacks
):
    client = client_for(world.diw_admin)
    assert "Publish a snapshot now" in client.get("/open-data/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/open-data/publish/")
    job = Job.objects.get(kind="opendata.publish")
    assert response.url == job.get_absolute_url()
    snapshot = Snapshot.objects.get()
    assert snapshot.trigger == Trigger.ON_DEMAND
    assert snapshot.history.get().history_user == world.diw_admin
    assert snapshot.get_absolute_url() in client.get(job.get_absolute_url()).content.decode()


def test_others_see_no_publish_button(world, client_for):
    for persona in ("officer_a", "public", "anonymous"):
        assert "Publish a snapshot now" not in client_for(world.users[persona]).get("/open-data/").content.decode()


def test_the_nightly_command_queues_the_task_for_the_worker(world):
    # The test settings run tasks at once (ImmediateBackend); production queues them for `ecotown db_worker`.
    call_command("publish_open_data")
    call_command("publish_open_data", "--now")
    assert list(Snapshot.objects.values_list("trigger", flat=True)) == [Trigger.NIGHTLY, Trigger.NIGHTLY]
    assert Snapshot.objects.first().history.get().history_user is None


def test_the_catalogue_describes_each_dataset_with_its_files_and_checksums(world, client_for):
    snapshot = publish_snapshot(acting_user=None, trigger=Trigger.NIGHTLY)
    response = client_for(None).get("/open-data/v1/catalog.jsonld")
    assert response["Content-Type"] == "application/ld+json"
    catalog = json.loads(response.content)
    assert catalog["@type"] == "dcat:Catalog"
    assert [d["dct:identifier"] for d in catalog["dcat:dataset"]] == [f"ecotown-v1-{d.slug}" for d in datasets()]
    files = {f.get_absolute_url(): f for f in snapshot.files.all()}
    distributions = [x for d in catalog["dcat:dataset"] for x in d["dcat:distribution"]]
    assert len(distributions) == len(files) == 2 * len(datasets())
    for distribution in distributions:
        item = files[distribution["dcat:downloadURL"]["@id"].removeprefix("http://127.0.0.1:8000")]
        assert distribution["spdx:checksum"]["spdx:checksumValue"] == item.sha256
        assert distribution["dcat:byteSize"]["@value"] == str(item.size)
        assert distribution["dct:format"] == item.file_format.upper()


def test_the_api_lists_snapshots_with_their_files_checksums(world, api_client_for):
    snapshot = publish_snapshot(acting_user=world.diw_admin, trigger=Trigger.ON_DEMAND)
    body = api_client_for(None).get("/api/open-data/snapshots/").json()
    [listed] = body["results"]
    assert listed["id"] == snapshot.pk
    assert {(f["dataset"], f["file_format"], f["sha256"]) for f in listed["files"]} == {
        (f.dataset, f.file_format, f.sha256) for f in snapshot.files.all()
    }
    assert "diw_admin" not in json.dumps(body)


def test_the_demo_publishes_one_snapshot(world):
    assert demo.seed_demo().startswith("snapshot ")
    assert demo.seed_demo() == "already present"
    assert Snapshot.objects.get().trigger == Trigger.DEMO
