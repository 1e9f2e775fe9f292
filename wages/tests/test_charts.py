"""Server-drawn charts: geometry that follows the figures, no zero for missing data; on the
profile page, images named by a title and described by the table of their figures."""

from itertools import pairwise
from types import SimpleNamespace

import pytest

from nsp.vocabulary import REGIONS
from wages.charts import (
    LABEL_WIDTH,
    PHONE_AXIS_HEIGHT,
    PHONE_LABEL_HEIGHT,
    PHONE_ROW_PADDING,
    PHONE_SERIES_GAP,
    choropleth,
    nice_axis,
    range_chart,
)
from wages.tests.helpers import svg_image, table_row


def figure(low, median, high):
    return SimpleNamespace(low=low, median=median, high=high)


def test_nice_axis_uses_round_steps():
    assert nice_axis(238_519) == (300_000, 100_000)
    assert nice_axis(63_781) == (80_000, 20_000)
    assert nice_axis(0) == (10_000, 5_000)


def test_range_bars_place_low_median_and_high_on_one_scale():
    rows = [(region, None) for region in REGIONS]
    rows[0] = (REGIONS[0], figure(20_000, 40_000, 80_000))
    chart = range_chart([rows], str, str)

    [bar] = chart.bars
    width = chart.plot_right - chart.plot_left
    assert chart.plot_left == LABEL_WIDTH
    assert (bar.low_x, bar.median_x, bar.high_x) == (
        LABEL_WIDTH + width * 0.25,
        LABEL_WIDTH + width * 0.5,
        LABEL_WIDTH + width * 1.0,
    )
    assert len(chart.missing) == 13  # every other region says 'bez údajů'
    assert [label for _, label in chart.ticks] == ["0", "20000", "40000", "60000", "80000"]


def test_the_phone_layout_places_the_same_bars_in_per_cent_of_the_width():
    rows = [(region, None) for region in REGIONS]
    rows[0] = (REGIONS[0], figure(20_000, 40_000, 80_000))
    phone = range_chart([rows], str, str).phone

    # The axis runs from 1 % to 97 % of the width, 0 to 80 000 as on the wide chart.
    [bar] = phone.bars
    assert (bar.low_x, bar.median_x, bar.high_x) == (25.0, 49.0, 97.0)
    assert phone.ticks == [
        (1.0, "0", "start"),
        (25.0, "20000", "middle"),
        (49.0, "40000", "middle"),
        (73.0, "60000", "middle"),
        (97.0, "80000", "end"),
    ]
    # Whole names above the bars; every other region says 'bez údajů' on its bar's line.
    assert phone.rows[0] == ("Hlavní město Praha", PHONE_AXIS_HEIGHT + PHONE_LABEL_HEIGHT - 4)
    assert phone.rows[-1][0] == "Moravskoslezský kraj"
    assert bar.y == PHONE_AXIS_HEIGHT + PHONE_LABEL_HEIGHT + PHONE_SERIES_GAP / 2
    assert len(phone.missing) == 13
    row = PHONE_LABEL_HEIGHT + PHONE_SERIES_GAP + PHONE_ROW_PADDING
    assert phone.height == 2 * PHONE_AXIS_HEIGHT + 14 * row


def test_the_phone_layout_stacks_the_compared_series_under_each_name():
    rows = [[(region, figure(1, 2, 3)) for region in REGIONS] for _ in range(4)]
    phone = range_chart(rows, str, str).phone

    first_row = [bar for bar in phone.bars if bar.y < phone.rows[1][1]]
    assert [bar.series for bar in first_row] == [0, 1, 2, 3]
    assert [b.y - a.y for a, b in pairwise(first_row)] == [PHONE_SERIES_GAP] * 3
    # One marker per series, drawn around 0,0 and placed by <use>.
    assert [series for series, _ in phone.markers] == [0, 1, 2, 3]
    assert phone.markers[1][1] == "M-4.0,-4.0 h8 v8 h-8 z"


def test_each_compared_series_has_its_own_marker_shape():
    rows = [[(region, figure(1, 2, 3)) for region in REGIONS] for _ in range(4)]
    chart = range_chart(rows, str, str)
    shapes = {bar.series: bar.marker.split(" ")[1][0] for bar in chart.bars[:4]}
    assert shapes == {0: "a", 1: "h", 2: "l", 3: "l"}
    assert len({bar.marker[-12:] for bar in chart.bars[:4]}) == 4


def test_the_map_shades_by_median_and_marks_missing_regions():
    medians = {region.nuts3: None for region in REGIONS}
    medians["CZ010"], medians["CZ020"], medians["CZ080"] = 60_000, 40_000, 50_000
    result = choropleth(medians, str)

    shades = {region.name: region.shade for region in result.regions}
    assert shades["Hlavní město Praha"] == 4
    assert shades["Středočeský kraj"] == 0
    assert shades["Moravskoslezský kraj"] == 2
    assert shades["Kraj Vysočina"] is None
    assert len(result.regions) == 14
    # Středočeský kraj keeps its hole where Prague is: two rings in one path.
    stredocesky = next(r for r in result.regions if r.name == "Středočeský kraj")
    assert stredocesky.path.count("M") == 2


def test_one_median_makes_one_band_in_the_map_legend():
    medians = {region.nuts3: None for region in REGIONS}
    medians["CZ010"] = 63_784
    result = choropleth(medians, str)

    assert result.legend == [(4, "63784")]
    shaded = {region.name: region.shade for region in result.regions if region.shade is not None}
    assert shaded == {"Hlavní město Praha": 4}


def test_few_medians_are_each_their_own_band():
    medians = {region.nuts3: None for region in REGIONS}
    medians["CZ010"], medians["CZ020"], medians["CZ031"] = 60_000, 40_000, 40_001
    result = choropleth(medians, str)

    assert result.legend == [(0, "40000"), (2, "40001"), (4, "60000")]
    shades = {region.name: region.shade for region in result.regions}
    assert shades["Středočeský kraj"] == 0
    assert shades["Jihočeský kraj"] == 2
    assert shades["Hlavní město Praha"] == 4


def test_many_medians_share_five_equal_bands():
    medians = {region.nuts3: 40_000 + 1_000 * index for index, region in enumerate(REGIONS)}
    result = choropleth(medians, str)

    assert [label for _, label in result.legend] == [
        "40000 – 42600",
        "42600 – 45200",
        "45200 – 47800",
        "47800 – 50400",
        "50400 – 53000",
    ]
    assert [region.shade for region in result.regions][:4] == [0, 0, 0, 1]
    assert result.regions[-1].shade == 4


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("slug", "year", "praha"),
    [
        (
            "pracovnik-distancniho-zakaznickeho-servisu",
            "2023",
            "30 761 Kč 42 292 Kč 63 781 Kč",
        ),
        (
            "reditel-zakaznickych-sluzeb",
            "2020",
            "39 220 Kč 98 245 Kč 238 519 Kč 44 443 Kč 63 784 Kč 96 507 Kč",
        ),
    ],
)
def test_the_profile_chart_and_map_are_images_described_by_the_wage_table(
    client, seeds, slug, year, praha
):
    html = client.get(f"/povolani/{slug}/").content.decode()
    chart, region_map = svg_image(html, "range-chart"), svg_image(html, "region-map")
    phone_chart = svg_image(html, "range-chart-phone")

    # The phone layout (shown instead of the wide one on a phone) is the same image.
    assert phone_chart == chart
    assert chart.role == region_map.role == "img"
    assert chart.title == f"Rozpětí mezd podle krajů v roce {year} (mzdová sféra)"
    assert region_map.title == f"Medián mzdy podle krajů v roce {year} (mzdová sféra)"
    # Both are described by the figure with the first regional table (and its heading).
    assert chart.described == region_map.described
    assert chart.described_tag == "figure" and chart.described.count("<table") == 1
    assert table_row(chart.described, "Hlavní město Praha") == praha
    assert "Hranice krajů: name-suggestion-index contributors (BSD-3-Clause)" in html
