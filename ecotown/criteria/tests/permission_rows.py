"""Matrix rows for the criteria: public reference data; only DIW loads and puts versions in force; an area's
specific requirements are read by everyone and chosen by its officer and secretariat."""

from ecotown.accounts.testing import PERSONAS
from ecotown.core.testing import Row, rows
from ecotown.criteria.models import AreaRequirementSelection, Catalogue

EVERYONE = dict.fromkeys(PERSONAS, 200)
DIW_ONLY = dict.fromkeys(PERSONAS, 403) | {"diw_admin": 200, "anonymous": 302}
MINIMAL = """\
code: test
version: "1"
title: {th: เกณฑ์ทดสอบ}
effective_date: 2024-01-01
levels: [{number: 1, name: {th: หนึ่ง}}]
dimensions: [{code: environment, name: {th: สิ่งแวดล้อม}}]
requirements:
  - {code: B01, kind: basic, dimensions: [environment], wording: official, title: {th: ข้อหนึ่ง}}
"""


def draft(world):
    """A draft version 2 of the world's catalogue, to put in force."""
    catalogue = Catalogue.objects.filter(code="eit", version="2").first()
    if catalogue is None:
        from ecotown.criteria.testing import make_catalogue, make_requirement

        catalogue = make_catalogue(version="2", status="draft")
        make_requirement(catalogue, "G1-01")
    return {"pk": catalogue.pk}


def status_of(version):
    return lambda world: Catalogue.objects.get(code="eit", version=version).status


def selection(world, *requirements):
    return {"catalogue": world.catalogue.pk, "requirements": [getattr(world, r).pk for r in requirements]}


def area_code(attribute):
    return lambda world: {"code": getattr(world, attribute).code}


ROWS = [
    *rows("GET", "criteria:catalogue_list", EVERYONE),
    *rows("GET", "criteria:catalogue_detail", EVERYONE, target="catalogue"),
    *rows("GET", "criteria:catalogue_compare", EVERYONE),
    *rows("GET", "criteria:requirement_list", EVERYONE),
    *rows("GET", "criteria:requirement_detail", EVERYONE, target="requirement"),
    *rows("GET", "api:catalogue-list", EVERYONE),
    *rows("GET", "api:catalogue-detail", EVERYONE, target="catalogue"),
    *rows("GET", "api:requirement-list", EVERYONE),
    *rows("GET", "api:requirement-detail", EVERYONE, target="requirement"),
    # Uploading a version: DIW only.
    *rows("GET", "criteria:catalogue_upload", DIW_ONLY),
    Row("diw_admin", "POST", "criteria:catalogue_upload", 200, data=lambda w: {"file": _file()}),
    *rows(
        "POST",
        "criteria:catalogue_upload",
        {"officer_a": 403, "public": 403, "anonymous": 302},
        data=lambda w: {"file": _file()},
        check=lambda w: not Catalogue.objects.filter(code="test").exists(),
    ),
    # Putting a version in force moves every area: DIW only.
    *rows("GET", "criteria:catalogue_in_force", DIW_ONLY, target=draft),
    Row(
        "diw_admin",
        "POST",
        "criteria:catalogue_in_force",
        302,
        target=draft,
        data={"first_fiscal_year": "2570"},
        check=lambda w: status_of("2")(w) == "in_force",
    ),
    *rows(
        "POST",
        "criteria:catalogue_in_force",
        {"officer_a": 403, "secretary_a1": 403, "anonymous": 302},
        target=draft,
        data={"first_fiscal_year": "2570"},
        check=lambda w: status_of("2")(w) == "draft",
    ),
    # An area's specific requirements: read by all, chosen by the area's people.
    *rows("GET", "criteria:area_selection", EVERYONE, target=area_code("area_a1")),
    Row(
        "secretary_a1",
        "POST",
        "criteria:area_selection",
        302,
        target=area_code("area_a1"),
        data=lambda w: selection(w, "specific"),
    ),
    Row(
        "officer_a",
        "POST",
        "criteria:area_selection",
        404,
        target=area_code("area_b1"),
        data=lambda w: selection(w, "specific"),
        check=lambda w: not AreaRequirementSelection.objects.filter(area=w.area_b1).exists(),
    ),
    *rows(
        "POST",
        "criteria:area_selection",
        {"auditor_a1": 403, "public": 403, "officer_b": 404, "anonymous": 302},
        target=area_code("area_a1"),
        data=lambda w: selection(w),
        check=lambda w: w.area_a1.requirement_selections.exists(),
    ),
]


def _file():
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("test.yaml", MINIMAL.encode())
