import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from ecotown.accounts.choices import Role
from ecotown.accounts.testing import assign, make_user
from ecotown.core.models import Job
from ecotown.factories import choices, management_systems
from ecotown.factories.models import Certification, Factory
from ecotown.factories.samples import write_sample
from ecotown.factories.targets import load_factory_targets
from ecotown.factories.testing import add_records, make_factory

pytestmark = pytest.mark.django_db
MAX_QUERIES = 10


@pytest.fixture
def operator(world):
    user = make_user()
    assign(user, Role.FACTORY_OPERATOR)
    return user


def grow(world, count, operator=None):
    for _number in range(count):
        factory = make_factory(world.province_a, areas=[world.area_a1], operators=[operator] if operator else [])
        add_records(factory)


@pytest.mark.parametrize("url", ["/factories/", "/factories/?q=บริษัท&factory_class=3", "/api/factories/",
                                 "/api/permits/", "/api/certifications/", "/api/compliance-checks/"])  # fmt: skip
@pytest.mark.parametrize("persona", ["diw_admin", "officer_a", "secretary_a1", "operator"])
def test_lists_stay_flat_when_data_grows_tenfold(world, client_for, django_assert_max_num_queries, url, persona):
    user = world.users[persona]
    client = client_for(user)
    grow(world, 3, user if persona == "operator" else None)
    with django_assert_max_num_queries(MAX_QUERIES):
        assert client.get(url).status_code == 200
    grow(world, 30, user if persona == "operator" else None)
    with django_assert_max_num_queries(MAX_QUERIES):
        assert client.get(url).status_code == 200


def test_the_factory_page_and_the_area_lists_stay_flat(world, client_for, django_assert_max_num_queries):
    client = client_for(world.users["officer_a"])
    factory = make_factory(world.province_a, areas=[world.area_a1])
    for _number in range(10):
        add_records(factory)
    grow(world, 20)
    from ecotown.factories.testing import make_mass_balance

    for year in (2566, 2567, 2568):
        make_mass_balance(factory, year, status="submitted")
    for url in (factory.get_absolute_url(), f"/factories/areas/{world.area_a1.code}/without-management/",
                f"/factories/areas/{world.area_a1.code}/guideline/",
                world.area_a1.get_absolute_url()):  # fmt: skip
        with django_assert_max_num_queries(12):
            assert client.get(url).status_code == 200


def test_an_operator_sees_only_their_factory(world, client_for, operator):
    mine = make_factory(world.province_a, operators=[operator], name="โรงงานของฉัน")
    other = make_factory(world.province_a, name="โรงงานของคนอื่น")
    client = client_for(operator)
    page = client.get("/factories/").content.decode()
    assert "โรงงานของฉัน" in page
    assert "โรงงานของคนอื่น" not in page
    assert client.get(mine.get_absolute_url()).status_code == 200
    assert client.get(other.get_absolute_url()).status_code == 404
    assert [row["id"] for row in client.get("/api/factories/").json()["results"]] == [mine.pk]


def test_the_lacking_list_and_its_excel_export(world, client_for):
    day = datetime.date.today()
    complete = make_factory(world.province_a, areas=[world.area_a1], name="โรงงานครบ")
    for scheme in (choices.Scheme.ISO_14001, choices.Scheme.ISO_45001, choices.Scheme.CSR_DIW):
        Certification.objects.create(factory=complete, scheme=scheme, valid_from=day - datetime.timedelta(days=10))
    make_factory(world.province_a, areas=[world.area_a1], name='=HYPERLINK("http://x")')
    expired = make_factory(world.province_a, areas=[world.area_a1], name="โรงงานใบรับรองหมดอายุ")
    for scheme in (choices.Scheme.ISO_14001, choices.Scheme.ISO_45001, choices.Scheme.CSR_DIW):
        Certification.objects.create(factory=expired, scheme=scheme, valid_from=day - datetime.timedelta(days=900),
                                     valid_until=day - datetime.timedelta(days=1))  # fmt: skip
    client = client_for(world.users["secretary_a1"])
    page = client.get(f"/factories/areas/{world.area_a1.code}/without-management/").content.decode()
    assert "โรงงานใบรับรองหมดอายุ" in page
    assert "โรงงานครบ" not in page
    response = client.get(f"/factories/areas/{world.area_a1.code}/without-management.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    names = [row[2] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert '\'=HYPERLINK("http://x")' in names  # written as text, never run
    assert "โรงงานครบ" not in names


def test_green_industry_counts_from_the_green_system_level():
    assert management_systems.counts_as(choices.Scheme.GREEN_INDUSTRY, 2) == set()
    assert management_systems.counts_as(choices.Scheme.GREEN_INDUSTRY, 3) == {"environmental"}
    assert management_systems.counts_as(choices.Scheme.CSR_DIW_CONTINUOUS, None) == {"csr"}


def test_the_area_panel_counts_against_the_target(world, client_for):
    load_factory_targets()
    for _number in range(3):
        make_factory(world.province_a, areas=[world.area_a1])
    response = client_for(world.users["officer_a"]).get(world.area_a1.get_absolute_url())
    assert response.status_code == 200
    from ecotown.factories import panels

    request = type("Request", (), {"user": world.users["officer_a"]})()
    panel = panels.area_panel(request, world.area_a1)
    assert panel["count"] == 3
    assert panel["target"].value == 30
    assert panels.area_panel(type("Request", (), {"user": world.users["public"]})(), world.area_a1) is None


def test_an_officer_imports_with_a_preview_then_confirms(world, client_for, django_capture_on_commit_callbacks):
    text = io.StringIO()
    write_sample(text, 6, provinces=["13", "21"], seed=4)
    client = client_for(world.users["officer_a"])
    upload = SimpleUploadedFile("Factory_Data.csv", text.getvalue().encode("utf-8-sig"), "text/csv")
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/factories/import/", {"file": upload})
    preview = Job.objects.get(params__mode="check")
    response = client.get(preview.get_absolute_url())
    assert preview.result["created"] + preview.result["outside"] == 6
    assert "Preview" in response.content.decode()
    assert not Factory.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/factories/import/{preview.key}/confirm/")
    assert Factory.objects.count() == preview.result["created"]
    assert set(Factory.objects.values_list("province__code", flat=True)) == {"13"}
    assert Factory.history.first().history_user == world.users["officer_a"]


def test_a_file_missing_columns_is_explained(world, client_for, django_capture_on_commit_callbacks):
    bad = b"FACREG\n1234\n"
    client = client_for(world.users["diw_admin"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/factories/import/", {"file": SimpleUploadedFile("bad.csv", bad, "text/csv")})
    job = Job.objects.get()
    assert "Columns missing" in job.result["problem"]


def test_bad_rows_are_listed_and_downloadable(world, client_for, django_capture_on_commit_callbacks):
    text = io.StringIO()
    write_sample(text, 3, provinces=["13"], seed=4)
    lines = text.getvalue().splitlines()
    lines[2] = lines[2].replace(",OUT,", ",OUT,").replace(lines[2].split(",")[15], "-7", 1)
    client = client_for(world.users["officer_a"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/factories/import/", {"file": SimpleUploadedFile(
            "f.csv", "\n".join(lines).encode("utf-8"), "text/csv")})  # fmt: skip
    job = Job.objects.get()
    response = client.get(job.get_absolute_url())
    assert job.result["refused"] == 1
    assert "negative" in response.content.decode()
    report = client.get(job.result["errors_url"])
    assert b"TOTAL_WORKER" in b"".join(report.streaming_content)
    assert client_for(world.users["officer_b"]).get(job.result["errors_url"]).status_code == 404
    confirm = client.post(job.result["confirm_url"])
    assert confirm.status_code == 302
    assert not Factory.objects.exists()


def test_the_area_panel_totals_accepted_balances(world, client_for):
    from ecotown.factories import balances as balance_rules
    from ecotown.factories import panels
    from ecotown.factories.testing import make_mass_balance

    balance_rules.load_emission_factors()
    factory = make_factory(world.province_a, areas=[world.area_a1])
    make_mass_balance(factory, 2568, status="accepted")
    make_mass_balance(factory, 2569)  # a draft counts for nothing yet
    request = type("Request", (), {"user": world.users["officer_a"]})()
    totals = panels.area_panel(request, world.area_a1)["totals"]
    assert [total["year"] for total in totals] == [2568]
    assert totals[0]["water_m3"] == 200
    assert totals[0]["waste"][list(choices.WasteRoute.values).index("landfill")] == 10
    assert totals[0]["ghg_t"] == pytest.approx(500_000 * 0.4999 / 1000)
    from ecotown.core.registry import registry

    index = [p.template for p in registry.panels["area"]].index("factories/area_panel.html")
    page = client_for(world.users["officer_a"]).get(f"/panels/area/{world.area_a1.pk}/{index}/")
    assert "area-totals" in page.content.decode()


def test_a_pasted_registration_number_finds_its_factory_exactly(world, client_for):
    wanted = make_factory(world.province_a, registration_number="10130000000107",
                          old_registration_number="3-105-1/60ปท")  # fmt: skip
    make_factory(world.province_a, registration_number="10130000005555", name="ไม่ใช่โรงงานนี้")
    client = client_for(world.users["officer_a"])
    for query in ('="10130000000107"', "1013-0000-0001-07", " 3 - 105 - 1 / 60 ปท"):
        found = client.get("/api/factories/", {"q": query}).json()["results"]
        assert [row["id"] for row in found] == [wanted.pk], query
    assert len(client.get("/api/factories/", {"q": "0107"}).json()["results"]) == 1  # a fragment: contains


def test_the_schema_says_the_mass_balance_action_answers_a_list_of_balances(client):
    """The fuzz run found the action answering a list while the schema promised one factory."""
    schema = client.get("/api/schema/", {"format": "json"}).json()
    answer = schema["paths"]["/api/factories/{id}/mass-balance/"]["get"]["responses"]["200"]
    body = answer["content"]["application/json"]["schema"]
    assert body["type"] == "array"
    assert body["items"]["$ref"].endswith("/MassBalance")
