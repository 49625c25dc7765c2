"""The upgrade report from the records: the PDF opens, speaks Thai, states its cut-off date and renders; the
workbook's tables parse back and match figures the test computes from the records itself."""

import datetime
import hashlib
import io
import subprocess

import pytest
from django.utils.translation import gettext, override
from openpyxl import load_workbook

from ecotown.factories.balances import factor_for
from ecotown.factories.models import ComplianceCheck, EmissionFactor, Flow, Inspection, MassBalance
from ecotown.reports.choices import ReportStatus
from ecotown.reports.tests.conftest import CUT_OFF, YEARS, read

pytestmark = pytest.mark.django_db


def thai(text: str) -> str:
    """Spaces dropped, and sara am read as sara aa: the Thai fonts' glyph map gives one for the other."""
    return text.replace(" ", "").replace("\n", "").replace("\u0e33", "\u0e32")


def sheet(workbook, title: str) -> list[tuple]:
    with override("th"):
        name = gettext(title)[:31]
    return list(workbook[name].iter_rows(values_only=True))


@pytest.fixture(scope="module")
def workbook(history):
    return load_workbook(io.BytesIO(history.workbook), read_only=True)


@pytest.fixture(scope="module")
def pdf_path(history, tmp_path_factory):
    path = tmp_path_factory.mktemp("report") / "report.pdf"
    path.write_bytes(history.pdf)
    return path


def test_the_report_is_ready_and_stored_with_its_checksums(history):
    report = history.report
    assert report.status == ReportStatus.READY
    for stored in (report.pdf, report.workbook):
        assert hashlib.sha256(read(stored)).hexdigest() == stored.sha256
    assert hashlib.sha256(history.pdf).hexdigest() == report.pdf.sha256
    assert report.generated_at is not None
    assert report.generation_seconds > 0


def test_the_pdf_has_10_to_30_pages_in_thai_with_its_cut_off_date(history, pdf_path):
    assert 10 <= history.report.pages <= 30
    info = subprocess.run(["pdfinfo", str(pdf_path)], capture_output=True, text=True, check=True).stdout
    assert f"Pages:           {history.report.pages}" in info
    text = thai(subprocess.run(["pdftotext", str(pdf_path), "-"], capture_output=True, text=True, check=True).stdout)
    assert thai("รายงานผลการยกระดับพื้นที่") in text
    assert thai(history.area_a1.name_th) in text
    assert thai("30 กันยายน 2569") in text  # the cut-off date, B.E.
    assert thai("ข้อมูลที่ขาด") in text


def test_the_pages_render_with_their_charts(history, pdf_path, tmp_path):
    subprocess.run(["pdftoppm", "-png", "-r", "30", "-f", "1", "-l", str(history.report.pages), str(pdf_path),
                    str(tmp_path / "page")], check=True)  # fmt: skip
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) == history.report.pages
    assert all(page.stat().st_size > 500 for page in pages)
    # Every chart matplotlib drew is an image in the PDF: one per series of figures the sections give.
    images = subprocess.run(["pdfimages", "-list", str(pdf_path)], capture_output=True, text=True, check=True)
    kinds = [line.split()[2] for line in images.stdout.splitlines()[2:]]
    assert kinds.count("image") == 13  # one per chart the sections draw (capacity building adds one)


def expected_outcomes(area) -> dict:
    """The figures of the outcome table, computed here from the flows one by one."""
    factors = list(EmissionFactor.objects.all())
    figures = {year: {"water": 0.0, "reused": 0.0, "hazardous": 0.0, "landfill": 0.0, "ghg": 0.0} for year in YEARS}
    flows = Flow.objects.filter(mass_balance__factory__areas=area, mass_balance__status="accepted",
                                mass_balance__year__in=YEARS).select_related("mass_balance")  # fmt: skip
    for flow in flows:
        year, quantity = figures[flow.mass_balance.year], float(flow.quantity)
        if flow.category == "water" and flow.direction == "in":
            year["water"] += quantity
        if flow.category == "wastewater" and flow.route == "reuse":
            year["reused"] += quantity
        if flow.category == "waste" and flow.hazardous:
            year["hazardous"] += quantity
        if flow.category == "waste" and flow.route == "landfill":
            year["landfill"] += quantity
        if flow.category == "energy":
            day = datetime.date(flow.mass_balance.year - 543, 7, 1)
            year["ghg"] += quantity * float(factor_for(factors, flow.carrier, flow.unit, day).kg_co2e) / 1000
    return figures


def test_the_outcome_table_matches_the_records(history, workbook):
    rows = sheet(workbook, "Outcomes by fiscal year")
    assert rows[0][2:7] == tuple(str(year) for year in YEARS)
    by_label = {row[0]: row for row in rows[1:]}
    expected = expected_outcomes(history.area_a1)
    with override("th"):
        labels = {
            "water": gettext("Water used"), "reused": gettext("Water reused or recycled"),
            "hazardous": gettext("Hazardous waste"), "ghg": gettext("Greenhouse gases, scope 1 + 2"),
            "landfill": gettext("Waste: {route}").format(route=gettext("Landfill")),
        }  # fmt: skip
    for key, label in labels.items():
        assert by_label[label][2:7] == pytest.approx([round(expected[y][key], 2) for y in YEARS], abs=0.01), key
    landfill = [expected[y]["landfill"] for y in YEARS]
    assert by_label[labels["landfill"]][7] == pytest.approx(round((landfill[-1] - landfill[0]) / landfill[0] * 100, 1))
    with override("th"):
        complaints = by_label[gettext("Complaints")][2:7]
    area_complaints = Inspection.objects.filter(factory__areas=history.area_a1, kind="complaint")
    assert list(complaints) == [area_complaints.filter(occurred_on__year=y - 544, occurred_on__month=10).count()
                                for y in YEARS]  # fmt: skip


def test_what_was_missing_is_listed(history, workbook):
    unaccepted = MassBalance.objects.filter(factory__areas=history.area_a1, year=YEARS[-1]).exclude(status="accepted")
    assert unaccepted.count() == 1
    missing = history.report.missing
    with override("th"):
        expected = gettext(
            "Outcomes: {n} of {total} factories have no accepted mass balance for {year} "
            "({waiting} submitted or in draft)."
        ).format(n=1, total=6, year=YEARS[-1], waiting=1)
    assert expected in missing
    about = [row[0] for row in sheet(workbook, "About")]
    assert expected in about


def test_the_factories_table_compares_compliance_and_systems(history, workbook):
    rows = {row[0]: row for row in sheet(workbook, "Factories before and after")[1:]}
    with override("th"):
        compliant, iso, csr = (
            gettext("Compliant on every topic checked"),
            gettext("ISO 14001 environmental management"),
            gettext("CSR-DIW"),
        )
    failing_then = {
        c.factory_id
        for c in ComplianceCheck.objects.filter(
            factory__areas=history.area_a1, result="not_compliant", checked_on__lte=datetime.date(2022, 9, 30)
        )
    }
    assert rows[compliant][1] == 6 - len(failing_then)
    assert rows[compliant][3] == 6
    assert (rows[iso][1], rows[iso][3]) == (0, 3)  # ISO 14001 from FY 2569 on, for every other factory
    assert (rows[csr][1], rows[csr][3]) == (2, 2)


def test_level_targets_plans_participation_and_findings_come_from_the_records(history, workbook):
    changed = sheet(workbook, "Requirements whose result changed")
    assert [row[0] for row in changed[1:]] == ["G1-01", "G1-04"]
    targets = {row[0]: row for row in sheet(workbook, "Targets met by fiscal year")[1:]}
    assert targets[YEARS[0]][1:5] == (4, 1, 2, 1)  # set, met, missed, awaiting
    assert targets[YEARS[-1]][1:5] == (4, 2, 2, 0)
    projects = sheet(workbook, "Projects of the action plan and their progress")
    assert [(row[1], row[4]) for row in projects[1:]] == [("P-01", 75), ("P-02", 0)]
    participation = {row[0]: row for row in sheet(workbook, "Meetings, participants and comments by fiscal year")[1:]}
    assert participation[2565][1:3] == (1, 0)
    assert participation[2569][1:3] == (1, 1)
    assert participation[2569][-4:] == (1, 1, 1, 0)
    findings = sheet(workbook, "Findings closed")
    assert [(row[0], row[1]) for row in findings[1:]] == [(2565, "G1-01")]


def test_a_cut_off_date_leaves_later_records_out(history):
    from ecotown.reports.sections import ReportInput
    from ecotown.reports.sections.outcomes import yearly_figures

    early = ReportInput(history.area_a1, YEARS[0], YEARS[-1], datetime.date(2025, 9, 30))
    assert yearly_figures(early)[YEARS[-1]]["complaints"] == 0
    assert yearly_figures(ReportInput(history.area_a1, YEARS[0], YEARS[-1], CUT_OFF))[YEARS[-1]]["complaints"] == 2
