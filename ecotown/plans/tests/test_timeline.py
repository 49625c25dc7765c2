"""The plan timeline: bars placed by fiscal quarter (October to September), by classes, not inline styles."""

import datetime
import shutil
import subprocess

import pytest
from django.urls import reverse

from ecotown.plans import timeline
from ecotown.plans.models import Plan
from ecotown.plans.testing import make_plan, make_project, make_report

from .test_queries import count_queries, grow_plan

pytestmark = pytest.mark.django_db


def test_bars_are_placed_by_fiscal_quarter():
    plan = Plan(first_year=2567, last_year=2569)  # 1 Oct 2023 – 30 Sep 2026: 12 quarters
    assert timeline.column(plan, datetime.date(2023, 10, 1)) == 1  # Q1 of FY 2567
    assert timeline.column(plan, datetime.date(2024, 1, 15)) == 2  # Q2
    assert timeline.column(plan, datetime.date(2024, 9, 30)) == 4  # Q4
    assert timeline.column(plan, datetime.date(2024, 10, 1)) == 5  # Q1 of FY 2568
    projects = [
        _project("a", datetime.date(2024, 1, 1), datetime.date(2025, 3, 31)),  # Q2/2567 – Q2/2568
        _project("b", datetime.date(2022, 5, 1), datetime.date(2024, 2, 1)),  # starts before the plan
        _project("c", datetime.date(2026, 7, 1), datetime.date(2028, 1, 1)),  # ends after it
        _project("d", datetime.date(2030, 1, 1), datetime.date(2030, 6, 1)),  # entirely after it
        _project("e", None, datetime.date(2025, 1, 1)),
    ]
    bars, undated = timeline.bars(plan, projects)
    assert [(b.project.title, b.start, b.span, b.clipped) for b in bars] == [
        ("a", 2, 5, False),
        ("b", 1, 2, True),
        ("c", 12, 1, True),
        ("d", 12, 1, True),
    ]
    assert [p.title for p in undated] == ["e"]
    assert timeline.columns(plan) == 12
    assert timeline.year_headers(plan) == [(2567, 1), (2568, 5), (2569, 9)]


def _project(title, start, end):
    from ecotown.plans.models import Project

    return Project(title=title, start_date=start, end_date=end)


def test_the_timeline_page_shows_bars_without_inline_styles(world, client_for):
    plan = make_plan(world.area_a1)  # fiscal years 2566–2570
    project = make_project(plan.latest_version, "โครงการมีกำหนด", start_date=datetime.date(2023, 10, 1),
                           end_date=datetime.date(2024, 6, 30))  # fmt: skip
    make_report(project, 30, status="delayed")
    make_project(plan.latest_version, "โครงการไม่มีกำหนด")
    response = client_for(world.secretary_a1).get(reverse("plans:plan_timeline", kwargs={"pk": plan.pk}))
    html = response.content.decode()
    assert response.status_code == 200
    assert "tl-bar tl-start-5 tl-span-3 tl-status-delayed" in html  # FY 2567 begins at column 5
    assert "tl-cols-20" in html
    assert "โครงการไม่มีกำหนด" in html.split("timeline-undated")[1]
    assert "style=" not in html.split("plan-timeline")[1]


def test_the_timeline_costs_the_same_with_ten_times_the_projects(world, client_for):
    client = client_for(world.diw_admin)
    small, large = make_plan(world.area_a1), make_plan(world.area_a2)
    for plan, count in ((small, 3), (large, 30)):
        version = grow_plan(plan, [], count)
        version.projects.update(start_date=datetime.date(2024, 1, 1), end_date=datetime.date(2025, 6, 30))
        for project in version.projects.all():
            make_report(project, 30)
    few = count_queries(client, reverse("plans:plan_timeline", kwargs={"pk": small.pk}))
    many = count_queries(client, reverse("plans:plan_timeline", kwargs={"pk": large.pk}))
    assert few == many


def test_a_bar_is_a_row_of_table_cells_one_per_quarter_around_it():
    bar = timeline.Bar(project=None, start=3, span=4)
    assert bar.cells(8) == [(1, False), (1, False), (4, True), (1, False), (1, False)]
    assert timeline.Bar(project=None, start=1, span=8).cells(8) == [(8, True)]
    assert sum(span for span, _bar in bar.cells(8)) == 8


def test_the_quarters_carry_their_dates():
    plan = Plan(first_year=2567, last_year=2568)
    found = [(q.column, q.fiscal_year, q.quarter, q.first_day, q.last_day) for q in timeline.quarters(plan)]
    assert found[:2] == [
        (1, 2567, 1, datetime.date(2023, 10, 1), datetime.date(2023, 12, 31)),
        (2, 2567, 2, datetime.date(2024, 1, 1), datetime.date(2024, 3, 31)),
    ]
    assert found[3] == (4, 2567, 4, datetime.date(2024, 7, 1), datetime.date(2024, 9, 30))
    assert found[-1] == (8, 2568, 4, datetime.date(2025, 7, 1), datetime.date(2025, 9, 30))
    # Every date of a quarter falls in its column.
    assert all(timeline.column(plan, q.first_day) == timeline.column(plan, q.last_day) == q.column for q in
               timeline.quarters(plan))  # fmt: skip


@pytest.fixture
def dated_plan(world):
    """An approved plan of A1 (fiscal years 2566–2570): one project Q1/2567–Q3/2567 reported delayed, one undated."""
    from ecotown.engagement.testing import make_committee
    from ecotown.plans.testing import approve

    plan = make_plan(world.area_a1)
    project = make_project(plan.latest_version, "โครงการมีกำหนด", code="P-9", start_date=datetime.date(2023, 10, 1),
                           end_date=datetime.date(2024, 6, 30))  # fmt: skip
    make_project(plan.latest_version, "โครงการไม่มีกำหนด")
    approve(plan.latest_version, make_committee(area=world.area_a1))
    make_report(project, 30, status="delayed")
    return plan


@pytest.mark.skipif(not shutil.which("pdftotext") or not shutil.which("pdftoppm"), reason="poppler-utils missing")
def test_the_plan_pdf_draws_the_timeline_on_a_landscape_page(world, dated_plan, client_for, tmp_path):
    response = client_for(world.secretary_a1).get(reverse("plans:plan_pdf", kwargs={"pk": dated_plan.pk}))
    assert response.status_code == 200
    path = tmp_path / "plan.pdf"
    path.write_bytes(response.content)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    pages = text.split("\f")
    timeline_page = next(page for page in pages if "รายไตรมาส" in "".join(page.split()))
    joined = "".join(timeline_page.split())
    assert "ปีงบประมาณ2567" in joined and "ปีงบประมาณ2570" in joined  # noqa: PT018 — B.E. fiscal years
    # pdftotext splits SARA AM (ำ) from its consonant with the Thai fonts: compare text without it.
    assert "P-9" in joined
    assert "ล่าช้า" in joined  # the bar carries its latest report's status, in Thai
    assert "โครงการไม่มีกาหนด" in joined.replace("ำ", "า")  # listed under the undated projects
    assert "2023" not in timeline_page  # dates in the Buddhist Era
    number = next(i for i, page in enumerate(pages, 1) if page is timeline_page)
    info = subprocess.run(["pdfinfo", "-f", str(number), "-l", str(number), str(path)], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    size = next(line for line in info.splitlines() if line.startswith("Page") and "size" in line)
    width, height = (float(value) for value in size.split(":", 1)[1].split("pts")[0].split(" x "))
    assert width > height  # the timeline's named page is A4 landscape; the rest stays portrait
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", str(number), "-l", str(number), str(path),
                    str(tmp_path / "page")], check=True)  # fmt: skip
    (png,) = tmp_path.glob("page*.png")
    assert png.stat().st_size > 1000


def test_the_api_answers_the_timeline_of_the_version_shown(world, dated_plan, api_client_for):
    url = reverse("api:plan-timeline", kwargs={"pk": dated_plan.pk})
    data = api_client_for(None).get(url).json()
    assert (data["version"], data["first_year"], data["last_year"]) == (1, 2566, 2570)
    assert len(data["quarters"]) == 20
    assert data["quarters"][4] == {"column": 5, "fiscal_year": 2567, "quarter": 1, "first_day": "2023-10-01",
                                   "last_day": "2023-12-31"}  # fmt: skip
    (bar,) = data["bars"]
    assert (bar["code"], bar["start_column"], bar["span"], bar["clipped"], bar["status"]) == ("P-9", 5, 3, False,
                                                                                             "delayed")  # fmt: skip
    assert [p["title"] for p in data["undated"]] == ["โครงการไม่มีกำหนด"]
    assert api_client_for(None).get(url + "?version=2").status_code == 404
