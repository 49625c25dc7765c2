import pytest
from django.contrib.messages import constants, get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape

from ecotown.areas.choices import AreaKind
from ecotown.criteria import views
from ecotown.criteria.loader import plan_catalogue
from ecotown.criteria.models import AreaRequirementSelection, Catalogue
from ecotown.criteria.testing import bulk_make_requirements
from ecotown.criteria.tests.factories import EIT_2022, MINIMAL, load, table_counts
from ecotown.criteria.totals import Count, StatedCount

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue():
    return load(EIT_2022.read_text(encoding="utf-8"))


BROWSE = ["diw_admin", "officer_a", "public", "anonymous"]


@pytest.mark.parametrize("persona", BROWSE)
def test_everyone_may_browse_the_catalogue(world, client_for, catalogue, persona):
    client = client_for(getattr(world, persona))
    requirement = catalogue.requirements.get(code="B01")
    for url in (
        reverse("criteria:catalogue_list"),
        catalogue.get_absolute_url(),
        reverse("criteria:requirement_list"),
        requirement.get_absolute_url(),
        reverse("criteria:catalogue_compare"),
    ):
        assert client.get(url).status_code == 200, url


def test_a_first_visit_lists_every_catalogue_and_requirement(world, client_for, catalogue):
    client = client_for(None)
    assert client.get(reverse("criteria:catalogue_list")).context["table"].paginator.count == 1
    assert client.get(reverse("criteria:requirement_list")).context["table"].paginator.count == 36


def test_the_catalogue_page_shows_levels_counts_and_the_provisional_badge(world, client_for, catalogue):
    response = client_for(None).get(catalogue.get_absolute_url())
    content = response.content.decode()
    assert "badge-provisional" in content
    assert "การมีส่วนร่วม" in content
    assert response.context["total"] == 36
    assert [row.loaded for row in response.context["count_rows"][1:6]] == [
        Count(4, 0), Count(3, 3), Count(5, 0), Count(3, 0), Count(6, 0),
    ]  # fmt: skip


def test_the_requirement_list_filters_by_kind_level_dimension_and_search(world, client_for, catalogue):
    client = client_for(None)
    url = reverse("criteria:requirement_list")

    def codes(**params):
        return {row.record.code for row in client.get(url, params).context["table"].page.object_list}

    assert len(codes(kind="basic")) == 12
    assert codes(kind="specific", level=2) == {"S2-01", "S2-02", "S2-03"}
    assert "G4-02" in codes(dimension="environment", level=4)
    assert "G4-02" not in codes(dimension="society", level=4)
    assert codes(q="ISO 14001") == {"G2-02"}
    assert len(codes(catalogue_code="eit", catalogue_version="2022.2", kind="basic")) == 12


def test_an_htmx_request_gets_only_the_results(world, client_for, catalogue):
    response = client_for(None).get(reverse("criteria:requirement_list"), {"kind": "basic"}, HTTP_HX_REQUEST="true")
    assert b"<html" not in response.content
    assert b"B01" in response.content


def test_the_requirement_list_stays_within_its_query_budget(
    world, client_for, catalogue, django_assert_max_num_queries
):
    client = client_for(world.officer_a)
    bulk_make_requirements(catalogue, 300)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("criteria:requirement_list"))
    assert response.status_code == 200
    assert response.context["table"].paginator.count == 336


def test_the_compare_page_shows_the_differences(world, client_for):
    old = load()
    new = load(MINIMAL.replace('version: "1"', 'version: "2"').replace("level: 2", "level: 1"))
    response = client_for(None).get(reverse("criteria:catalogue_compare"), {"old": old.pk, "new": new.pk})
    assert [change.code for change in response.context["comparison"].changed] == ["S2"]


def _upload(client, text, name="catalogue.yaml"):
    file = SimpleUploadedFile(name, text.encode("utf-8"), content_type="application/x-yaml")
    return client.post(reverse("criteria:catalogue_upload"), {"file": file})


def test_a_diw_administrator_previews_then_confirms_an_upload(world, client_for):
    load()
    client = client_for(world.diw_admin)
    assert client.get(reverse("criteria:catalogue_upload")).status_code == 200
    text = MINIMAL.replace('version: "1"', 'version: "2"').replace("  - code: S2", "  - code: S3")
    preview = _upload(client, text)
    assert preview.status_code == 200
    plan = preview.context["plan"]
    assert [item["code"] for item in plan.comparison.added] == ["S3"]
    assert [item["code"] for item in plan.comparison.removed] == ["S2"]
    assert Catalogue.objects.count() == 1, "the preview writes nothing"
    response = client.post(reverse("criteria:catalogue_upload"), {"confirm": "1", "sha256": plan.sha256})
    loaded = Catalogue.objects.get(version="2")
    assert response.status_code == 302
    assert response.url == loaded.get_absolute_url()
    assert loaded.loaded_by == world.diw_admin
    # The pending file is gone: a second confirmation loads nothing.
    again = client.post(reverse("criteria:catalogue_upload"), {"confirm": "1", "sha256": plan.sha256})
    assert again.status_code == 302
    assert Catalogue.objects.count() == 2


def test_an_upload_with_errors_lists_them_with_lines_and_cannot_be_confirmed(world, client_for):
    client = client_for(world.diw_admin)
    before = table_counts()
    response = _upload(client, MINIMAL.replace("level: 2", "level: 7").replace("kind: basic", "kind: core"))
    errors = response.context["plan"].errors
    assert [error.line for error in errors] == [17, 31]
    content = response.content.decode()
    assert 'data-line="17"' in content
    assert escape(errors[0].message) in content
    assert b'name="confirm"' not in response.content
    sha256 = response.context["plan"].sha256
    confirm = client.post(reverse("criteria:catalogue_upload"), {"confirm": "1", "sha256": sha256})
    assert confirm.status_code == 302
    assert table_counts() == before


def _confirm_after_another_request_loaded(client, monkeypatch, loaded_text):
    """Confirm the previewed MINIMAL while another request, which read the database at the same moment,
    has just loaded `loaded_text`: both requests passed the "already loaded?" check before either wrote."""
    preview = _upload(client, MINIMAL)
    stale = plan_catalogue(MINIMAL)
    load(loaded_text)
    monkeypatch.setattr(views, "plan_catalogue", lambda content: stale)
    return client.post(reverse("criteria:catalogue_upload"), {"confirm": "1", "sha256": preview.context["plan"].sha256})


def test_a_double_submitted_confirmation_loads_once_and_says_so(world, client_for, monkeypatch):
    client = client_for(world.diw_admin)
    response = _confirm_after_another_request_loaded(client, monkeypatch, MINIMAL)
    loaded = Catalogue.objects.get()
    assert response.status_code == 302
    assert response.url == loaded.get_absolute_url()
    # "… is already loaded", not "Loaded …": an information, not a success.
    assert [message.level for message in get_messages(response.wsgi_request)] == [constants.INFO]


def test_a_confirmation_that_loses_to_other_content_with_the_same_version_shows_the_error(
    world, client_for, monkeypatch
):
    client = client_for(world.diw_admin)
    response = _confirm_after_another_request_loaded(client, monkeypatch, MINIMAL.replace("ลดของเสีย", "ลดขยะ"))
    assert response.status_code == 200
    assert [error.line for error in response.context["plan"].errors] == [2]
    assert b'name="confirm"' not in response.content
    assert Catalogue.objects.count() == 1


def test_confirming_a_file_other_than_the_previewed_one_loads_nothing(world, client_for):
    client = client_for(world.diw_admin)
    _upload(client, MINIMAL)
    response = client.post(reverse("criteria:catalogue_upload"), {"confirm": "1", "sha256": "0" * 64})
    assert response.status_code == 302
    assert not Catalogue.objects.exists()


@pytest.mark.parametrize(
    ("persona", "refused"),
    [("officer_a", 403), ("secretary_a1", 403), ("auditor_a1", 403), ("operator", 403), ("public", 403),
     ("anonymous", 302)],
)  # fmt: skip
def test_only_diw_administrators_may_upload(world, client_for, persona, refused):
    client = client_for(getattr(world, persona))
    assert client.get(reverse("criteria:catalogue_upload")).status_code == refused
    assert _upload(client, MINIMAL).status_code == refused
    assert not Catalogue.objects.exists()


SELECTION = [
    ("diw_admin", "area_a1", True),
    ("officer_a", "area_a1", True),
    ("officer_a", "area_b1", False),
    ("officer_b", "area_a1", False),
    ("secretary_a1", "area_a1", True),
    ("secretary_a1", "area_a2", False),
    ("auditor_a1", "area_a1", False),
    ("public", "area_a1", False),
    ("anonymous", "area_a1", False),
]


@pytest.mark.parametrize(("persona", "area", "may_choose"), SELECTION)
def test_everyone_reads_an_areas_specific_requirements_and_only_its_people_choose(
    world, client_for, catalogue, persona, area, may_choose
):
    url = reverse("criteria:area_selection", kwargs={"code": getattr(world, area).code})
    response = client_for(getattr(world, persona)).get(url)
    assert response.status_code == 200
    assert (response.context["form"] is not None) == may_choose
    assert ('type="checkbox"' in response.content.decode()) == may_choose


READ_ONLY = [persona_area for persona_area in SELECTION if not persona_area[2]]


@pytest.mark.parametrize(("persona", "area", "may_choose"), READ_ONLY)
def test_read_only_roles_see_the_chosen_specific_requirements_not_an_empty_choice(
    world, client_for, catalogue, persona, area, may_choose
):
    area = getattr(world, area)
    chosen = catalogue.requirements.get(code="S2-03")
    AreaRequirementSelection.objects.create(area=area, requirement=chosen)
    response = client_for(getattr(world, persona)).get(reverse("criteria:area_selection", kwargs={"code": area.code}))
    assert response.status_code == 200
    content = response.content.decode()
    assert "data-read-only" in content
    assert chosen.get_absolute_url() in content
    assert escape(str(chosen.title)) in content
    assert "S2-01" not in content  # offered to choose, not chosen: read-only roles see only what was chosen
    assert "no other specific requirement to choose" not in content
    assert "hx-post" not in content
    assert 'type="checkbox"' not in content


def test_a_read_only_role_is_told_when_nothing_was_chosen(world, client_for, catalogue):
    response = client_for(world.auditor_a1).get(
        reverse("criteria:area_selection", kwargs={"code": world.area_a1.code}), HTTP_ACCEPT_LANGUAGE="en"
    )
    assert "ยังไม่ได้นำข้อกำหนดเฉพาะอื่น" in response.content.decode()  # "has not adopted any other specific …"


def test_a_requirement_that_carries_targets_cannot_be_deselected(world, client_for, catalogue):
    from ecotown.targets.testing import make_target

    area = world.area_a1
    url = reverse("criteria:area_selection", kwargs={"code": area.code})
    chosen = catalogue.requirements.get(code="S2-03")
    client = client_for(world.secretary_a1)
    client.post(url, {"catalogue": catalogue.pk, "requirements": [chosen.pk]})
    make_target(area, chosen, 2569, 1)
    response = client.post(url, {"catalogue": catalogue.pk, "requirements": []})
    assert response.status_code == 200
    assert "S2-03" in str(response.context["form"].errors)
    assert area.requirement_selections.filter(requirement=chosen).exists()


def test_the_area_secretary_selects_specific_requirements_with_htmx(world, client_for, catalogue):
    area = world.area_a1
    url = reverse("criteria:area_selection", kwargs={"code": area.code})
    chosen = catalogue.requirements.get(code="S2-03")
    client = client_for(world.secretary_a1)
    response = client.post(url, {"catalogue": catalogue.pk, "requirements": [chosen.pk]}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert b"<html" not in response.content
    assert list(area.requirement_selections.values_list("requirement__code", flat=True)) == ["S2-03"]
    assert chosen.applies_to(area)
    client.post(url, {"catalogue": catalogue.pk, "requirements": []})
    assert not AreaRequirementSelection.objects.exists()


def test_requirements_listed_for_the_kind_of_area_apply_without_selection(world, client_for):
    catalogue = load()  # its S2 applies to pollution-control zones
    world.area_b1.kind = AreaKind.POLLUTION_CONTROL_ZONE
    world.area_b1.save()
    url = reverse("criteria:area_selection", kwargs={"code": world.area_b1.code})
    response = client_for(world.officer_b).get(url + f"?catalogue={catalogue.pk}")
    assert [requirement.code for requirement in response.context["automatic"]] == ["S2"]
    assert not response.context["form"].fields["requirements"].queryset.exists()


def test_the_shipped_catalogues_invented_specific_requirements_are_only_ever_selected(world, client_for, catalogue):
    world.area_b1.kind = AreaKind.POLLUTION_CONTROL_ZONE
    world.area_b1.save()
    url = reverse("criteria:area_selection", kwargs={"code": world.area_b1.code})
    response = client_for(world.officer_b).get(url)
    assert response.context["automatic"] == []
    choices = {requirement.code for requirement in response.context["form"].fields["requirements"].queryset}
    assert choices == {"S2-01", "S2-02", "S2-03"}


def test_the_shipped_catalogue_page_shows_the_slides_totals_beside_the_loaded_ones(world, client_for, catalogue):
    response = client_for(None).get(catalogue.get_absolute_url())
    general, specific = response.context["count_rows"][-2:]
    assert (general.declared, general.loaded, general.differs) == (StatedCount(total=23), Count(total=21), True)
    assert (specific.declared, specific.loaded, specific.differs) == (StatedCount(total=6), Count(total=3), True)
    assert response.context["source_disagreement"] == (29, 24)
    content = response.content.decode()
    assert "data-draft-source" in content
    assert content.count('data-provisional="level-name"') == 5


def test_officer_b_may_not_select_for_an_area_of_province_a(world, client_for, catalogue):
    url = reverse("criteria:area_selection", kwargs={"code": world.area_a1.code})
    chosen = catalogue.requirements.get(code="S2-03")
    response = client_for(world.officer_b).post(url, {"catalogue": catalogue.pk, "requirements": [chosen.pk]})
    assert response.status_code == 404
    assert not AreaRequirementSelection.objects.exists()


SOURCE = """\
source:
  draft: true
  effective_date_assumed: true
  note: {th: สไลด์ร่างระบุจำนวนไม่ตรงกัน, en: The draft slide disagrees with itself}
  declared_totals:
    basic: 1
    general: 3
    specific: 2
    per_level:
      - {level: 1, total: 1}
      - {level: 2, general: 1, specific: 1}
"""
FROM_A_DRAFT = MINIMAL.replace("levels:\n", SOURCE + "levels:\n", 1).replace(
    "name: {th: การมีส่วนร่วม, en: Engagement}", "name: {th: การมีส่วนร่วม, en: Engagement}\n    name_is_provisional: true"
)


def test_the_catalogue_page_sets_the_counts_the_source_states_beside_those_loaded(world, client_for):
    catalogue = load(FROM_A_DRAFT)
    response = client_for(None).get(catalogue.get_absolute_url())
    rows = [(row.declared, row.loaded, row.differs) for row in response.context["count_rows"]]
    assert rows == [
        (StatedCount(total=1), Count(total=1), False),  # basic
        (StatedCount(total=1), Count(1, 0), False),  # level 1: the source gives a count without a split
        (StatedCount(1, 1), Count(0, 1), True),  # level 2: nothing general loaded
        (StatedCount(total=3), Count(total=1), True),  # general, all levels
        (StatedCount(total=2), Count(total=1), True),  # specific, all levels
    ]
    # The source's own totals (3 + 2) and its per-level list (1 + 2) disagree: the page says so.
    assert response.context["source_disagreement"] == (5, 3)
    content = response.content.decode()
    assert "สไลด์ร่างระบุจำนวนไม่ตรงกัน" in content
    assert 'class="counts-differ' in content


def test_a_catalogue_from_a_draft_source_is_marked_on_the_list_and_its_page(world, client_for):
    draft, official = load(FROM_A_DRAFT), load(MINIMAL.replace("code: test", "code: other"))
    client = client_for(None)
    listing = client.get(reverse("criteria:catalogue_list")).content.decode()
    assert listing.count("data-draft-source") == 1
    assert "ร่าง · " in listing
    page = client.get(draft.get_absolute_url()).content.decode()
    assert "data-draft-source" in page
    assert "data-draft-source" not in client.get(official.get_absolute_url()).content.decode()


def test_the_catalogue_page_says_which_level_names_and_dates_are_assumed(world, client_for):
    catalogue = load(FROM_A_DRAFT)
    client = client_for(None)
    page = client.get(catalogue.get_absolute_url()).content.decode()
    assert page.count('data-provisional="level-name"') == 1
    assert 'data-provisional="effective-date"' in page
    requirement = catalogue.requirements.get(code="G1")
    assert 'data-provisional="level-name"' in client.get(requirement.get_absolute_url()).content.decode()
    official = load(MINIMAL.replace("code: test", "code: other"))
    assert "data-provisional" not in client.get(official.get_absolute_url()).content.decode()
