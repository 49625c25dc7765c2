"""Charts of the upgrade report, drawn with matplotlib as PNG and embedded in the PDF.

matplotlib needs a TrueType or OpenType font (the project's Sarabun from npm is woff only). The Thai font is
found by family name among the fonts fontconfig knows — Laksaman (TLWG's open TH Sarabun, the PDFs' own font),
then Garuda, Loma, Norasi, all in Debian's `fonts-thai-tlwg`, which `make setup` installs — or taken from the
file `REPORT_CHART_FONT` names. Without one, `ecotown check` warns (reports.W001) and drawing a chart fails
with that message rather than printing empty boxes. matplotlib 3.11 shapes text with libraqm, so Thai vowels and
tone marks sit where they belong. PNG rather than SVG: WeasyPrint draws an SVG chart's text, which matplotlib
writes as thousands of glyph paths, at nearly a second a chart (docs/benchmarks.md); a 150-dpi PNG costs a tenth.
"""

import functools
import io
import threading
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

THAI_FAMILIES = ("Laksaman", "Garuda", "Loma", "Norasi", "Kinnari", "Waree")
# Colour-blind-safe (Okabe–Ito), in the order series are drawn.
COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
DPI = 150
_lock = threading.Lock()  # pyplot's state is global: one chart at a time per process


@dataclass
class Chart:
    """A bar chart over the report's years: one bar per series and year (side by side), or stacked."""

    title: str
    unit: str
    categories: list[str]
    series: list[tuple[str, list]] = field(default_factory=list)
    stacked: bool = False
    horizontal: bool = False  # long category names (indicators) read better down the side


@functools.cache
def thai_font_path() -> str:
    """The TrueType/OpenType file of the Thai font charts use; ImproperlyConfigured when there is none."""
    from matplotlib import font_manager

    configured = getattr(settings, "REPORT_CHART_FONT", "")
    if configured:
        return configured
    for family in THAI_FAMILIES:
        try:
            return font_manager.findfont(font_manager.FontProperties(family=family), fallback_to_default=False)
        except ValueError:
            continue
    raise ImproperlyConfigured(
        "No Thai TrueType font for the report's charts: install Debian's fonts-thai-tlwg or set REPORT_CHART_FONT."
    )


@functools.cache
def _font_family() -> str:
    from matplotlib import font_manager

    path = thai_font_path()
    font_manager.fontManager.addfont(path)
    return font_manager.FontProperties(fname=path).get_name()


def render_png(chart: Chart) -> bytes:
    """The chart as a PNG image."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    with _lock, matplotlib.rc_context(_style()):
        height = 0.45 * len(chart.categories) * max(1, len(chart.series)) + 1 if chart.horizontal else 3.0
        figure, axes = pyplot.subplots(figsize=(6.4, height))
        try:
            _draw(axes, chart)
            buffer = io.BytesIO()
            figure.savefig(buffer, format="png", dpi=DPI, bbox_inches="tight", metadata={"Software": None})
        finally:
            pyplot.close(figure)
    return buffer.getvalue()


def _style() -> dict:
    return {
        "font.family": _font_family(),
        "font.size": 11,
        "axes.spines.top": False,
        "axes.spines.right": False,
    }


def _draw(axes, chart: Chart) -> None:
    if chart.horizontal:
        return _draw_horizontal(axes, chart)
    positions = range(len(chart.categories))
    count = max(1, len(chart.series))
    width = 0.8 if chart.stacked else 0.8 / count
    bottoms = [0.0] * len(chart.categories)
    for index, (label, values) in enumerate(chart.series):
        heights = [float(value) if value is not None else 0.0 for value in values]
        colour = COLOURS[index % len(COLOURS)]
        if chart.stacked:
            axes.bar(positions, heights, width, bottom=bottoms, label=label, color=colour)
            bottoms = [b + h for b, h in zip(bottoms, heights, strict=True)]
        else:
            offset = (index - (count - 1) / 2) * width
            axes.bar([p + offset for p in positions], heights, width, label=label, color=colour)
    axes.set_xticks(list(positions), chart.categories)
    axes.set_ylabel(chart.unit)
    axes.set_title(chart.title)
    axes.yaxis.set_major_formatter(_thousands())
    axes.set_ylim(bottom=0, top=None if any(bottoms) or _any_value(chart) else 1)
    if len(chart.series) > 1:
        # Below the axes, so that every chart is as wide as the page allows whatever its legend.
        axes.legend(fontsize=9, frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.12),
                    ncol=min(3, len(chart.series)))  # fmt: skip


def _any_value(chart: Chart) -> bool:
    return any(value for _label, values in chart.series for value in values)


def _draw_horizontal(axes, chart: Chart) -> None:
    count = max(1, len(chart.series))
    height = 0.8 / count
    positions = range(len(chart.categories))
    for index, (label, values) in enumerate(chart.series):
        offset = (index - (count - 1) / 2) * height
        widths = [float(value) if value is not None else 0.0 for value in values]
        axes.barh([p + offset for p in positions], widths, height, label=label, color=COLOURS[index % len(COLOURS)])
    axes.set_yticks(list(positions), chart.categories)
    axes.invert_yaxis()
    axes.set_xlabel(chart.unit)
    axes.set_title(chart.title)
    axes.xaxis.set_major_formatter(_thousands())
    if len(chart.series) > 1:
        axes.legend(fontsize=9, frameon=False, loc="lower right")


def _thousands():
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda value, _position: f"{value:,.0f}" if abs(value) >= 10 else f"{value:,.1f}")
