"""Charts of indicator values as SVG, drawn on the server so that they need no JavaScript.

Data in, SVG text out; no store, no Flask. Two kinds of chart, the two the Catalogue of
Indicators shows:

* :func:`bar_chart` — one horizontal bar per municipality for one period, in the order given,
  with the value printed at the end of each bar; the axis starts at zero and negative values
  (a population that shrank) draw left of the zero line. A provisional value (incomplete source
  data: coverage below 1) is a hatched bar, with a legend line that says what hatching means.
* :func:`series_chart` — one line with point markers per municipality over the periods, with a
  legend; a period without a value is a gap in the line, never a zero, and a provisional
  value a hollow marker. Years are placed by their distance in time; other periods evenly.

With ``decimals`` 0 (counts) the value axis has whole-number ticks only.

:func:`svg_to_png` turns either into a PNG (``demoi indicators chart ID --out FILE.png``).
:func:`format_number` is the number formatting the charts use (``1.234,5`` in Greek,
``1,234.5`` in English), for pages that want to print the same numbers next to a chart.

Everything a chart says comes in one :class:`ChartText`, already in one language. The output is
deterministic (the same input gives the same bytes: no timestamps, no random ids), a standalone
SVG document (``xmlns``, ``width``/``height`` and ``viewBox``) that also works inline in HTML,
accessible (``role="img"``, ``<title>`` and ``<desc>`` named by ``aria-labelledby``, a tooltip
``<title>`` on every bar and point) and self-contained (no script, no external reference, the
generic ``sans-serif`` font so that Greek renders with the system's fonts). The ids inside a chart
start with ``id_prefix``, by default one derived from the chart's content, so that two charts
inline on one page do not clash.

Why no chart library: matplotlib is some 40 MB with numpy, its SVG embeds glyph paths and ids
that change from run to run and it needs a font set-up for Greek; pygal's SVG expects its
JavaScript for tooltips; plotly and Vega need JavaScript or a native renderer. The two charts
here are a few rectangles, lines and labels; building the elements in Python, escaped with
``xml.sax.saxutils``, keeps the layout arithmetic (margins from the longest label, room for the
value labels) in one place, where a template would only hold the loops.

Text cannot be measured without a font, and the font is the reader's, so widths are estimated
per character (:func:`text_width`), calibrated to be no smaller than DejaVu Sans (the widest of
the usual sans-serif fonts, and the one Linux falls back to for Greek); narrower fonts
only leave a little more room.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from xml.sax.saxutils import escape, quoteattr

from demoi.errors import UsageError

__all__ = [
    "ChartText",
    "bar_chart",
    "series_chart",
    "svg_to_png",
    "format_number",
    "text_width",
    "PALETTE",
]

LANGUAGES = ("el", "en")

#: Line and bar colours, each with a contrast of at least 3:1 against white (WCAG 2.1, 1.4.11),
#: after the Okabe–Ito palette for colour-blind readers, darkened where it fell short.
PALETTE = (
    "#0072B2",
    "#B8560F",
    "#007A5E",
    "#A8437F",
    "#7F6A00",
    "#332288",
    "#882255",
    "#595959",
)
BAR_COLOUR = PALETTE[0]
HIGHLIGHT_COLOUR = PALETTE[1]
TEXT_COLOUR = "#1A1A1A"
AXIS_COLOUR = "#595959"
GRID_COLOUR = "#D9D9D9"
BACKGROUND = "#FFFFFF"
#: When there are more lines than colours, the next round of lines is dashed, then dotted.
DASHES = ("", "6 3", "2 3")

FONT_SIZE = 13
TICK_FONT_SIZE = 11
TITLE_FONT_SIZE = 16
PAD = 12
GAP = 6
TITLE_HEIGHT = 28
BAR_ROW = 24
BAR_HEIGHT = 16
BAR_PLOT_WIDTH = 440
SERIES_PLOT_WIDTH = 480
SERIES_PLOT_HEIGHT = 260
SERIES_INSET = 16
LEGEND_ROW = 20
LEGEND_SWATCH = 24
MARKER_RADIUS = 3.5

NO_VALUES = {"el": "Δεν υπάρχουν τιμές", "en": "No values"}
#: Added to the tooltip of a provisional value, and the legend line that explains the hatching
#: (the same words as the values table of the indicator's page).
PROVISIONAL = {"el": "(προσωρινή)", "en": "(provisional)"}
PROVISIONAL_LEGEND = {
    "el": "Προσωρινή: τα δεδομένα πηγής είναι ελλιπή (κάλυψη κάτω από 100 %).",
    "en": "Provisional: the source data are incomplete (coverage below 100 %).",
}
#: Hatching of a provisional bar: stripes of the bar's colour over a light tint of it, so that
#: the bar reads as unfinished without relying on colour alone.
HATCH_SIZE = 6
HATCH_TINT = 0.8
PROVISIONAL_SWATCH = (20, 12)

# Character widths in ems, no smaller than DejaVu Sans's advances at 11–16 px once hinting has
# rounded them to whole pixels (tests measure every letter with cairo): generous for most text.
_NARROW = set("iljtfrI.,:;'|!()[]ιίϊΐ ")
_MEDIUM = set("#&+<=>^~−±×÷")
_WIDE = set("mwMWœŒæÆ%@ωώΩΏΜΨΦΆΈΉΊΌΎ—…")
_BOLD_FACTOR = 1.15


@dataclass(frozen=True)
class ChartText:
    """Everything a chart says, already in one language."""

    #: The heading drawn at the top, e.g. «Ποσοστό εκτέλεσης προϋπολογισμού, 2024».
    title: str
    #: The unit of the values, e.g. «%», «€ ανά κάτοικο», «ημέρες»; printed on the value axis.
    unit: str
    #: One sentence for ``<desc>``, what a screen reader says about the chart.
    description: str
    #: "el" or "en": how numbers are written (1.234,5 or 1,234.5) and the "no values" message.
    language: str

    def __post_init__(self) -> None:
        if self.language not in LANGUAGES:
            raise ValueError(f"language must be one of {LANGUAGES}, not {self.language!r}")


# --- numbers ------------------------------------------------------------------------------------


def format_number(value: Decimal, decimals: int, language: str) -> str:
    """``Decimal("-1234.56"), 1, "el"`` → ``−1.234,6``: rounded half up, grouped by thousands.

    The minus is the typographic one (U+2212), which screen readers say as "minus"; a value that
    rounds to zero has no sign.
    """
    rounded = value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    text = f"{abs(rounded):,.{decimals}f}"
    if language == "el":
        text = text.translate(str.maketrans(",.", ".,"))
    return ("\u2212" if rounded < 0 else "") + text


def _check_finite(value: Decimal, where: str) -> None:
    if not value.is_finite():
        raise ValueError(f"{where}: {value} is not a number a chart can draw")


def _nice_ticks(
    low: Decimal, high: Decimal, count: int = 5, *, extend: bool = True, integer: bool = False
) -> list[Decimal]:
    """Ticks at steps of 1, 2 or 5 × 10ⁿ for ``low``…``high``, about ``count`` intervals.

    With ``extend`` the ticks cover the range (the first at or below ``low``, the last at or
    above ``high``); without, they are the multiples of the step inside it. With ``integer``
    the step is at least 1 (counts have no 1.2). Decimal arithmetic, so that tick labels are
    exact (0.3, not 0.30000000000000004).
    """
    if high < low:
        low, high = high, low
    if high == low:
        spread = abs(high) / 10 if high else Decimal(1)
        low, high = low - spread, high + spread
    raw = (high - low) / count
    magnitude = Decimal(1).scaleb(raw.adjusted())
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    if integer:
        step = max(step, Decimal(1))
    first = (low / step).to_integral_value(rounding=ROUND_FLOOR if extend else ROUND_CEILING)
    last = (high / step).to_integral_value(rounding=ROUND_CEILING if extend else ROUND_FLOOR)
    first, last = first * step, last * step
    ticks = []
    tick = first
    while tick <= last:
        ticks.append(tick)
        tick += step
    return ticks


def _tick_decimals(ticks: Sequence[Decimal]) -> int:
    """As many decimals as the step needs: 0 for steps of 20, 1 for 0.5, 2 for 0.02."""
    if len(ticks) < 2:
        return 0  # a lone integer tick (integer ticks over a range shorter than 1)
    step = ticks[1] - ticks[0]
    exponent = step.normalize().as_tuple().exponent
    assert isinstance(exponent, int)
    return max(0, -exponent)


# --- text ---------------------------------------------------------------------------------------


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """An estimate, in user units, of how wide ``text`` is at font ``size`` (never too small).

    The font is the reader's, so this cannot be a measurement: it is a per-character estimate
    no smaller than DejaVu Sans's advance widths.
    """
    ems = 0.0
    for char in text:
        if char in _NARROW:
            ems += 0.5
        elif char in _WIDE:
            ems += 1.0
        elif char.isupper() or char in _MEDIUM:
            ems += 0.86
        else:
            ems += 0.72
    return ems * size * (_BOLD_FACTOR if bold else 1.0)


# Characters XML 1.0 does not allow, even escaped; names come from data, so they are replaced.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _text(content: str) -> str:
    return escape(_clean(content))


def _attr(value: str) -> str:
    return quoteattr(_clean(value))


def _n(number: float) -> str:
    """A coordinate, with two decimals at most and no trailing zeros, for stable short output."""
    text = f"{number:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _label(
    x: float,
    y: float,
    content: str,
    *,
    anchor: str = "start",
    size: int = FONT_SIZE,
    bold: bool = False,
    css_class: str | None = None,
) -> str:
    attributes = f'x="{_n(x)}" y="{_n(y)}" font-size="{size}"'
    if anchor != "start":
        attributes += f' text-anchor="{anchor}"'
    if bold:
        attributes += ' font-weight="bold"'
    if css_class:
        attributes += f' class="{css_class}"'
    return f"<text {attributes}>{_text(content)}</text>"


# --- the frame every chart shares -------------------------------------------------------------


_ID_PREFIX = re.compile(r"[A-Za-z][A-Za-z0-9_-]*\Z")


def _prefix(id_prefix: str | None, kind: str, *content: object) -> str:
    if id_prefix is None:
        digest = hashlib.sha256(repr((kind, content)).encode()).hexdigest()[:10]
        return f"chart-{digest}"
    if not _ID_PREFIX.match(id_prefix):
        raise ValueError(f"id_prefix {id_prefix!r} is not a letter followed by letters, digits, _-")
    return id_prefix


def _document(
    width: float, height: float, prefix: str, text: ChartText, kind: str, body: list[str]
) -> str:
    width, height = round(width), round(height)
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}"'
        f' viewBox="0 0 {width} {height}" role="img"'
        f' aria-labelledby="{prefix}-title {prefix}-desc" lang="{text.language}"'
        f' class="demoi-chart demoi-chart-{kind}" font-family="sans-serif" fill="{TEXT_COLOUR}">'
    )
    lines = [
        head,
        f'<title id="{prefix}-title">{_text(text.title)}</title>',
        f'<desc id="{prefix}-desc">{_text(text.description)}</desc>',
        f'<rect width="{width}" height="{height}" fill="{BACKGROUND}"/>',
        *body,
        "</svg>",
    ]
    return "\n".join(lines) + "\n"


def _title(text: ChartText) -> tuple[str, float]:
    """The heading element and its width."""
    element = _label(
        PAD, PAD + TITLE_FONT_SIZE, text.title, size=TITLE_FONT_SIZE, bold=True, css_class="title"
    )
    return element, text_width(text.title, TITLE_FONT_SIZE, bold=True)


def _empty_chart(text: ChartText, prefix: str, kind: str) -> str:
    title, title_width = _title(text)
    message = NO_VALUES[text.language]
    width = max(2 * PAD + title_width, 2 * PAD + text_width(message, FONT_SIZE), 320.0)
    height = PAD + TITLE_HEIGHT + 60 + PAD
    body = [
        title,
        _label(width / 2, PAD + TITLE_HEIGHT + 36, message, anchor="middle", css_class="empty"),
    ]
    return _document(width, height, prefix, text, kind, body)


# --- bar chart ----------------------------------------------------------------------------------


def bar_chart(
    bars: Sequence[tuple[str, Decimal]],
    text: ChartText,
    *,
    decimals: int = 1,
    highlight: str | None = None,
    provisional: Collection[str] = (),
    id_prefix: str | None = None,
) -> str:
    """Horizontal bars, one per ``(label, value)`` in the order given, the value at each end.

    The axis includes zero; negative bars go left of the zero line, with their value on the
    left. ``highlight`` names a label whose bar is drawn in another colour and whose label is
    bold (a name that is not among the bars highlights nothing). ``provisional`` names the
    labels whose values are provisional: their bars are hatched, their tooltips say so and a
    legend line under the axis explains the hatching (only when there is such a bar), so
    that a part-year value is not read as comparable with a whole year's. With ``decimals``
    0 the axis ticks are whole numbers. The chart grows downwards with the number of bars and
    sideways with the longest label, so no label is cut. No bars gives a chart that says
    there are no values.
    """
    provisional = frozenset(provisional)
    prefix = _prefix(id_prefix, "bar", bars, text, decimals, highlight, sorted(provisional))
    if not bars:
        return _empty_chart(text, prefix, "bar")
    for label, value in bars:
        _check_finite(value, label)
    values = [value for _, value in bars]
    low, high = min([Decimal(0), *values]), max([Decimal(0), *values])
    if low == high:
        high = Decimal(1)  # all zero: an axis from 0 to 1 with no bar to see
    # The axis spans the values exactly, so that the longest bar fills the plot; a nice range
    # would give −500…1.500 for −2.28…1.234,5 and leave a third of the plot empty.
    ticks = _nice_ticks(low, high, extend=False, integer=decimals == 0)
    tick_decimals = _tick_decimals(ticks)
    tick_texts = [format_number(tick, tick_decimals, text.language) for tick in ticks]
    value_texts = [format_number(value, decimals, text.language) for value in values]

    label_room = max(text_width(label, FONT_SIZE, bold=label == highlight) for label, _ in bars)
    value_room = max(text_width(value, FONT_SIZE) for value in value_texts) + GAP
    half_tick = max(text_width(tick, TICK_FONT_SIZE) for tick in tick_texts) / 2
    label_end = PAD + label_room
    plot_left = label_end + GAP + (value_room if low < 0 else 0)
    plot_left = max(plot_left, PAD + half_tick)
    plot_right = plot_left + BAR_PLOT_WIDTH
    right_room = max(value_room if high > 0 else 0, half_tick)
    title, title_width = _title(text)
    unit_width = text_width(text.unit, FONT_SIZE)
    any_provisional = any(label in provisional for label, _ in bars)
    legend_text = PROVISIONAL_LEGEND[text.language]
    legend_width = PROVISIONAL_SWATCH[0] + GAP + text_width(legend_text, FONT_SIZE)
    width = max(
        plot_right + right_room + PAD,
        2 * PAD + title_width,
        2 * PAD + unit_width,
        2 * PAD + (legend_width if any_provisional else 0),
    )

    plot_top = PAD + TITLE_HEIGHT
    plot_bottom = plot_top + len(bars) * BAR_ROW
    height = plot_bottom + 44 + (LEGEND_ROW if any_provisional else 0) + PAD

    span = float(high - low)

    def x_of(value: Decimal) -> float:
        return plot_left + float(value - low) / span * BAR_PLOT_WIDTH

    zero = x_of(Decimal(0))
    body = [title]
    if any_provisional:
        body += _hatch_patterns(prefix, {"": BAR_COLOUR, "-highlight": HIGHLIGHT_COLOUR})
    body.append('<g class="grid">')
    for tick, tick_text in zip(ticks, tick_texts, strict=True):
        x = x_of(tick)
        colour = AXIS_COLOUR if tick == 0 else GRID_COLOUR
        body.append(
            f'<line x1="{_n(x)}" y1="{_n(plot_top)}" x2="{_n(x)}" y2="{_n(plot_bottom + 4)}"'
            f' stroke="{colour}" stroke-width="1"/>'
        )
        body.append(_label(x, plot_bottom + 17, tick_text, anchor="middle", size=TICK_FONT_SIZE))
    body.append("</g>")
    body.append(
        _label(
            (plot_left + plot_right) / 2,
            plot_bottom + 36,
            text.unit,
            anchor="middle",
            css_class="unit",
        )
    )
    body.append('<g class="bars">')
    for index, ((label, value), value_text) in enumerate(zip(bars, value_texts, strict=True)):
        row_top = plot_top + index * BAR_ROW
        baseline = row_top + BAR_ROW / 2 + FONT_SIZE * 0.35
        end = x_of(value)
        highlighted = label == highlight
        colour = HIGHLIGHT_COLOUR if highlighted else BAR_COLOUR
        tooltip = f"{label}: {value_text} {text.unit}".rstrip()
        # The group keeps its class ("bar", "bar highlight"): pages find bars by it. The rect
        # says provisional, since it is the rect that looks different.
        paint = f'fill="{colour}"'
        if label in provisional:
            tooltip += f" {PROVISIONAL[text.language]}"
            hatch = f"{prefix}-hatch{'-highlight' if highlighted else ''}"
            paint = f'class="provisional" fill="url(#{hatch})" stroke="{colour}" stroke-width="1"'
        value_x, value_anchor = (end + GAP / 2, "start") if value >= 0 else (end - GAP / 2, "end")
        body += [
            f'<g class="bar{" highlight" if highlighted else ""}">',
            f"<title>{_text(tooltip)}</title>",
            f'<rect x="{_n(min(zero, end))}" y="{_n(row_top + (BAR_ROW - BAR_HEIGHT) / 2)}"'
            f' width="{_n(abs(end - zero))}" height="{BAR_HEIGHT}" {paint}/>',
            _label(label_end, baseline, label, anchor="end", bold=highlighted, css_class="label"),
            _label(value_x, baseline, value_text, anchor=value_anchor, css_class="value"),
            "</g>",
        ]
    body.append("</g>")
    # The zero line over the bars, so that it stays visible between positive and negative ones.
    body.append(
        f'<line class="zero" x1="{_n(zero)}" y1="{_n(plot_top)}" x2="{_n(zero)}"'
        f' y2="{_n(plot_bottom)}" stroke="{AXIS_COLOUR}" stroke-width="1"/>'
    )
    if any_provisional:
        middle = plot_bottom + 44 + LEGEND_ROW / 2
        swatch_width, swatch_height = PROVISIONAL_SWATCH
        body += [
            '<g class="legend provisional">',
            f'<rect x="{PAD}" y="{_n(middle - swatch_height / 2)}" width="{swatch_width}"'
            f' height="{swatch_height}" fill="url(#{prefix}-hatch)" stroke="{BAR_COLOUR}"'
            ' stroke-width="1"/>',
            _label(PAD + swatch_width + GAP, middle + FONT_SIZE * 0.35, legend_text),
            "</g>",
        ]
    return _document(width, height, prefix, text, "bar", body)


def _tint(colour: str, amount: float) -> str:
    """``colour`` mixed with white, ``amount`` of the way (0: the colour, 1: white)."""
    channels = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(c + (255 - c) * amount):02X}" for c in channels)


def _hatch_patterns(prefix: str, colours: dict[str, str]) -> list[str]:
    """Diagonal stripes of each colour over its light tint, ids ``{prefix}-hatch{suffix}``.

    A pattern referenced by ``url(#id)`` inside the same document: no external reference.
    """
    body = ["<defs>"]
    for suffix, colour in colours.items():
        body += [
            f'<pattern id="{prefix}-hatch{suffix}" patternUnits="userSpaceOnUse"'
            f' width="{HATCH_SIZE}" height="{HATCH_SIZE}" patternTransform="rotate(45)">',
            f'<rect width="{HATCH_SIZE}" height="{HATCH_SIZE}"'
            f' fill="{_tint(colour, HATCH_TINT)}"/>',
            f'<line x1="{HATCH_SIZE / 2:g}" y1="0" x2="{HATCH_SIZE / 2:g}" y2="{HATCH_SIZE}"'
            f' stroke="{colour}" stroke-width="{HATCH_SIZE / 2:g}"/>',
            "</pattern>",
        ]
    body.append("</defs>")
    return body


# --- time series --------------------------------------------------------------------------------


def series_chart(
    series: Sequence[tuple[str, Sequence[tuple[str, Decimal]]]],
    text: ChartText,
    *,
    decimals: int = 1,
    periods: Sequence[str] | None = None,
    provisional: Collection[tuple[str, str]] = (),
    id_prefix: str | None = None,
) -> str:
    """One line with point markers per ``(label, [(period, value), …])``, and a legend.

    The x axis has a place per period: ``periods`` in the order given, or by default every
    period of the series, sorted (ISO periods such as 2011, 2021-03 sort in time order). When
    every period is a year, in increasing order, the places are proportional to the years
    (2013→2024 is eleven times as far as 2012→2013); otherwise they are evenly spaced. Period
    labels that would overlap are left out (the first and the last are kept), each period
    keeps its tick mark. A period a series has no value for is a gap in its line, never a
    zero; a point with no neighbour (a single period) is a marker alone. ``provisional`` holds
    the ``(label, period)`` of provisional values: their markers are hollow, their tooltips
    say so and the legend explains the hollow marker. The value axis fits the values, without
    forcing zero, since a line shows change. ``decimals`` is for the values in the tooltips;
    with 0 the axis ticks are whole numbers. No values at all gives a chart that says so.
    """
    provisional = frozenset(provisional)
    prefix = _prefix(id_prefix, "series", series, text, decimals, periods, sorted(provisional))
    for label, points in series:
        for period, value in points:
            _check_finite(value, f"{label}, {period}")
    values = [value for _, points in series for _, value in points]
    if periods is None:
        periods = sorted({period for _, points in series for period, _ in points})
    if not values or not periods:
        return _empty_chart(text, prefix, "series")

    ticks = _nice_ticks(min(values), max(values), integer=decimals == 0)
    tick_decimals = _tick_decimals(ticks)
    tick_texts = [format_number(tick, tick_decimals, text.language) for tick in ticks]
    title, title_width = _title(text)

    period_room = max(text_width(period, TICK_FONT_SIZE) for period in periods) + 2 * GAP
    years = _years(periods)
    # Room for every label on an even axis; a year axis asks for room between its closest
    # years, but never more than the even axis would take, and leaves labels out beyond that.
    plot_width = period_room * len(periods)
    if years is not None:
        closest = min(b - a for a, b in zip(years, years[1:], strict=False))
        by_years = period_room * (years[-1] - years[0]) / closest + 2 * SERIES_INSET
        plot_width = min(plot_width, by_years)
    plot_width = max(SERIES_PLOT_WIDTH, plot_width)
    plot_left = PAD + max(text_width(tick, TICK_FONT_SIZE) for tick in tick_texts) + GAP
    plot_right = plot_left + plot_width
    plot_top = PAD + TITLE_HEIGHT + 22
    plot_bottom = plot_top + SERIES_PLOT_HEIGHT
    legend_top = plot_bottom + 34
    drawn = {(label, period) for label, points in series for period, _ in points}
    any_provisional = bool(drawn & provisional)
    legend_labels = [label for label, _ in series]
    if any_provisional:
        legend_labels.append(PROVISIONAL_LEGEND[text.language])
    legend_width = (
        LEGEND_SWATCH + GAP + max(text_width(label, FONT_SIZE) for label in legend_labels)
    )
    width = max(
        plot_right + max(period_room / 2, PAD),
        2 * PAD + title_width,
        2 * PAD + text_width(text.unit, FONT_SIZE),
        2 * PAD + legend_width,
    )
    height = legend_top + len(legend_labels) * LEGEND_ROW + PAD

    span = float(ticks[-1] - ticks[0])

    def y_of(value: Decimal) -> float:
        return plot_bottom - float(value - ticks[0]) / span * SERIES_PLOT_HEIGHT

    x_of = _period_places(periods, years, plot_left + SERIES_INSET, plot_width - 2 * SERIES_INSET)

    body = [title, _label(PAD, plot_top - 10, text.unit, css_class="unit"), '<g class="grid">']
    for tick, tick_text in zip(ticks, tick_texts, strict=True):
        y = y_of(tick)
        body.append(
            f'<line x1="{_n(plot_left)}" y1="{_n(y)}" x2="{_n(plot_right)}" y2="{_n(y)}"'
            f' stroke="{GRID_COLOUR}" stroke-width="1"/>'
        )
        body.append(
            _label(
                plot_left - GAP,
                y + TICK_FONT_SIZE * 0.35,
                tick_text,
                anchor="end",
                size=TICK_FONT_SIZE,
            )
        )
    body.append(
        f'<line x1="{_n(plot_left)}" y1="{_n(plot_bottom)}" x2="{_n(plot_right)}"'
        f' y2="{_n(plot_bottom)}" stroke="{AXIS_COLOUR}" stroke-width="1"/>'
    )
    for period in periods:
        body.append(
            f'<line x1="{_n(x_of[period])}" y1="{_n(plot_bottom)}" x2="{_n(x_of[period])}"'
            f' y2="{_n(plot_bottom + 4)}" stroke="{AXIS_COLOUR}" stroke-width="1"/>'
        )
    for period in _spaced_labels(periods, x_of):
        body.append(
            _label(x_of[period], plot_bottom + 17, period, anchor="middle", size=TICK_FONT_SIZE)
        )
    body.append("</g>")

    body.append('<g class="lines">')
    for index, (label, points) in enumerate(series):
        colour = PALETTE[index % len(PALETTE)]
        dash = DASHES[(index // len(PALETTE)) % len(DASHES)]
        marked = {period for name, period in provisional if name == label}
        body += _series_line(
            label, points, periods, x_of, y_of, (colour, dash), text, decimals, marked
        )
    body.append("</g>")

    body.append('<g class="legend">')
    for index, (label, _) in enumerate(series):
        colour = PALETTE[index % len(PALETTE)]
        dash = DASHES[(index // len(PALETTE)) % len(DASHES)]
        middle = legend_top + index * LEGEND_ROW + LEGEND_ROW / 2
        body += [
            '<g class="entry">',
            f'<line x1="{PAD}" y1="{_n(middle)}" x2="{PAD + LEGEND_SWATCH}" y2="{_n(middle)}"'
            f' stroke="{colour}" stroke-width="2"{_dash(dash)}/>',
            f'<circle cx="{_n(PAD + LEGEND_SWATCH / 2)}" cy="{_n(middle)}" r="{MARKER_RADIUS}"'
            f' fill="{colour}"/>',
            _label(PAD + LEGEND_SWATCH + GAP, middle + FONT_SIZE * 0.35, label),
            "</g>",
        ]
    if any_provisional:
        middle = legend_top + len(series) * LEGEND_ROW + LEGEND_ROW / 2
        body += [
            '<g class="entry provisional">',
            _marker(PAD + LEGEND_SWATCH / 2, middle, AXIS_COLOUR, hollow=True),
            _label(
                PAD + LEGEND_SWATCH + GAP,
                middle + FONT_SIZE * 0.35,
                PROVISIONAL_LEGEND[text.language],
            ),
            "</g>",
        ]
    body.append("</g>")
    return _document(width, height, prefix, text, "series", body)


_YEAR = re.compile(r"[0-9]{4}\Z")


def _years(periods: Sequence[str]) -> list[int] | None:
    """The periods as years if each is a year and they increase, else None (an even axis)."""
    if len(periods) < 2 or not all(_YEAR.match(period) for period in periods):
        return None
    years = [int(period) for period in periods]
    if any(b <= a for a, b in zip(years, years[1:], strict=False)):
        return None
    return years


def _period_places(
    periods: Sequence[str], years: list[int] | None, start: float, inner: float
) -> dict[str, float]:
    """The x of each period: proportional to the year on a year axis, else evenly spaced."""
    if len(periods) == 1:
        return {periods[0]: start + inner / 2}
    if years is not None:
        span = years[-1] - years[0]
        return {
            period: start + (year - years[0]) / span * inner
            for period, year in zip(periods, years, strict=True)
        }
    step = inner / (len(periods) - 1)
    return {period: start + index * step for index, period in enumerate(periods)}


def _spaced_labels(periods: Sequence[str], x_of: dict[str, float]) -> list[str]:
    """The periods whose labels fit without overlapping, from the left; the last one is always
    kept (the latest period is the one readers look for), at the cost of its neighbours.

    Half a ``GAP`` between labels is enough: the estimated widths are already no smaller than
    the font's, so the space a reader sees is wider.
    """

    def edges(period: str) -> tuple[float, float]:
        half = text_width(period, TICK_FONT_SIZE) / 2
        return x_of[period] - half, x_of[period] + half

    ordered = sorted(periods, key=lambda period: x_of[period])
    kept: list[str] = []
    for period in ordered:
        if not kept or edges(period)[0] >= edges(kept[-1])[1] + GAP / 2:
            kept.append(period)
    last = ordered[-1]
    if kept[-1] != last:
        while kept and edges(kept[-1])[1] + GAP / 2 > edges(last)[0]:
            kept.pop()
        kept.append(last)
    return kept


def _marker(x: float, y: float, colour: str, *, hollow: bool = False, tooltip: str = "") -> str:
    """A point; hollow (white inside, coloured ring) for a provisional value."""
    paint = (
        f'class="provisional" fill="{BACKGROUND}" stroke="{colour}" stroke-width="1.5"'
        if hollow
        else f'fill="{colour}"'
    )
    start = f'<circle cx="{_n(x)}" cy="{_n(y)}" r="{MARKER_RADIUS}" {paint}'
    return f"{start}><title>{_text(tooltip)}</title></circle>" if tooltip else f"{start}/>"


def _dash(dash: str) -> str:
    return f' stroke-dasharray="{dash}"' if dash else ""


def _series_line(
    label: str,
    points: Sequence[tuple[str, Decimal]],
    periods: Sequence[str],
    x_of: dict[str, float],
    y_of: Callable[[Decimal], float],
    style: tuple[str, str],
    text: ChartText,
    decimals: int,
    provisional: Collection[str],
) -> list[str]:
    """A municipality's line: one path whose pieces join values of neighbouring periods, with a
    marker per value (hollow where the value of that period is provisional)."""
    colour, dash = style
    by_period = {period: value for period, value in points if period in x_of}
    runs: list[list[str]] = [[]]
    for period in periods:
        if period in by_period:
            runs[-1].append(period)
        elif runs[-1]:
            runs.append([])
    pieces = [
        "M" + " L".join(f"{_n(x_of[p])} {_n(y_of(by_period[p]))}" for p in run)
        for run in runs
        if len(run) > 1
    ]
    element = ['<g class="series">', f"<title>{_text(label)}</title>"]
    if pieces:
        element.append(
            f'<path d="{" ".join(pieces)}" fill="none" stroke="{colour}" stroke-width="2"'
            f' stroke-linejoin="round"{_dash(dash)}/>'
        )
    for period in periods:
        if period not in by_period:
            continue
        value_text = format_number(by_period[period], decimals, text.language)
        tooltip = f"{label}, {period}: {value_text} {text.unit}".rstrip()
        hollow = period in provisional
        if hollow:
            tooltip += f" {PROVISIONAL[text.language]}"
        x, y = x_of[period], y_of(by_period[period])
        element.append(_marker(x, y, colour, hollow=hollow, tooltip=tooltip))
    element.append("</g>")
    return element


# --- PNG ----------------------------------------------------------------------------------------


def svg_to_png(svg: str, *, scale: float = 2.0) -> bytes:
    """The chart as a PNG, ``scale`` pixels per SVG unit (2 for sharp text on most screens)."""
    try:
        # Imported here: PNG export is the optional extra demoi[png], and cairosvg loads the
        # system cairo library. It has no type stubs.
        import cairosvg  # type: ignore[import-untyped]
    except ImportError as error:
        raise UsageError(
            "η εξαγωγή PNG χρειάζεται το πρόσθετο demoi[png] (pip install 'demoi[png]')· το SVG "
            "δεν χρειάζεται τίποτα / PNG export needs the extra demoi[png] (pip install "
            f"'demoi[png]'); SVG needs nothing: {error}"
        ) from None
    except OSError as error:
        raise UsageError(
            "η εξαγωγή PNG χρειάζεται τη βιβλιοθήκη cairo του συστήματος"
            " (π.χ. apt install libcairo2) / PNG export needs the system cairo library"
            f" (e.g. apt install libcairo2): {error}"
        ) from None
    png = cairosvg.svg2png(bytestring=svg.encode("utf-8"), scale=scale)
    assert isinstance(png, bytes)
    return png
