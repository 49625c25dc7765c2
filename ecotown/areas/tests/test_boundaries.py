"""Area boundaries (GeoJSON) that are malformed or hostile: refused with a message and a 4xx, nothing written
(issue 13); stored boundaries that are odd but valid GeoJSON still draw."""

import json
import math
import time

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from ecotown.areas.geojson import MAX_POINTS, validate_boundary
from ecotown.core.testing import HOSTILE_SECONDS

SQUARE = [[100.5, 14.0], [100.6, 14.0], [100.6, 14.1], [100.5, 14.1], [100.5, 14.0]]
BOW_TIE = [[100.5, 14.0], [100.6, 14.1], [100.6, 14.0], [100.5, 14.1], [100.5, 14.0]]
HOLE = [[100.52, 14.02], [100.52, 14.04], [100.54, 14.04], [100.54, 14.02], [100.52, 14.02]]
FIGURE_EIGHT = [[100.5, 14.0], [100.55, 14.05], [100.6, 14.0], [100.6, 14.1], [100.55, 14.05], [100.5, 14.1],
                [100.5, 14.0]]  # fmt: skip
TOUCHING_HOLE = [[100.5, 14.05], [100.55, 14.04], [100.55, 14.06], [100.5, 14.05]]  # meets the shell at one point
DEEP = "[" * 100_000 + "]" * 100_000


def polygon(*rings):
    return {"type": "Polygon", "coordinates": list(rings)}


def feature(geometry, properties=None):
    return {"type": "Feature", "properties": properties, "geometry": geometry}


def circle(points: int, centre=(100.5, 14.0), radius=0.5):
    ring = [
        [
            centre[0] + radius * math.cos(2 * math.pi * i / points),
            centre[1] + radius * math.sin(2 * math.pi * i / points),
        ]
        for i in range(points)
    ]
    return [*ring, ring[0]]


def refusal(data) -> str:
    with translation.override("en"), pytest.raises(ValidationError) as caught:
        validate_boundary(data)
    return " ".join(caught.value.messages)


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        ({"type": "Polygon"}, "coordinates"),
        ({"type": "Polygon", "coordinates": {"a": 1}}, "coordinates"),
        ({"type": "MultiPolygon", "coordinates": [SQUARE]}, "ring"),
        ({"type": ["Polygon"]}, "type"),
        ({"type": "Feature", "geometry": "Polygon"}, "geometry"),
        ({"type": "Feature", "geometry": [SQUARE]}, "geometry"),
        ({"type": "Feature", "properties": [1], "geometry": polygon(SQUARE)}, "properties"),
        ({"type": "FeatureCollection", "features": 5}, "features"),
        ({"type": "FeatureCollection", "features": "abc"}, "features"),
        ({"type": "FeatureCollection", "features": [feature(polygon(SQUARE)), 7]}, "Feature 2"),
        (polygon([[True, False], [True, True], [False, True], [True, False]]), "numbers"),
        (polygon([["100.5", "14.0"], ["100.6", "14.0"], ["100.6", "14.1"], ["100.5", "14.0"]]), "numbers"),
        (polygon([[100.5, 14.0], [100.6, 14.0, "high"], [100.6, 14.1], [100.5, 14.0]]), "numbers"),
        (polygon([[math.nan, 14.0], [100.6, 14.0], [100.6, 14.1], [math.nan, 14.0]]), "numbers"),
        (polygon(BOW_TIE), "crosses itself"),
        (polygon(SQUARE, [[100.55, 13.9], [100.55, 14.2], [100.56, 14.2], [100.56, 13.9], [100.55, 13.9]]), "crosses"),
        (polygon([[100.5, 14.0], [100.6, 14.0], [100.55, 14.0], [100.55, 14.1], [100.5, 14.0]]), "crosses itself"),
        (polygon(FIGURE_EIGHT), "crosses itself"),
        (feature(polygon(SQUARE), {"name": "a\u0000b"}), "control character"),
        (feature(polygon(SQUARE), {"a\u0000": 1}), "control character"),
        (feature(polygon(SQUARE), {"deep": json.loads("[" * 500 + "]" * 500)}), "nested"),
    ],
    ids=[
        "polygon-without-coordinates", "coordinates-object", "multipolygon-one-level-short", "type-not-text",
        "geometry-text", "geometry-list", "properties-list", "features-number", "features-text",
        "feature-not-object", "booleans", "strings", "third-value-text", "nan", "bow-tie", "hole-crossing-shell",
        "spike-back-along-itself", "figure-eight", "nul-in-properties", "nul-in-a-key", "deep-properties",
    ],
)  # fmt: skip
def test_a_malformed_boundary_is_refused_with_the_reason(data, fragment):
    assert fragment in refusal(data)


def test_a_crossing_names_the_feature_and_where():
    data = {
        "type": "FeatureCollection",
        "features": [feature(polygon(SQUARE)), feature(polygon(BOW_TIE), {"name": "ตำบลบางกะดี"})],
    }
    message = refusal(data)
    assert "Feature 2" in message
    assert "ตำบลบางกะดี" in message
    assert "100.55" in message


def test_too_many_points_are_refused_before_any_check():
    message = refusal(polygon(circle(MAX_POINTS + 1)))
    assert "points" in message
    assert f"{MAX_POINTS:,}" in message


@pytest.mark.parametrize(
    "data",
    [
        polygon(SQUARE),
        polygon(SQUARE, HOLE),
        polygon(SQUARE, TOUCHING_HOLE),
        {"type": "MultiPolygon", "coordinates": [[SQUARE], [[[p[0] + 0.2, p[1]] for p in SQUARE]]]},
        feature(polygon(SQUARE)),  # "properties": null is valid GeoJSON
        polygon([[100.5, 14.0], [100.6, 14.0], [100.6, 14.0], [100.6, 14.1], [100.5, 14.0]]),  # a repeated point
        polygon([[100.5, 14.0, 12.5], [100.6, 14.0, 13], [100.6, 14.1, 9], [100.5, 14.0, 12.5]]),  # with altitude
    ],
    ids=["square", "with-hole", "hole-touching-shell", "multipolygon", "null-properties", "repeated-point", "altitude"],
)
def test_a_valid_boundary_is_kept_as_a_feature_collection(data):
    boundary = validate_boundary(data)
    assert boundary["type"] == "FeatureCollection"
    assert all(isinstance(item["properties"], dict) for item in boundary["features"])


def test_the_largest_boundary_allowed_is_checked_in_under_two_seconds():
    started = time.perf_counter()
    validate_boundary(polygon(circle(MAX_POINTS - 1)))
    assert time.perf_counter() - started < HOSTILE_SECONDS


def test_an_outline_of_long_edges_side_by_side_is_refused_as_too_intricate_in_under_two_seconds():
    """A saw-tooth whose teeth all span the same longitudes would make the check quadratic."""
    teeth = [[100.0 + (i % 2), 14.0 + i * 1e-5] for i in range(MAX_POINTS - 10)]
    ring = [*teeth, [101.5, teeth[-1][1]], [101.5, 13.99], teeth[0]]
    started = time.perf_counter()
    assert "too many long edges" in refusal(polygon(ring))
    assert time.perf_counter() - started < HOSTILE_SECONDS


# -- through the edit page and the API: a 4xx and nothing written ----------------------------------------------


def _edit(client, area, content: bytes):
    upload = SimpleUploadedFile("boundary.geojson", content, "application/geo+json")
    data = {"code": area.code, "name_th": area.name_th, "province": area.province_id, "kind": area.kind,
            "revision": area.revision, "boundary_file": upload}  # fmt: skip
    return client.post(reverse("areas:area_edit", kwargs={"pk": area.pk}), data)


PAGE_REFUSALS = {
    "nul-in-properties": json.dumps(feature(polygon(SQUARE), {"name": "a\u0000b"})).encode(),
    "nested-100000-deep": DEEP.encode(),
    "polygon-without-coordinates": b'{"type": "Polygon"}',
    "geometry-text": b'{"type": "Feature", "geometry": "x"}',
    "features-number": b'{"type": "FeatureCollection", "features": 5}',
    "nan": json.dumps(polygon([[math.nan, 14.0], [100.6, 14.0], [100.6, 14.1], [math.nan, 14.0]])).encode(),
    "bow-tie": json.dumps(polygon(BOW_TIE)).encode(),
}


@pytest.mark.django_db
@pytest.mark.parametrize("content", PAGE_REFUSALS.values(), ids=PAGE_REFUSALS.keys())
def test_the_edit_page_refuses_a_bad_boundary_file_and_keeps_the_old_one(world, client_for, content):
    area = world.area_a1
    area.boundary = validate_boundary(polygon(SQUARE))
    area.save()
    response = _edit(client_for(world.officer_a), area, content)
    assert response.status_code == 200
    assert response.context["form"].errors["boundary_file"]
    area.refresh_from_db()
    assert area.boundary["features"][0]["geometry"]["coordinates"] == [SQUARE]


API_REFUSALS = {
    "nul-in-properties": json.dumps({"boundary": feature(polygon(SQUARE), {"name": "a\u0000b"})}),
    "nested-100000-deep": '{"boundary": ' + DEEP + "}",
    "polygon-without-coordinates": json.dumps({"boundary": {"type": "Polygon"}}),
    "features-number": json.dumps({"boundary": {"type": "FeatureCollection", "features": 5}}),
    "bow-tie": json.dumps({"boundary": polygon(BOW_TIE)}),
    "nan": '{"boundary": {"type": "Polygon", "coordinates": [[[NaN, 14], [100.6, 14], [100.6, 14.1], [NaN, 14]]]}}',
}


@pytest.mark.django_db
@pytest.mark.parametrize("body", API_REFUSALS.values(), ids=API_REFUSALS.keys())
def test_the_api_refuses_a_bad_boundary_with_a_400_and_writes_nothing(world, api_client_for, body):
    area = world.area_a1
    url = reverse("api:area-detail", kwargs={"pk": area.pk})
    response = api_client_for(world.officer_a).patch(url, body, content_type="application/json")
    assert response.status_code == 400, response.content[:300]
    area.refresh_from_db()
    assert area.boundary is None


# -- stored boundaries that are valid GeoJSON, or were stored before these checks ----------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "boundary",
    [
        {"type": "FeatureCollection", "features": [feature(polygon(SQUARE), None)]},
        {"type": "FeatureCollection", "features": [feature(polygon(SQUARE), [1, 2])]},
        {"type": "FeatureCollection", "features": [7, feature(polygon(SQUARE))]},
        {"type": "FeatureCollection", "features": {"a": 1}},
        [1, 2],
    ],
    ids=["null-properties", "list-properties", "feature-not-object", "features-object", "not-an-object"],
)
def test_the_public_province_page_draws_a_stored_boundary_whatever_its_properties(world, client, boundary):
    area = world.area_a1
    type(area).objects.filter(pk=area.pk).update(boundary=boundary)
    response = client.get(reverse("geo:province_detail", kwargs={"code": world.province_a.code}))
    assert response.status_code == 200
    features = (response.context["boundary"] or {}).get("features", [])
    assert all(item["properties"]["name"] == area.name_th for item in features)
