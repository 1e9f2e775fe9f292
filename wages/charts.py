"""Charts drawn on the server as SVG geometry; templates turn it into inline SVG.

No JavaScript and no inline styles: colours come from CSS classes, sizes from a viewBox,
and every chart sits next to a table with the same figures for screen readers.
"""

import json
import math
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from nsp.vocabulary import REGIONS
from portal.formatting import czk, czk_thousands

GEOJSON_PATH = Path(__file__).with_name("data") / "cz-regions.geojson"
# The map's credit, as the boundaries' licence asks, is in wages/includes/map.html.
MARKERS = ("circle", "square", "triangle", "diamond")  # one per compared occupation


def nice_axis(value, most_ticks=4):
    """(axis end, tick step): a step of 1, 2 or 5 times a power of ten, so that at most
    `most_ticks` steps cover `value`."""
    if value <= 0:
        return 10_000, 5_000
    rough = value / most_ticks
    power = 10 ** math.floor(math.log10(rough))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= rough)
    return int(math.ceil(value / step) * step), int(step)


# --- range bars --------------------------------------------------------------------------


def marker_path(series, x, y):
    """The median marker of a series as an SVG path: circle, square, triangle, diamond,
    so that the series differ by shape as well as by colour."""
    shape = MARKERS[series % len(MARKERS)]
    if shape == "circle":
        return f"M{x - 4:.1f},{y:.1f} a4,4 0 1,0 8,0 a4,4 0 1,0 -8,0"
    if shape == "square":
        return f"M{x - 4:.1f},{y - 4:.1f} h8 v8 h-8 z"
    if shape == "triangle":
        return f"M{x:.1f},{y - 5:.1f} l5,9 h-10 z"
    return f"M{x:.1f},{y - 5:.1f} l5,5 l-5,5 l-5,-5 z"


@dataclass
class Bar:
    series: int  # which occupation (0-3): marker shape and colour class
    y: float
    low_x: float | None
    median_x: float | None
    high_x: float | None
    label: str  # for <title>, e.g. "Praha: 30 761 – 42 292 – 63 781 Kč"

    @property
    def marker(self):
        return None if self.median_x is None else marker_path(self.series, self.median_x, self.y)


@dataclass
class PhoneBar:
    """A bar of the phone layout: x in per cent of the chart's width, y in pixels."""

    series: int
    y: float
    low_x: float | None
    median_x: float | None
    high_x: float | None


@dataclass
class PhoneRangeChart:
    """The same bars laid out for a phone: drawn without a viewBox, so that text renders at
    its CSS size whatever the width. x positions are per cent of the width, y positions
    pixels; each region's name stands above its bars, which get the whole width. The
    markers are drawn once, centred on 0,0, and placed with <use> (a path cannot be placed
    in per cent)."""

    height: int
    rows: list  # (region name, y of its baseline)
    bars: list
    ticks: list  # (x %, label, text-anchor), written above and below the bars
    series_count: int
    missing: list = field(default_factory=list)  # (x %, y) of 'bez údajů' notes

    @property
    def markers(self):
        """(series, path) of each series' marker, centred on 0,0."""
        return [(series, marker_path(series, 0, 0)) for series in range(self.series_count)]

    @property
    def top_tick_y(self):
        return PHONE_TICK_SIZE

    @property
    def bottom_tick_y(self):
        return self.height - 4

    @property
    def grid_top(self):
        return PHONE_AXIS_HEIGHT - 2

    @property
    def grid_bottom(self):
        return self.height - PHONE_AXIS_HEIGHT + 2


@dataclass
class RangeChart:
    """D1–median–D9 of each region: a line from low to high with a marker at the median.

    `phone` has the same bars laid out for a narrow screen (PhoneRangeChart)."""

    width: int
    height: int
    plot_left: int
    plot_right: int
    rows: list  # (label, y) of each region
    bars: list
    ticks: list  # (x, label)
    series_count: int
    missing: list = field(default_factory=list)  # (x, y) of 'bez údajů' notes
    phone: PhoneRangeChart | None = None

    @property
    def view_box(self):
        return f"0 0 {self.width} {self.height}"

    @property
    def axis_y(self):
        return self.height - AXIS_HEIGHT + 4

    @property
    def tick_y(self):
        return self.height - 6

    @property
    def label_x(self):
        return self.plot_left - 6


ROW_HEIGHT = 22
SERIES_GAP = 9
LABEL_WIDTH = 116
CHART_WIDTH = 420
TOP = 8
AXIS_HEIGHT = 26

# The phone layout, in CSS pixels (its text sizes are in site.css: 14 px names, 13 px
# ticks; the heights here leave room for them).
PHONE_LABEL_HEIGHT = 18  # a region's name above its bars
PHONE_SERIES_GAP = 10
PHONE_ROW_PADDING = 8  # below a region's last bar
PHONE_TICK_SIZE = 13
PHONE_AXIS_HEIGHT = 22  # tick labels above and below the bars
PHONE_PLOT = (1.0, 97.0)  # where the axis starts and ends, in per cent of the width


def range_chart(series_rows, format_amount, format_tick):
    """`series_rows`: for each series, 14 (region, figure or None) pairs in REGIONS order.

    The figures' low/median/high place the bars; `format_amount` writes the labels and
    `format_tick` the short axis labels."""
    series_count = max(len(series_rows), 1)
    row_height = max(ROW_HEIGHT, SERIES_GAP * series_count + 8)
    values = [
        value
        for rows in series_rows
        for _, figure in rows
        if figure is not None
        for value in (figure.low, figure.median, figure.high)
        if value is not None
    ]
    top_value, step = nice_axis(max(values, default=0))
    plot_left, plot_right = LABEL_WIDTH, CHART_WIDTH - 12

    def x(value):
        if value is None:
            return None
        return round(plot_left + (plot_right - plot_left) * value / top_value, 1)

    rows, bars, missing = [], [], []
    for index, region in enumerate(REGIONS):
        row_top = TOP + index * row_height
        rows.append((region.short_name, row_top + row_height / 2 + 4))
        for series, region_rows in enumerate(series_rows):
            figure = region_rows[index][1]
            y = row_top + (row_height - SERIES_GAP * (series_count - 1)) / 2 + series * SERIES_GAP
            if not _has_bar(figure):
                missing.append((plot_left + 4, round(y + 3, 1)))
                continue
            bars.append(
                Bar(
                    series,
                    round(y, 1),
                    x(figure.low),
                    x(figure.median),
                    x(figure.high),
                    f"{region.name}: {format_amount(figure.low)} – {format_amount(figure.median)}"
                    f" – {format_amount(figure.high)}",
                )
            )
    height = TOP + len(REGIONS) * row_height + AXIS_HEIGHT
    ticks = [(value, format_tick(value)) for value in range(0, top_value + 1, step)]
    return RangeChart(
        CHART_WIDTH,
        height,
        plot_left,
        plot_right,
        rows,
        bars,
        [(x(value), label) for value, label in ticks],
        series_count,
        missing,
        phone=phone_range_chart(series_rows, top_value, ticks),
    )


def _has_bar(figure):
    return figure is not None and (figure.median is not None or figure.low is not None)


def phone_range_chart(series_rows, top_value, ticks):
    """The phone layout of range_chart()'s bars, on the same axis: `top_value` and `ticks`
    ((value, label) pairs) come from it."""
    series_count = max(len(series_rows), 1)
    left, right = PHONE_PLOT
    last = len(ticks) - 1
    row_height = PHONE_LABEL_HEIGHT + PHONE_SERIES_GAP * series_count + PHONE_ROW_PADDING

    def x(value):
        return None if value is None else round(left + (right - left) * value / top_value, 2)

    rows, bars, missing = [], [], []
    for index, region in enumerate(REGIONS):
        row_top = PHONE_AXIS_HEIGHT + index * row_height
        rows.append((region.name, row_top + PHONE_LABEL_HEIGHT - 4))
        for series, region_rows in enumerate(series_rows):
            figure = region_rows[index][1]
            y = row_top + PHONE_LABEL_HEIGHT + PHONE_SERIES_GAP * series + PHONE_SERIES_GAP / 2
            if not _has_bar(figure):
                missing.append((left, y + 4))
                continue
            bars.append(PhoneBar(series, y, x(figure.low), x(figure.median), x(figure.high)))
    height = PHONE_AXIS_HEIGHT * 2 + len(REGIONS) * row_height
    return PhoneRangeChart(
        height,
        rows,
        bars,
        [
            (x(value), label, "start" if index == 0 else "end" if index == last else "middle")
            for index, (value, label) in enumerate(ticks)
        ],
        series_count,
        missing,
    )


# --- the map -----------------------------------------------------------------------------

MAP_WIDTH = 440
SHADES = 5


@cache
def _region_paths():
    """{nuts3: SVG path} of the 14 regions, projected once per process.

    Longitude is scaled by cos(49.8°) around the country's centre (PROVENANCE.md)."""
    collection = json.loads(GEOJSON_PATH.read_text(encoding="utf-8"))
    scale_x = math.cos(math.radians(49.8))
    points = [
        (lon * scale_x, lat)
        for feature in collection["features"]
        for ring in feature["geometry"]["coordinates"]
        for lon, lat in ring
    ]
    min_x = min(p[0] for p in points)
    max_x = max(p[0] for p in points)
    min_y = min(p[1] for p in points)
    max_y = max(p[1] for p in points)
    factor = (MAP_WIDTH - 8) / (max_x - min_x)
    height = round((max_y - min_y) * factor + 8)
    paths = {}
    for feature in collection["features"]:
        rings = []
        for ring in feature["geometry"]["coordinates"]:
            coordinates = " L".join(
                f"{(lon * scale_x - min_x) * factor + 4:.1f},{(max_y - lat) * factor + 4:.1f}"
                for lon, lat in ring
            )
            rings.append(f"M{coordinates} Z")
        paths[feature["properties"]["nuts3"]] = " ".join(rings)
    return paths, height


@dataclass
class MapRegion:
    name: str
    path: str
    shade: int | None  # 0..SHADES-1, None: no figure
    label: str


@dataclass
class Choropleth:
    width: int
    height: int
    regions: list
    legend: list  # (shade, label)

    @property
    def view_box(self):
        return f"0 0 {self.width} {self.height}"


def choropleth(medians, format_amount):
    """`medians`: {nuts3: median or None}. Regions are shaded in equal steps between the
    lowest and highest median; regions without a figure are marked, not shaded as 0.

    With fewer different medians than shades, equal steps would mostly be empty (and with
    one, five bands of the same amount): then each median is its own band, labelled with
    its amount, and the shades are spread over them in order; a single median gets the
    darkest shade, the one least like 'bez údajů'."""
    paths, height = _region_paths()
    distinct = sorted({value for value in medians.values() if value is not None})
    if len(distinct) < SHADES:
        last = len(distinct) - 1
        shades = {
            value: round(rank * (SHADES - 1) / last) if last else SHADES - 1
            for rank, value in enumerate(distinct)
        }
        legend = [(shades[value], format_amount(value)) for value in distinct]
    else:
        low, high = distinct[0], distinct[-1]
        span = high - low
        shades = {value: min(int((value - low) / span * SHADES), SHADES - 1) for value in distinct}
        legend = [
            (
                step,
                f"{format_amount(round(low + span * step / SHADES))} – "
                f"{format_amount(round(low + span * (step + 1) / SHADES))}",
            )
            for step in range(SHADES)
        ]
    regions = [
        MapRegion(
            region.name,
            paths[region.nuts3],
            shades.get(medians.get(region.nuts3)),
            f"{region.name}: {format_amount(medians.get(region.nuts3))}",
        )
        for region in REGIONS
    ]
    return Choropleth(MAP_WIDTH, height, regions, legend)


# --- charts of one wage table ------------------------------------------------------------


def series_chart(series_rows):
    """A range chart with amounts in CZK."""
    return range_chart(series_rows, czk, czk_thousands)


def table_chart(table, sphere):
    """The range chart of a WageTableView in `sphere`."""
    return series_chart([table.in_sphere(sphere).rows])


def table_map(table, sphere):
    """The map of a WageTableView's medians in `sphere`."""
    return choropleth(
        {
            region.nuts3: figure.median if figure else None
            for region, figure in table.in_sphere(sphere).rows
        },
        czk,
    )
