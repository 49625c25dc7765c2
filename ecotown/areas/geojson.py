"""Checking an uploaded area boundary (GeoJSON, RFC 7946) before it is stored."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# Thailand's extent with a margin: a point outside it is almost surely swapped lat/lon or another CRS.
LON_RANGE = (97.0, 106.0)
LAT_RANGE = (5.0, 21.0)
POLYGON_TYPES = {"Polygon", "MultiPolygon"}


def validate_boundary(data) -> dict:
    """Return the boundary as a FeatureCollection of (multi)polygons, or raise ValidationError saying what is wrong."""
    if not isinstance(data, dict) or "type" not in data:
        raise ValidationError(_("The file is not GeoJSON: it has no “type”."))
    features = _features(data)
    if not features:
        raise ValidationError(
            _("The GeoJSON holds no polygon: upload the area's outline as a Polygon or MultiPolygon.")
        )
    for number, feature in enumerate(features, start=1):
        geometry = feature.get("geometry") or {}
        if geometry.get("type") not in POLYGON_TYPES:
            raise ValidationError(
                _("Feature {number} is a {kind}; only Polygon and MultiPolygon outline an area.").format(
                    number=number, kind=geometry.get("type") or _("nothing")
                )
            )
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        for polygon in polygons:
            _check_polygon(polygon, number)
    return {"type": "FeatureCollection", "features": features}


def _features(data: dict) -> list[dict]:
    kind = data["type"]
    if kind == "FeatureCollection":
        return [f for f in data.get("features") or [] if isinstance(f, dict)]
    if kind == "Feature":
        return [data]
    if kind in POLYGON_TYPES:
        return [{"type": "Feature", "properties": {}, "geometry": data}]
    return []


def _check_polygon(polygon, number: int) -> None:
    if not isinstance(polygon, list) or not polygon:
        raise ValidationError(_("Feature {number} has an empty polygon.").format(number=number))
    for ring in polygon:
        if not isinstance(ring, list) or len(ring) < 4 or ring[0] != ring[-1]:
            raise ValidationError(
                _("Feature {number}: each ring needs at least four points and must end where it starts.").format(
                    number=number
                )
            )
        for point in ring:
            if not (isinstance(point, list) and len(point) >= 2 and all(isinstance(v, int | float) for v in point[:2])):
                raise ValidationError(
                    _("Feature {number} has a point that is not [longitude, latitude].").format(number=number)
                )
            lon, lat = point[0], point[1]
            if not (LON_RANGE[0] <= lon <= LON_RANGE[1] and LAT_RANGE[0] <= lat <= LAT_RANGE[1]):
                raise ValidationError(
                    _(
                        "Feature {number} has the point ({lon}, {lat}), which is outside Thailand. Coordinates must "
                        "be longitude, latitude in WGS 84 (EPSG:4326)."
                    ).format(number=number, lon=lon, lat=lat)
                )
