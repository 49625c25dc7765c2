"""ECharts options for the dashboards, built here so that every label is translated, every axis carries its
unit and every year is B.E.; the page embeds them as JSON (json_script) and static/dashboards/charts.js draws
them. Colours follow the level: none, 1 … 5 (a sequential green scale readable in grey)."""

from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _

from ecotown.dashboards.province_map import STATIC_NAME as MAP_FILE
from ecotown.factories.choices import WasteRoute

LEVEL_COLOURS = ["#e9ecef", "#d9f0d3", "#a6dba0", "#5aae61", "#1b7837", "#00441b"]
PROVINCE_MARKER = "00"


def national(figures: dict) -> dict:
    return {
        "map": province_map(figures["provinces"]),
        "levels": levels_chart(figures["levels"]),
        "programme": programme_chart(figures["programme"]),
        **outcome_charts(figures["outcomes"]),
    }


def province(figures: dict) -> dict:
    return outcome_charts(figures["outcomes"])


def province_map(provinces) -> dict:
    """What the map needs: the GeoJSON's address, the provinces' data keyed by code, the page a click opens."""
    return {
        "geojson": static(MAP_FILE),
        "province_url": reverse("dashboards:province", kwargs={"code": PROVINCE_MARKER}),
        "marker": PROVINCE_MARKER,
        "colours": LEVEL_COLOURS,
        "level_names": [_("Not certified")] + [_("Level {number}").format(number=n) for n in range(1, 6)],
        "labels": {"areas": _("areas"), "certified": _("certified"), "best": _("best level certified")},
        "data": [
            {"name": p.code, "province": p.name, "value": p.best_level or 0, "areas": p.areas, "certified": p.certified}
            for p in provinces
        ],
    }


def levels_chart(levels) -> dict:
    years = sorted({row["year_be"] for row in levels})
    numbers = sorted({row["level__number"] for row in levels})
    counts = {(row["year_be"], row["level__number"]): row["areas"] for row in levels}
    return _bars(
        _("Areas certified per level and year"),
        [str(year) for year in years],
        _("year (B.E.)"),
        _("areas"),
        [
            (_("Level {number}").format(number=n), [counts.get((year, n), 0) for year in years], LEVEL_COLOURS[n])
            for n in numbers
        ],
        stacked=True,
    )


def programme_chart(progress) -> dict:
    names = {"provinces": _("provinces"), "areas": _("areas")}
    rows = progress.rows
    return _bars(
        _("Programme target and what is reached"),
        [names[row[0]] for row in rows],
        "",
        _("number"),
        [
            (_("target"), [row[1] for row in rows], "#adb5bd"),
            (_("in the programme"), [row[2] for row in rows], "#5aae61"),
            (_("certified"), [row[3] for row in rows], "#1b7837"),
        ],
    )


def outcome_charts(outcomes: dict) -> dict:
    shown = {year: outcome for year, outcome in outcomes.items() if outcome.disclosed}
    years = [str(year) for year in shown]
    waste = [
        (str(label), [round(o.waste.get(route, 0.0), 1) for o in shown.values()], None)
        for route, label in zip(WasteRoute.values, WasteRoute.labels, strict=True)
    ]
    return {
        "waste": _bars(
            _("Industrial waste by management route"), years, _("year (B.E.)"), _("tonnes"), waste, stacked=True
        ),
        "water": _bars(
            _("Water drawn"),
            years,
            _("year (B.E.)"),
            _("cubic metres"),
            [(_("water"), [round(o.water_m3, 1) for o in shown.values()], "#3b82c4")],
        ),
        "ghg": _bars(
            _("Greenhouse gases, scopes 1 and 2"),
            years,
            _("year (B.E.)"),
            _("tonnes CO2e"),
            [(_("scopes 1 and 2"), [round(o.ghg_t, 1) for o in shown.values()], "#8c6d31")],
        ),
    }


def _bars(title, categories, x_name, y_name, series, stacked=False) -> dict:
    """A bar chart's option: x categories (years), y with its unit, one series per (name, values, colour)."""
    return {
        "title": {"text": str(title), "textStyle": {"fontSize": 14}},
        "tooltip": {"trigger": "axis"},
        "legend": {"type": "scroll", "bottom": 0},
        "grid": {"top": 56, "left": 64, "right": 16, "bottom": 72},
        "xAxis": {
            "type": "category",
            "data": categories,
            "name": str(x_name),
            "nameLocation": "middle",
            "nameGap": 26,
        },
        "yAxis": {"type": "value", "name": str(y_name)},
        "series": [
            {
                "type": "bar",
                "name": str(name),
                "data": values,
                **({"stack": "total"} if stacked else {}),
                **({"itemStyle": {"color": colour}} if colour else {}),
            }
            for name, values, colour in series
        ],
    }
