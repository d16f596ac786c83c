"""The SVG charts of indicators (src/demoi/indicators/charts.py) and their PNG export.

Charts are parsed with the standard library's XML parser and measured with cairo, the library
that renders the PNGs, using the system's sans-serif font (the one a browser on this machine
uses too): text widths below are real measurements, not the module's own estimate.
"""

from __future__ import annotations

import io
import re
import string
import struct
import sys
import xml.etree.ElementTree as ET
from decimal import Decimal

import cairocffi
import pytest

from demoi.errors import UsageError
from demoi.indicators.charts import (
    BACKGROUND,
    BAR_COLOUR,
    FONT_SIZE,
    GRID_COLOUR,
    HIGHLIGHT_COLOUR,
    PALETTE,
    PROVISIONAL_LEGEND,
    TEXT_COLOUR,
    TICK_FONT_SIZE,
    TITLE_FONT_SIZE,
    ChartText,
    bar_chart,
    format_number,
    series_chart,
    svg_to_png,
    text_width,
)
from demoi.indicators.compute import Value
from demoi.indicators.definitions import read_definitions
from demoi.indicators.results import Results, bar_svg, series_svg, unit_text

SVG = "{http://www.w3.org/2000/svg}"
EL = ChartText(
    title="Ποσοστό εκτέλεσης προϋπολογισμού, 2024",
    unit="%",
    description="Το ποσοστό εκτέλεσης του προϋπολογισμού κάθε δήμου το 2024.",
    language="el",
)
EN = ChartText(
    title="Budget execution rate, 2024",
    unit="%",
    description="The budget execution rate of each municipality in 2024.",
    language="en",
)
LONG_NAME = "Δήμος Ηρακλείου Κρήτης και Νήσων Αιγαίου"  # 40 characters
HOSTILE_NAME = '<script>alert("x")</script> & "Δήμος" <b>'


# --- helpers ------------------------------------------------------------------------------------


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def bars_of(root: ET.Element) -> list[ET.Element]:
    return root.findall(f".//{SVG}g[@class='bars']/{SVG}g")


def text_of(element: ET.Element, css_class: str) -> ET.Element:
    found = element.find(f"{SVG}text[@class='{css_class}']")
    assert found is not None, f"no text of class {css_class}"
    return found


def rect_of(bar: ET.Element) -> ET.Element:
    rect = bar.find(f"{SVG}rect")
    assert rect is not None
    return rect


def number(element: ET.Element, attribute: str) -> float:
    return float(element.attrib[attribute])


_surface = cairocffi.ImageSurface(cairocffi.FORMAT_ARGB32, 1, 1)
_context = cairocffi.Context(_surface)


def measured_width(text: str, size: float, *, bold: bool = False) -> float:
    """The advance width of ``text`` in the system's sans-serif font, as cairo lays it out."""
    weight = cairocffi.FONT_WEIGHT_BOLD if bold else cairocffi.FONT_WEIGHT_NORMAL
    _context.select_font_face("sans-serif", cairocffi.FONT_SLANT_NORMAL, weight)
    _context.set_font_size(size)
    return float(_context.text_extents(text)[4])


def horizontal_extent(element: ET.Element) -> tuple[float, float]:
    """Left and right of a <text>, from its anchor and its measured width."""
    width = measured_width(
        element.text or "",
        number(element, "font-size"),
        bold=element.get("font-weight") == "bold",
    )
    x = number(element, "x")
    anchor = element.get("text-anchor", "start")
    left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
    return left, left + width


def assert_text_inside(svg: str) -> None:
    root = parse(svg)
    width, height = number(root, "width"), number(root, "height")
    for element in root.iter(f"{SVG}text"):
        left, right = horizontal_extent(element)
        y, size = number(element, "y"), number(element, "font-size")
        assert left >= 0 and right <= width, f"{element.text!r} runs out: {left}…{right} / {width}"
        assert y - size >= 0 and y + size * 0.3 <= height, f"{element.text!r} at y={y} / {height}"


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height from the IHDR chunk, which follows the 8-byte signature."""
    length, kind = struct.unpack(">I4s", png[8:16])
    assert kind == b"IHDR" and length == 13
    width, height = struct.unpack(">II", png[16:24])
    return width, height


def contrast_with_white(colour: str) -> float:
    """WCAG 2.1 contrast ratio of an #RRGGBB colour against white."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    luminance = 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
    return 1.05 / (luminance + 0.05)


KALAMATA_TO_ATHENS = [
    ("Καλαμάτα", Decimal("80.66")),
    ("Ηράκλειο Κρήτης", Decimal("35.2")),
    ("Θεσσαλονίκη", Decimal("17.5")),
    ("Αθήνα", Decimal("52.0")),
]


# --- numbers ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "decimals", "language", "expected"),
    [
        ("80.66", 1, "el", "80,7"),
        ("80.66", 1, "en", "80.7"),
        ("1234.5", 1, "el", "1.234,5"),
        ("1234.5", 1, "en", "1,234.5"),
        ("1234567.891", 2, "el", "1.234.567,89"),
        ("-2.28", 1, "el", "\u22122,3"),
        ("-2.28", 2, "en", "\u22122.28"),
        ("0.05", 1, "el", "0,1"),  # half up, not to even
        ("-0.04", 1, "el", "0,0"),  # rounds to zero: no sign
        ("12", 0, "en", "12"),
    ],
)
def test_numbers_are_written_the_way_of_the_language(
    value: str, decimals: int, language: str, expected: str
) -> None:
    assert format_number(Decimal(value), decimals, language) == expected


def test_a_language_other_than_greek_or_english_is_refused() -> None:
    with pytest.raises(ValueError, match="language"):
        ChartText(title="t", unit="%", description="d", language="fr")


# --- bar chart ----------------------------------------------------------------------------------


def test_bar_lengths_are_proportional_to_the_values() -> None:
    root = parse(bar_chart(KALAMATA_TO_ATHENS, EL))
    widths = [number(rect_of(bar), "width") for bar in bars_of(root)]
    values = [float(value) for _, value in KALAMATA_TO_ATHENS]
    for width, value in zip(widths, values, strict=True):
        assert width / widths[0] == pytest.approx(value / values[0], rel=1e-3)
    starts = {number(rect_of(bar), "x") for bar in bars_of(root)}
    assert len(starts) == 1, "positive bars all start at the zero line"


def test_bars_keep_the_order_given() -> None:
    root = parse(bar_chart(KALAMATA_TO_ATHENS, EL))
    labels = [text_of(bar, "label").text for bar in bars_of(root)]
    assert labels == [name for name, _ in KALAMATA_TO_ATHENS]
    tops = [number(rect_of(bar), "y") for bar in bars_of(root)]
    assert tops == sorted(tops)


def test_negative_bars_go_left_of_the_zero_line_with_their_value_on_the_left() -> None:
    change = [
        ("Καλαμάτα", Decimal("3.1")),
        ("Δήμος Αγίου Ευστρατίου", Decimal("-12.5")),
        ("Θεσσαλονίκη", Decimal("-2.28")),
    ]
    root = parse(bar_chart(change, EL))
    zero_line = root.find(f".//{SVG}line[@class='zero']")
    assert zero_line is not None
    zero = number(zero_line, "x1")
    rising, *falling = bars_of(root)
    assert number(rect_of(rising), "x") == pytest.approx(zero)
    for bar, (_, value) in zip(falling, change[1:], strict=True):
        rect = rect_of(bar)
        assert number(rect, "x") + number(rect, "width") == pytest.approx(zero, abs=0.01)
        value_label = text_of(bar, "value")
        assert value_label.get("text-anchor") == "end"
        assert horizontal_extent(value_label)[1] <= number(rect, "x")
        assert value_label.text == format_number(value, 1, "el")
    # −12.5 is about four times as long as 3.1
    ratio = number(rect_of(falling[0]), "width") / number(rect_of(rising), "width")
    assert ratio == pytest.approx(12.5 / 3.1, rel=1e-3)


def test_value_labels_follow_the_language() -> None:
    bars = [("Καλαμάτα", Decimal("80.66")), ("Αθήνα", Decimal("1234.5"))]
    greek = [text_of(bar, "value").text for bar in bars_of(parse(bar_chart(bars, EL)))]
    english = [text_of(bar, "value").text for bar in bars_of(parse(bar_chart(bars, EN)))]
    assert greek == ["80,7", "1.234,5"]
    assert english == ["80.7", "1,234.5"]
    two_decimals = bar_chart(bars, EN, decimals=2)
    assert [text_of(b, "value").text for b in bars_of(parse(two_decimals))] == [
        "80.66",
        "1,234.50",
    ]


def test_axis_ticks_are_steps_of_one_two_or_five() -> None:
    root = parse(bar_chart(KALAMATA_TO_ATHENS, EN))
    grid = root.find(f".//{SVG}g[@class='grid']")
    assert grid is not None
    ticks = [Decimal((t.text or "").replace(",", "")) for t in grid.iter(f"{SVG}text")]
    assert ticks[0] == 0 and len(ticks) >= 3
    steps = {b - a for a, b in zip(ticks, ticks[1:], strict=False)}
    assert len(steps) == 1
    step = steps.pop()
    assert step.scaleb(-step.adjusted()) in {1, 2, 5}
    assert ticks[-1] <= Decimal("80.66") < ticks[-1] + step


def test_a_highlighted_bar_stands_out_in_colour_and_weight() -> None:
    root = parse(bar_chart(KALAMATA_TO_ATHENS, EL, highlight="Θεσσαλονίκη"))
    fills = [rect_of(bar).get("fill") for bar in bars_of(root)]
    assert fills == [BAR_COLOUR, BAR_COLOUR, HIGHLIGHT_COLOUR, BAR_COLOUR]
    weights = [text_of(bar, "label").get("font-weight") for bar in bars_of(root)]
    assert weights == [None, None, "bold", None]
    plain = parse(bar_chart(KALAMATA_TO_ATHENS, EL, highlight="Πάτρα"))
    assert {rect_of(bar).get("fill") for bar in bars_of(plain)} == {BAR_COLOUR}


def test_colours_keep_a_contrast_of_three_to_one_against_white() -> None:
    for colour in (*PALETTE, BAR_COLOUR, HIGHLIGHT_COLOUR):
        assert contrast_with_white(colour) >= 3, colour
    assert contrast_with_white(TEXT_COLOUR) >= 7


def test_long_greek_names_fit_beside_the_bars_and_no_label_leaves_the_chart() -> None:
    bars = [
        (LONG_NAME, Decimal("-12.5")),
        ("ΔΗΜΟΣ ΜΩΛΟΥ - ΑΓΙΟΥ ΚΩΝΣΤΑΝΤΙΝΟΥ", Decimal("99999.99")),
        ("Ύδρα", Decimal("0")),
    ]
    for highlight in (None, LONG_NAME):
        svg = bar_chart(bars, EL, highlight=highlight)
        assert_text_inside(svg)
        root = parse(svg)
        leftmost_bar = min(number(rect_of(bar), "x") for bar in bars_of(root))
        for bar in bars_of(root):
            label_right = horizontal_extent(text_of(bar, "label"))[1]
            value_left = horizontal_extent(text_of(bar, "value"))[0]
            assert label_right < leftmost_bar, "a name runs into the bars"
            assert label_right < value_left, "a name runs into a value"


def test_the_width_estimate_is_never_narrower_than_the_font() -> None:
    alphabet = (
        string.ascii_letters
        + string.digits
        + string.punctuation
        + " αβγδεζηθικλμνξοπρσςτυφχψωάέήίόύώϊΐϋΰ"
        + "ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩΆΈΉΊΌΎΏ−€–—…«»·"
    )
    for size in (TICK_FONT_SIZE, FONT_SIZE, TITLE_FONT_SIZE):
        for bold in (False, True):
            for char in alphabet:
                estimate = text_width(char, size, bold=bold)
                assert estimate >= measured_width(char, size, bold=bold), (char, size, bold)
            for name in (LONG_NAME, LONG_NAME.upper(), "1.234.567,89"):
                assert text_width(name, size, bold=bold) >= measured_width(name, size, bold=bold)


def test_names_with_markup_are_text_not_markup() -> None:
    svg = bar_chart([(HOSTILE_NAME, Decimal("1"))], EL, highlight=HOSTILE_NAME)
    root = parse(svg)
    assert root.find(f".//{SVG}script") is None and root.find(".//script") is None
    assert root.find(f".//{SVG}b") is None
    (bar,) = bars_of(root)
    assert text_of(bar, "label").text == HOSTILE_NAME
    tooltip = bar.find(f"{SVG}title")
    assert tooltip is not None and tooltip.text == f"{HOSTILE_NAME}: 1,0 %"
    hostile_text = ChartText(
        title='Τίτλος </title><script>x</script> "', unit="<%>", description="& <", language="en"
    )
    root = parse(bar_chart([("a", Decimal(1))], hostile_text))
    title = root.find(f"{SVG}title")
    assert title is not None and title.text == hostile_text.title
    assert root.find(f".//{SVG}script") is None
    # characters XML cannot hold at all are replaced, not passed through to break the document
    root = parse(bar_chart([("Δήμος\x00\x1b", Decimal(1))], EL))
    assert text_of(bars_of(root)[0], "label").text == "Δήμος\ufffd\ufffd"


def test_all_municipalities_fit_in_one_chart() -> None:
    bars = [(f"Δήμος {index:03d}", Decimal(index) / 3) for index in range(332)]
    svg = bar_chart(bars, EL)
    root = parse(svg)
    rendered = bars_of(root)
    assert len(rendered) == 332
    tops = [number(rect_of(bar), "y") for bar in rendered]
    assert all(
        b - a >= number(rect_of(rendered[0]), "height")
        for a, b in zip(tops, tops[1:], strict=False)
    )
    assert number(root, "height") > tops[-1] + number(rect_of(rendered[-1]), "height")
    assert_text_inside(svg)


def test_all_zero_values_still_draw_an_axis() -> None:
    root = parse(bar_chart([("Καλαμάτα", Decimal(0)), ("Αθήνα", Decimal(0))], EL))
    assert [number(rect_of(bar), "width") for bar in bars_of(root)] == [0, 0]


def test_a_value_that_is_not_a_number_is_refused() -> None:
    with pytest.raises(ValueError, match="Καλαμάτα"):
        bar_chart([("Καλαμάτα", Decimal("NaN"))], EL)
    with pytest.raises(ValueError, match="2021"):
        series_chart([("Καλαμάτα", [("2021", Decimal("Infinity"))])], EL)


# --- the document -------------------------------------------------------------------------------


def test_a_chart_is_a_standalone_accessible_svg_without_scripts_or_links() -> None:
    kalamata = [("Καλαμάτα", [("2011", Decimal(1)), ("2021", Decimal(2))])]
    charts = [
        bar_chart(KALAMATA_TO_ATHENS, EL),
        series_chart(kalamata, EL),
        bar_chart([], EN),
        bar_chart(KALAMATA_TO_ATHENS, EL, provisional={"Καλαμάτα"}, highlight="Καλαμάτα"),
        series_chart(kalamata, EL, provisional={("Καλαμάτα", "2021")}),
    ]
    for svg in charts:
        root = parse(svg)
        assert root.tag == f"{SVG}svg"
        width, height = root.attrib["width"], root.attrib["height"]
        assert root.attrib["viewBox"] == f"0 0 {width} {height}"
        assert root.attrib["role"] == "img"
        assert root.attrib["font-family"] == "sans-serif"
        title_id, desc_id = root.attrib["aria-labelledby"].split()
        title, desc = root[0], root[1]
        assert (title.tag, title.attrib["id"]) == (f"{SVG}title", title_id)
        assert (desc.tag, desc.attrib["id"]) == (f"{SVG}desc", desc_id)
        assert "<script" not in svg and "href" not in svg
        # The only references are to a pattern in the same document (the hatching).
        ids = {element.get("id") for element in root.iter()}
        for reference in re.findall(r"url\(([^)]*)\)", svg):
            assert reference.startswith("#") and reference[1:] in ids, reference
        assert "@font-face" not in svg and "http://" not in svg.replace(
            'xmlns="http://www.w3.org/2000/svg"', ""
        )


def test_the_same_input_gives_the_same_bytes_and_other_charts_other_ids() -> None:
    assert bar_chart(KALAMATA_TO_ATHENS, EL) == bar_chart(list(KALAMATA_TO_ATHENS), EL)
    series = [("Καλαμάτα", [("2011", Decimal(1)), ("2021", Decimal(2))])]
    assert series_chart(series, EL) == series_chart(series, EL)
    # Provisional labels are a collection: their order does not change a byte.
    marked = bar_chart(KALAMATA_TO_ATHENS, EL, provisional={"Αθήνα", "Καλαμάτα"})
    assert marked == bar_chart(KALAMATA_TO_ATHENS, EL, provisional=["Καλαμάτα", "Αθήνα"])
    assert marked != bar_chart(KALAMATA_TO_ATHENS, EL)
    ids = [
        parse(svg).attrib["aria-labelledby"]
        for svg in (
            bar_chart(KALAMATA_TO_ATHENS, EL),
            bar_chart(KALAMATA_TO_ATHENS, EN),
            bar_chart(KALAMATA_TO_ATHENS[:2], EL),
            series_chart(series, EL),
        )
    ]
    assert len(set(ids)) == len(ids), "two charts on one page would share ids"
    chosen = parse(bar_chart(KALAMATA_TO_ATHENS, EL, id_prefix="bars-2024"))
    assert chosen.attrib["aria-labelledby"] == "bars-2024-title bars-2024-desc"
    with pytest.raises(ValueError, match="id_prefix"):
        bar_chart(KALAMATA_TO_ATHENS, EL, id_prefix='x" onload="alert(1)')


@pytest.mark.parametrize("language", ["el", "en"])
def test_no_values_gives_a_chart_that_says_so(language: str) -> None:
    text = EL if language == "el" else EN
    message = {"el": "Δεν υπάρχουν τιμές", "en": "No values"}[language]
    for svg in (
        bar_chart([], text),
        series_chart([], text),
        series_chart([("Καλαμάτα", [])], text),
    ):
        root = parse(svg)
        assert [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "empty"] == [message]
        assert_text_inside(svg)


# --- time series --------------------------------------------------------------------------------


def series_groups(root: ET.Element) -> list[ET.Element]:
    return root.findall(f".//{SVG}g[@class='lines']/{SVG}g[@class='series']")


def path_points(group: ET.Element) -> list[list[tuple[float, float]]]:
    """The pieces of a series' path, each a list of (x, y)."""
    path = group.find(f"{SVG}path")
    if path is None:
        return []
    pieces = []
    for piece in path.attrib["d"].split("M")[1:]:
        pairs = [pair.split() for pair in piece.split("L")]
        pieces.append([(float(x), float(y)) for x, y in pairs])
    return pieces


def test_one_line_per_municipality_in_the_order_given_with_a_legend() -> None:
    series = [
        ("Καλαμάτα", [("2011", Decimal("54567")), ("2021", Decimal("58816"))]),
        ("Ηράκλειο Κρήτης", [("2011", Decimal("173993")), ("2021", Decimal("179302"))]),
        ("Θεσσαλονίκη", [("2011", Decimal("325182")), ("2021", Decimal("319045"))]),
    ]
    svg = series_chart(series, EL)
    root = parse(svg)
    groups = series_groups(root)
    assert [g.findtext(f"{SVG}title") for g in groups] == [name for name, _ in series]
    assert [len(g.findall(f"{SVG}path")) for g in groups] == [1, 1, 1]
    strokes = [g.find(f"{SVG}path").get("stroke") for g in groups]  # type: ignore[union-attr]
    assert len(set(strokes)) == 3
    legend = root.find(f".//{SVG}g[@class='legend']")
    assert legend is not None
    assert [t.text for t in legend.iter(f"{SVG}text")] == [name for name, _ in series]
    legend_strokes = [line.get("stroke") for line in legend.iter(f"{SVG}line")]
    assert legend_strokes == strokes
    # Thessaloniki shrank: its line goes down (SVG y grows downwards)
    (piece,) = path_points(groups[2])
    assert piece[1][1] > piece[0][1]
    tooltips = [c.findtext(f"{SVG}title") for c in groups[0].iter(f"{SVG}circle")]
    assert tooltips == ["Καλαμάτα, 2011: 54.567,0 %", "Καλαμάτα, 2021: 58.816,0 %"]
    assert_text_inside(svg)


def test_a_missing_period_is_a_gap_not_a_zero() -> None:
    series = [
        ("Καλαμάτα", [("2020", Decimal(10)), ("2021", Decimal(12)), ("2023", Decimal(14)),
                      ("2024", Decimal(13))]),
        ("Αθήνα", [("2022", Decimal(11))]),
    ]  # fmt: skip
    root = parse(series_chart(series, EN))
    kalamata, athens = series_groups(root)
    pieces = path_points(kalamata)
    assert len(pieces) == 2 and [len(piece) for piece in pieces] == [2, 2]
    periods_x = {
        t.text: number(t, "x")
        for t in root.iter(f"{SVG}text")
        if t.text and re.fullmatch(r"20\d\d", t.text)
    }
    assert list(periods_x) == ["2020", "2021", "2022", "2023", "2024"]
    drawn_x = {x for piece in pieces for x, _ in piece}
    assert periods_x["2022"] not in drawn_x
    assert len(kalamata.findall(f"{SVG}circle")) == 4
    lowest_y = max(y for piece in pieces for _, y in piece)
    assert lowest_y == pytest.approx(max(number(c, "cy") for c in kalamata.iter(f"{SVG}circle")))
    # Athens has one value: a marker, no line
    assert athens.find(f"{SVG}path") is None
    (marker,) = athens.findall(f"{SVG}circle")
    assert number(marker, "cx") == pytest.approx(periods_x["2022"])


def test_a_single_period_still_draws_its_points() -> None:
    series = [("Καλαμάτα", [("2021", Decimal("58816"))]), ("Αθήνα", [("2021", Decimal("643452"))])]
    svg = series_chart(series, EL)
    root = parse(svg)
    groups = series_groups(root)
    assert [len(g.findall(f"{SVG}circle")) for g in groups] == [1, 1]
    assert all(g.find(f"{SVG}path") is None for g in groups)
    kalamata, athens = (g.find(f"{SVG}circle") for g in groups)
    assert kalamata is not None and athens is not None
    assert number(athens, "cy") < number(kalamata, "cy")
    assert_text_inside(svg)


def test_periods_can_be_given_in_their_order_and_equal_values_still_draw() -> None:
    series = [("Καλαμάτα", [("2021", Decimal(5)), ("2011", Decimal(5))])]
    root = parse(series_chart(series, EL, periods=["2011", "2021", "2022"]))
    labels = [t.text for t in root.iter(f"{SVG}text") if t.text in {"2011", "2021", "2022"}]
    assert labels == ["2011", "2021", "2022"]
    (piece,) = path_points(series_groups(root)[0])
    assert piece[0][0] < piece[1][0] and piece[0][1] == piece[1][1]


def test_many_lines_stay_distinguishable_and_long_names_fit_in_the_legend() -> None:
    series = [
        (f"{LONG_NAME} {index}", [("2011", Decimal(index)), ("2021", Decimal(index + 1))])
        for index in range(len(PALETTE) + 2)
    ]
    svg = series_chart(series, EL)
    styles = [
        (path.get("stroke"), path.get("stroke-dasharray")) for path in parse(svg).iter(f"{SVG}path")
    ]
    assert len(set(styles)) == len(series)
    assert_text_inside(svg)


# --- PNG ----------------------------------------------------------------------------------------


def test_png_export_has_the_chart_size_times_the_scale() -> None:
    svg = bar_chart(KALAMATA_TO_ATHENS, EL)
    root = parse(svg)
    width, height = int(root.attrib["width"]), int(root.attrib["height"])
    for scale in (1.0, 2.0):
        png = svg_to_png(svg, scale=scale)
        assert png.startswith(b"\x89PNG\r\n\x1a\n")
        assert png_size(png) == (round(width * scale), round(height * scale))


def test_png_export_draws_the_greek_letters() -> None:
    # Same length and same estimated width, so the layout is identical: only the glyphs differ
    # (a font without Greek would draw the same empty boxes for both).
    def png_with(name: str) -> bytes:
        return svg_to_png(bar_chart([(name, Decimal(1))], EL, id_prefix="same"), scale=1)

    assert text_width("Αθήνα", 13) == text_width("Πάτρα", 13)
    assert png_with("Αθήνα") != png_with("Πάτρα")


def test_png_export_without_cairosvg_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # None in sys.modules makes `import cairosvg` fail as it does where it is not installed.
    monkeypatch.setitem(sys.modules, "cairosvg", None)
    with pytest.raises(UsageError) as raised:
        svg_to_png(bar_chart(KALAMATA_TO_ATHENS, EL))
    message = str(raised.value)
    assert "demoi[png]" in message and "εξαγωγή PNG" in message and "PNG export" in message


# --- provisional values -------------------------------------------------------------------------

# Waste per inhabitant: Kalamata has published four months of the year, Thessaloniki ten.
WASTE = ChartText(
    title="Απορρίμματα ανά κάτοικο, 2024",
    unit="kg",
    description="Τα απορρίμματα ανά κάτοικο κάθε δήμου το 2024.",
    language="el",
)
WASTE_BARS = [
    ("Θεσσαλονίκη", Decimal("443.5")),
    ("Ηράκλειο Κρήτης", Decimal("390.2")),
    ("Καλαμάτα", Decimal("160.3")),
]


def by_id(root: ET.Element, reference: str) -> ET.Element:
    """The element a ``url(#id)`` paint names."""
    match = re.fullmatch(r"url\(#([^)]+)\)", reference)
    assert match, reference
    found = [element for element in root.iter() if element.get("id") == match.group(1)]
    assert len(found) == 1, reference
    return found[0]


def legend_texts(root: ET.Element) -> list[str]:
    return [
        text.text or ""
        for group in root.iter(f"{SVG}g")
        if group.get("class", "").split()[:1] == ["legend"]
        for text in group.iter(f"{SVG}text")
    ]


def test_a_provisional_bar_is_hatched_and_says_so_rather_than_compare_as_equal() -> None:
    svg = bar_chart(WASTE_BARS, WASTE, provisional={"Καλαμάτα"})
    root = parse(svg)
    thessaloniki, heraklion, kalamata = bars_of(root)
    for whole in (thessaloniki, heraklion):
        assert rect_of(whole).get("fill") == BAR_COLOUR and rect_of(whole).get("class") is None
        assert not (whole.findtext(f"{SVG}title") or "").endswith("(προσωρινή)")
    rect = rect_of(kalamata)
    assert rect.get("class") == "provisional"
    pattern = by_id(root, rect.attrib["fill"])
    assert pattern.tag == f"{SVG}pattern"
    stripes = {element.get("stroke") for element in pattern.iter(f"{SVG}line")}
    assert stripes == {BAR_COLOUR}, "the stripes keep the bar's colour and its contrast"
    assert rect.get("stroke") == BAR_COLOUR, "the outline shows where the bar ends"
    assert kalamata.findtext(f"{SVG}title") == "Καλαμάτα: 160,3 kg (προσωρινή)"
    # The group keeps its class: pages count bars by it.
    assert kalamata.get("class") == "bar"
    assert legend_texts(root) == [PROVISIONAL_LEGEND["el"]]
    assert_text_inside(svg)
    # The legend takes a row of its own under the unit, its swatch hatched like the bar.
    unit = root.find(f".//{SVG}text[@class='unit']")
    assert unit is not None
    (legend,) = (g for g in root.iter(f"{SVG}g") if g.get("class") == "legend provisional")
    assert min(number(t, "y") for t in legend.iter(f"{SVG}text")) > number(unit, "y")
    swatch = legend.find(f"{SVG}rect")
    assert swatch is not None and by_id(root, swatch.attrib["fill"]) is pattern


def test_no_provisional_bar_means_no_legend_and_no_pattern() -> None:
    for provisional in ((), {"Πάτρα"}):  # a name not among the bars marks nothing
        svg = bar_chart(WASTE_BARS, WASTE, provisional=provisional)
        root = parse(svg)
        assert legend_texts(root) == []
        assert root.find(f".//{SVG}pattern") is None and "url(" not in svg
    with_legend = parse(bar_chart(WASTE_BARS, WASTE, provisional={"Καλαμάτα"}))
    assert number(with_legend, "height") > number(parse(bar_chart(WASTE_BARS, WASTE)), "height")


def test_a_provisional_highlighted_bar_is_hatched_in_the_highlight_colour() -> None:
    svg = bar_chart(WASTE_BARS, EN, highlight="Καλαμάτα", provisional=["Καλαμάτα"])
    root = parse(svg)
    kalamata = bars_of(root)[2]
    assert kalamata.get("class") == "bar highlight"
    rect = rect_of(kalamata)
    pattern = by_id(root, rect.attrib["fill"])
    assert {line.get("stroke") for line in pattern.iter(f"{SVG}line")} == {HIGHLIGHT_COLOUR}
    assert rect.get("stroke") == HIGHLIGHT_COLOUR
    assert kalamata.findtext(f"{SVG}title") == "Καλαμάτα: 160.3 % (provisional)"
    assert legend_texts(root) == [PROVISIONAL_LEGEND["en"]]
    assert_text_inside(svg)


def test_the_provisional_legend_fits_a_narrow_chart() -> None:
    svg = bar_chart([("Ύδρα", Decimal(1))], ChartText("Α", "", "Β", "en"), provisional={"Ύδρα"})
    assert_text_inside(svg)


def light_share(png: bytes) -> float:
    """The share of the image's pixels that are near white."""
    surface = cairocffi.ImageSurface.create_from_png(io.BytesIO(png))
    data = bytes(surface.get_data())
    pixels = [data[i : i + 4] for i in range(0, len(data), 4)]
    return sum(1 for pixel in pixels if min(pixel[:3]) > 200) / len(pixels)


def test_a_hatched_bar_renders_lighter_than_a_whole_one() -> None:
    def png_of(provisional: set[str]) -> bytes:
        bars = [("Καλαμάτα", Decimal(1))]
        return svg_to_png(bar_chart(bars, EL, provisional=provisional, id_prefix="p"), scale=1)

    # cairo draws the pattern: the hatched bar leaves more of the image light.
    assert light_share(png_of({"Καλαμάτα"})) > light_share(png_of(set()))


def test_a_provisional_point_is_a_hollow_marker_and_says_so() -> None:
    series = [
        ("Καλαμάτα", [("2023", Decimal("480.1")), ("2024", Decimal("160.3"))]),
        ("Θεσσαλονίκη", [("2023", Decimal("450.0")), ("2024", Decimal("443.5"))]),
    ]
    svg = series_chart(series, WASTE, provisional={("Καλαμάτα", "2024")})
    root = parse(svg)
    kalamata, thessaloniki = series_groups(root)
    solid, hollow = kalamata.findall(f"{SVG}circle")
    assert solid.get("fill") == PALETTE[0] and solid.get("class") is None
    assert hollow.get("class") == "provisional"
    assert hollow.get("fill") == BACKGROUND and hollow.get("stroke") == PALETTE[0]
    assert hollow.findtext(f"{SVG}title") == "Καλαμάτα, 2024: 160,3 kg (προσωρινή)"
    assert all(c.get("class") is None for c in thessaloniki.iter(f"{SVG}circle"))
    assert legend_texts(root) == ["Καλαμάτα", "Θεσσαλονίκη", PROVISIONAL_LEGEND["el"]]
    assert_text_inside(svg)
    plain = parse(series_chart(series, WASTE))
    assert legend_texts(plain) == ["Καλαμάτα", "Θεσσαλονίκη"]
    assert number(root, "height") > number(plain, "height")


def test_the_results_charts_pass_provisional_values_through() -> None:
    definition = read_definitions("http://demoi.test/")["waste-per-inhabitant"]
    values = (
        Value("0701", "2024", Decimal("443.5"), Decimal("0.833"), ()),
        Value("4401", "2023", Decimal("480.1"), Decimal(1), ()),
        Value("4401", "2024", Decimal("160.3"), Decimal("0.333"), ()),
        Value("7101", "2024", Decimal("390.2"), None, ()),
    )
    found = Results(definition, values, (), published=True)
    unit = unit_text(definition, "en")
    bars = {
        (bar.findtext(f"{SVG}title") or "").split(":")[0]: bar
        for bar in bars_of(parse(bar_svg(found, "2024", "en")))
    }
    assert len(bars) == 3
    provisional = {name for name, bar in bars.items() if rect_of(bar).get("class")}
    assert provisional == {"Municipality of Kalamata", "Municipality of Thessaloniki"}
    kalamata = bars["Municipality of Kalamata"].findtext(f"{SVG}title") or ""
    assert kalamata.endswith(f"{unit} (provisional)")
    (group,) = series_groups(parse(series_svg(found, "el", codes=["4401"])))
    assert [c.get("class") for c in group.iter(f"{SVG}circle")] == [None, "provisional"]


# --- whole-number ticks ---------------------------------------------------------------------------


def grid_labels(root: ET.Element) -> list[str]:
    grid = root.find(f".//{SVG}g[@class='grid']")
    assert grid is not None
    return [t.text or "" for t in grid.iter(f"{SVG}text")]


def test_counts_get_whole_number_ticks_not_one_point_two() -> None:
    counts = [("Καλαμάτα", Decimal(2)), ("Αθήνα", Decimal(1)), ("Ύδρα", Decimal(0))]
    assert grid_labels(parse(bar_chart(counts, EN, decimals=0))) == ["0", "1", "2"]
    # With decimals the same values get finer ticks: the test tells the two apart.
    assert "0.5" in grid_labels(parse(bar_chart(counts, EN, decimals=1)))
    assert grid_labels(parse(bar_chart([("Ύδρα", Decimal(1))], EN, decimals=0))) == ["0", "1"]


def test_a_count_below_one_still_gets_a_whole_number_axis() -> None:
    svg = bar_chart([("Ύδρα", Decimal("0.4")), ("Αθήνα", Decimal("-0.3"))], EN, decimals=0)
    assert grid_labels(parse(svg)) == ["0"]
    assert_text_inside(svg)


def test_a_count_over_the_years_gets_whole_number_ticks() -> None:
    days = [("Καλαμάτα", [("2022", Decimal(2)), ("2023", Decimal(3)), ("2024", Decimal(2))])]
    for series, decimals in ((days, 0), (days, 1)):
        labels = grid_labels(parse(series_chart(series, EN, decimals=decimals)))
        values = [label for label in labels if not re.fullmatch(r"20\d\d", label)]
        whole = all(re.fullmatch(r"\d+", label) for label in values)
        assert whole == (decimals == 0), values
    steps = [int(v) for v in grid_labels(parse(series_chart(days, EN, decimals=0)))[:-3]]
    assert all(b - a >= 1 for a, b in zip(steps, steps[1:], strict=False))
    flat = [("Καλαμάτα", [("2023", Decimal(5)), ("2024", Decimal(5))])]
    assert grid_labels(parse(series_chart(flat, EN, decimals=0)))[:-2] == ["4", "5", "6"]


# --- the time axis --------------------------------------------------------------------------------


def period_labels(root: ET.Element) -> dict[str, ET.Element]:
    """The labels under the time axis, by their text."""
    grid = root.find(f".//{SVG}g[@class='grid']")
    assert grid is not None
    axis = max(
        number(line, "y1")
        for line in grid.iter(f"{SVG}line")
        if line.get("y1") == line.get("y2") and line.get("stroke") != GRID_COLOUR
    )
    return {
        t.text or "": t for t in grid.iter(f"{SVG}text") if axis + 10 < number(t, "y") < axis + 25
    }


def marker_x(root: ET.Element) -> dict[str, float]:
    """The x of each marker by its period, from the tooltips ("name, period: value")."""
    found = {}
    for group in series_groups(root):
        for circle in group.iter(f"{SVG}circle"):
            tooltip = circle.findtext(f"{SVG}title") or ""
            found[tooltip.split(", ")[1].split(":")[0]] = number(circle, "cx")
    return found


def test_years_are_placed_by_their_distance_in_time() -> None:
    series = [("Καλαμάτα", [("2012", Decimal(1)), ("2013", Decimal(2)), ("2024", Decimal(3))])]
    svg = series_chart(series, EL)
    x = marker_x(parse(svg))
    assert (x["2024"] - x["2013"]) / (x["2013"] - x["2012"]) == pytest.approx(11, rel=1e-3)
    # A year apart still leaves room for both labels.
    assert sorted(period_labels(parse(svg))) == ["2012", "2013", "2024"]
    assert_text_inside(svg)


def test_periods_that_are_not_years_in_order_stay_evenly_spaced() -> None:
    for periods in (["2021-01", "2021-02", "2021-09"], ["2024", "2012", "2013"]):
        series = [("Καλαμάτα", [(p, Decimal(i)) for i, p in enumerate(periods)])]
        x = marker_x(parse(series_chart(series, EL, periods=periods)))
        first, second, third = (x[p] for p in periods)
        assert second - first == pytest.approx(third - second, abs=0.02)


def test_crowded_period_labels_are_left_out_not_overlapped() -> None:
    census_then_yearly = ["1991", "2001", "2011", *(str(y) for y in range(2014, 2025))]
    for chosen in (census_then_yearly, ["2000", "2001", "2002", "2024"]):
        series = [("Καλαμάτα", [(y, Decimal(i)) for i, y in enumerate(chosen)])]
        svg = series_chart(series, EN)
        root = parse(svg)
        labels = period_labels(root)
        assert chosen[0] in labels and chosen[-1] in labels
        assert set(labels) < set(chosen), "crowded: some labels are left out"
        extents = sorted(horizontal_extent(label) for label in labels.values())
        for (_, right), (left, _) in zip(extents, extents[1:], strict=False):
            assert right < left, "two period labels overlap"
        # Every period keeps its tick mark on the axis, labelled or not.
        grid = root.find(f".//{SVG}g[@class='grid']")
        assert grid is not None
        ticks = {
            line.get("x1") for line in grid.iter(f"{SVG}line") if line.get("x1") == line.get("x2")
        }
        assert {
            circle.get("cx") for g in series_groups(root) for circle in g.iter(f"{SVG}circle")
        } <= ticks
        assert_text_inside(svg)


def test_every_year_of_a_short_run_is_labelled() -> None:
    years = [str(year) for year in range(2011, 2025)]
    series = [("Καλαμάτα", [(y, Decimal(i)) for i, y in enumerate(years)])]
    svg = series_chart(series, EL)
    assert sorted(period_labels(parse(svg))) == years
    assert_text_inside(svg)
