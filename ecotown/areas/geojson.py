"""Checking an uploaded area boundary (GeoJSON, RFC 7946) before it is stored.

What is stored is rebuilt from what was checked: a FeatureCollection of Features whose properties are an object
and whose geometry is a Polygon or MultiPolygon of [longitude, latitude] positions inside Thailand, at most
MAX_POINTS of them, with no ring crossing itself or another ring of its polygon. Everything else in the file is
refused with a message that names the feature, never a server error (issue 13).
"""

import json
import math

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from ecotown.areas.crossings import TooIntricate, first_crossing

# Thailand's extent with a margin: a point outside it is almost surely swapped lat/lon or another CRS.
LON_RANGE = (97.0, 106.0)
LAT_RANGE = (5.0, 21.0)
POLYGON_TYPES = {"Polygon", "MultiPolygon"}
MAX_POINTS = 100_000  # a detailed district outline has a few thousand; a 5 MB file holds at most ~125,000
MAX_PROPERTY_DEPTH = 10


def parse_boundary_json(text: str):
    """The JSON in an uploaded file; NaN, Infinity and nesting too deep for Python's parser are refused."""
    try:
        return json.loads(text, parse_constant=_refuse_constant)
    except RecursionError as error:
        raise ValidationError(_("The file nests brackets too deeply to be a boundary.")) from error
    except json.JSONDecodeError as error:
        raise ValidationError(_("The file is not valid JSON: {error}").format(error=error)) from error


def _refuse_constant(name):
    raise ValidationError(_("The file is not valid JSON: {value} is not a number.").format(value=name))


def validate_boundary(data) -> dict:
    """Return the boundary as a FeatureCollection of (multi)polygons, or raise ValidationError saying what is wrong."""
    if not isinstance(data, dict) or not isinstance(data.get("type"), str):
        raise ValidationError(_("The file is not GeoJSON: it has no “type”."))
    features = _features(data)
    if not features:
        raise ValidationError(
            _("The GeoJSON holds no polygon: upload the area's outline as a Polygon or MultiPolygon.")
        )
    rebuilt, outlines, points = [], [], 0
    for number, feature in enumerate(features, start=1):
        label = _label(number, feature)
        geometry = _geometry(feature, label)
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        for polygon in polygons:
            points += _check_polygon(polygon, label)
            if points > MAX_POINTS:
                raise ValidationError(
                    _("The boundary has more than {limit} points: simplify the outline first.").format(
                        limit=f"{MAX_POINTS:,}"
                    )
                )
            outlines.append((label, polygon))
        rebuilt.append(_rebuilt(feature, geometry))
    # Crossings last: the costliest check runs only on a boundary whose size and shape are known to be sane.
    for label, polygon in outlines:
        _check_crossings(polygon, label)
    return {"type": "FeatureCollection", "features": rebuilt}


def _features(data: dict) -> list:
    kind = data["type"]
    if kind == "FeatureCollection":
        features = data.get("features")
        if not isinstance(features, list):
            raise ValidationError(_("The FeatureCollection's “features” must be a list of features."))
        return features
    if kind == "Feature":
        return [data]
    if kind in POLYGON_TYPES:
        return [{"type": "Feature", "properties": {}, "geometry": data}]
    return []


def _label(number: int, feature) -> str:
    """“Feature 2” or “Feature 2 (ตำบลบางกะดี)” when it has a short name, for messages."""
    properties = feature.get("properties") if isinstance(feature, dict) else None
    name = properties.get("name") if isinstance(properties, dict) else None
    if isinstance(name, str) and name.strip():
        return _("Feature {number} (“{name}”)").format(number=number, name=name.strip()[:60])
    return _("Feature {number}").format(number=number)


def _geometry(feature, label: str) -> dict:
    if not isinstance(feature, dict):
        raise ValidationError(_("{feature} is not a GeoJSON object.").format(feature=label))
    properties = feature.get("properties")
    if properties is not None and not isinstance(properties, dict):
        raise ValidationError(_("{feature}: “properties” must be an object or null.").format(feature=label))
    _check_properties(properties, label)
    geometry = feature.get("geometry")
    if not isinstance(geometry, dict):
        raise ValidationError(_("{feature} has no “geometry” object.").format(feature=label))
    kind = geometry.get("type")
    if kind not in POLYGON_TYPES:
        raise ValidationError(
            _("{feature} is a {kind}; only Polygon and MultiPolygon outline an area.").format(
                feature=label, kind=kind if isinstance(kind, str) else _("nothing")
            )
        )
    if not isinstance(geometry.get("coordinates"), list):
        raise ValidationError(_("{feature}: its {kind} has no “coordinates” list.").format(feature=label, kind=kind))
    return geometry


def _check_properties(properties, label: str) -> None:
    """Properties are kept as uploaded, so they must be storable: PostgreSQL's jsonb refuses U+0000 (a 500 on
    save), and nesting deep enough to strain Python's JSON encoder is no outline's business. Walked without
    recursion, since the nesting is what is being checked."""
    pending = [(properties, 1)]
    while pending:
        value, depth = pending.pop()
        if depth > MAX_PROPERTY_DEPTH:
            raise ValidationError(
                _("{feature}: its properties are nested more than {limit} deep.").format(
                    feature=label, limit=MAX_PROPERTY_DEPTH
                )
            )
        if isinstance(value, dict):
            pending.extend((item, depth + 1) for item in value.values())
            texts = value.keys()
        elif isinstance(value, list):
            pending.extend((item, depth + 1) for item in value)
            texts = ()
        else:
            texts = (value,) if isinstance(value, str) else ()
        if any("\x00" in text for text in texts):
            raise ValidationError(
                _("{feature}: its properties hold the invisible control character U+0000; remove it.").format(
                    feature=label
                )
            )


def _check_polygon(polygon, label: str) -> int:
    """Check the shape of one polygon's rings and positions; return its number of points."""
    if not isinstance(polygon, list) or not polygon:
        raise ValidationError(_("{feature} has an empty polygon.").format(feature=label))
    points = 0
    for ring in polygon:
        if not isinstance(ring, list) or len(ring) < 4 or ring[0] != ring[-1]:
            raise ValidationError(
                _("{feature}: each ring needs at least four points and must end where it starts.").format(feature=label)
            )
        for position in ring:
            _check_position(position, label)
        if len({(position[0], position[1]) for position in ring}) < 3:
            raise ValidationError(_("{feature}: a ring needs at least three different corners.").format(feature=label))
        points += len(ring)
    return points


def _is_number(value) -> bool:
    # bool is an int to Python but not a number to JSON; a huge int is finite, and math.isfinite would overflow.
    kind = type(value)
    return kind is int or (kind is float and math.isfinite(value))


def _check_position(position, label: str) -> None:
    if not (type(position) is list and 2 <= len(position) <= 3 and all(map(_is_number, position))):
        raise ValidationError(
            _(
                "{feature} has a point that is not [longitude, latitude] (or with an altitude): positions are two "
                "or three numbers."
            ).format(feature=label)
        )
    lon, lat = position[0], position[1]
    if not (LON_RANGE[0] <= lon <= LON_RANGE[1] and LAT_RANGE[0] <= lat <= LAT_RANGE[1]):
        raise ValidationError(
            _(
                "{feature} has the point ({lon}, {lat}), which is outside Thailand. Coordinates must be longitude, "
                "latitude in WGS 84 (EPSG:4326)."
            ).format(feature=label, lon=str(lon)[:20], lat=str(lat)[:20])
        )


def _check_crossings(polygon, label: str) -> None:
    try:
        point = first_crossing(polygon)
    except TooIntricate as error:
        raise ValidationError(
            _("{feature} has too many long edges side by side to check: simplify the outline first.").format(
                feature=label
            )
        ) from error
    if point is not None:
        raise ValidationError(
            _(
                "{feature} crosses itself near ({lon:.5f}, {lat:.5f}): an outline may not cross or run along itself, "
                "nor a hole its outer ring. Correct it (e.g. QGIS “Fix geometries”) and upload it again."
            ).format(feature=label, lon=point[0], lat=point[1])
        )


def _rebuilt(feature: dict, geometry: dict) -> dict:
    """Only what was checked: null properties become {} so pages can add the area's name."""
    properties = feature.get("properties")
    return {
        "type": "Feature",
        "properties": properties if isinstance(properties, dict) else {},
        "geometry": {"type": geometry["type"], "coordinates": geometry["coordinates"]},
    }
