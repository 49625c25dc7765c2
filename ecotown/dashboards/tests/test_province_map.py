"""The provinces' map: built from the npm package, 77 provinces, each matching one of our provinces by its
DOPA code, small enough to serve."""

import json

import pytest

from ecotown.dashboards import province_map
from ecotown.geo.models import Province


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    target = tmp_path_factory.mktemp("vendor") / "provinces.json"
    province_map.build(target=target)
    return target


def test_the_map_has_the_77_provinces_and_each_is_one_of_ours(built, db):
    features = json.loads(built.read_text())["features"]
    codes = [feature["properties"]["code"] for feature in features]
    assert len(codes) == 77 == len(set(codes))
    assert set(codes) == set(Province.objects.values_list("code", flat=True))


def test_every_ring_is_closed_and_the_file_is_small(built):
    for feature in json.loads(built.read_text())["features"]:
        assert feature["geometry"]["type"] == "MultiPolygon"
        for polygon in feature["geometry"]["coordinates"]:
            for ring in polygon:
                assert len(ring) >= 4
                assert ring[0] == ring[-1]
                assert all(97 < x < 106 and 5 < y < 21 for x, y in ring)  # Thailand
    assert built.stat().st_size < 300_000  # 784 kB before snapping to the grid


def test_it_is_rebuilt_only_when_the_package_changes(built):
    assert province_map.build(target=built).startswith("up to date")


def _square(x, y, size):
    return [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]


def test_it_keeps_thailand_snaps_to_the_grid_and_drops_islands_smaller_than_a_cell():
    world = {"features": [
        {"properties": {"adm0_a3": "THA", "iso_3166_2": "TH-50"},
         "geometry": {"type": "Polygon", "coordinates": [_square(98.001, 18.004, 1.0), _square(98.5, 18.5, 0.1)]}},
        {"properties": {"adm0_a3": "THA", "iso_3166_2": "TH-83"},
         "geometry": {"type": "MultiPolygon",
                      "coordinates": [[_square(98.3, 7.9, 0.2)], [_square(98.101, 7.801, 0.001)]]}},
        {"properties": {"adm0_a3": "LAO", "iso_3166_2": "LA-VT"},
         "geometry": {"type": "Polygon", "coordinates": [_square(102.5, 17.9, 0.1)]}},
    ]}  # fmt: skip
    collection = province_map.provinces(world)
    chiang_mai, phuket = collection["features"]
    assert [chiang_mai["properties"], phuket["properties"]] == [{"code": "50"}, {"code": "83"}]
    outer, hole = chiang_mai["geometry"]["coordinates"][0]
    assert outer[0] == [98.0, 18.0]
    assert len(hole) == 5
    assert len(phuket["geometry"]["coordinates"]) == 1  # the 100 m islet collapsed to a point


def test_the_built_map_is_a_static_file(db):
    from django.contrib.staticfiles import finders

    assert finders.find(province_map.STATIC_NAME) == str(province_map.ensure_built())
