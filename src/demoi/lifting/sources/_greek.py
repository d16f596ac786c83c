"""Helpers the per-source readers of the places, culture and services areas share: yes/no cells,
house numbers written into the street, postcodes, WGS84 ranges, clock times, and row errors that
honour ``--skip-invalid-rows``.

Not a reader itself (no ``read``): the leading underscore keeps it out of ``format =``.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Protocol, TypeVar

from demoi.errors import DataError, Location
from demoi.lifting.sources._rejects import record_or_raise
from demoi.lifting.tabular import Reject, Table, normalise_header
from demoi.transliteration import without_accents

# «NAI»/«OXI» typed with Latin look-alike capitals are read too.
YES = {"ναι", "ν", "nai", "yes", "y", "true", "1", "x", "✓", "√"}
NO = {"οχι", "ο", "oxi", "no", "n", "false", "0", "-"}


def yes_no(value: str) -> str:
    """A yes/no cell as an xsd:boolean (``true``/``false``), or ``""`` when empty.

    Exports write ΝΑΙ/ΟΧΙ, Ν/Ο, Yes/No, 1/0, or a tick («X») for yes."""
    key = normalise_header(value) or value.strip()
    if not key:
        return ""
    if key in YES:
        return "true"
    if key in NO:
        return "false"
    raise ValueError("yes or no (ΝΑΙ / ΟΧΙ)")


_HOUSE_NUMBER = re.compile(
    r"^(?P<street>.*?\D)[\s,]+(?P<number>\d+[Α-ΩA-Zα-ωa-z]?(?:\s*-\s*\d+)?)$"
)


def split_house_number(street: str, number: str) -> tuple[str, str]:
    """Legacy registers write the number into the street («Αριστομένους 54»): split it off
    when there is no number of its own, so locn:thoroughfare holds the street only."""
    if number or not street:
        return street, number
    match = _HOUSE_NUMBER.match(street)
    if not match:
        return street, number
    return match["street"].strip(" ,"), match["number"].replace(" ", "").upper()


def postcode(value: str) -> str:
    """A Greek postcode: five digits, written «241 00» or «24100» (``""`` when empty)."""
    digits = value.replace(" ", "").replace(".", "")
    if not digits:
        return ""
    if not re.fullmatch(r"[1-8][0-9]{4}", digits):
        raise ValueError("a five-digit postcode such as 24100 or 241 00")
    return digits


# Greece in WGS84 and ΕΓΣΑ87, as shapes/places.ttl checks it.
LONGITUDE = (Decimal(19), Decimal(30))
LATITUDE = (Decimal("34.5"), Decimal(42))


def check_wgs84(longitude: Decimal, latitude: Decimal) -> None:
    """Refuse a position outside Greece, saying why it most likely is."""
    inside = LONGITUDE[0] <= longitude <= LONGITUDE[1] and LATITUDE[0] <= latitude <= LATITUDE[1]
    if inside:
        return
    swapped = LONGITUDE[0] <= latitude <= LONGITUDE[1] and LATITUDE[0] <= longitude <= LATITUDE[1]
    hint = "; the latitude and longitude look swapped" if swapped else ""
    raise ValueError(
        f"a position in Greece (longitude 19 to 30, latitude 34.5 to 42), not "
        f"longitude {longitude}, latitude {latitude}{hint}"
    )


def point(longitude: Decimal, latitude: Decimal, places: int = 6) -> str:
    """A WKT point in OGC CRS84 (longitude first, no CRS IRI), rounded to ``places`` decimals:
    six decimals are about 0.1 m, finer than any municipal survey."""
    quantum = Decimal(1).scaleb(-places)
    x, y = (value.quantize(quantum).normalize() for value in (longitude, latitude))
    return f"POINT({x:f} {y:f})"


@dataclass(frozen=True)
class Cell:
    """A cell of a Table by its canonical column, and where it came from."""

    table: Table
    index: int
    file: str

    def __getitem__(self, column: str) -> str:
        return self.table.rows[self.index][self.table.columns.index(column)]

    @property
    def cells(self) -> list[str]:
        return self.table.rows[self.index]

    def location(self, header: str | None = None) -> Location:
        return Location(
            self.file, self.table.lines[self.index], column=header, sheet=self.table.sheet
        )


def rows_of(table: Table, file: str) -> Iterator[Cell]:
    for index in range(len(table.rows)):
        yield Cell(table, index, file)


class Checked(Protocol):
    """What ``checked`` converts: anything that knows the cells it was read from."""

    @property
    def cells(self) -> list[str]: ...


T = TypeVar("T")
C = TypeVar("C", bound=Checked)


def checked(items: Sequence[C], convert: Callable[[C], T], rejects: list[Reject] | None) -> list[T]:
    """``convert`` each row; a DataError stops the read, or, with ``rejects``
    (--skip-invalid-rows), records the row there and leaves it out."""
    kept = []
    for item in items:
        try:
            kept.append(convert(item))
        except DataError as error:
            record_or_raise(error, item.cells, rejects)
    return kept


def cell_error(row: Cell, header: str, value: str, expected: str) -> DataError:
    """The error for one bad cell, worded like the tabular core's: value, column, expected."""
    return DataError(
        f"{value!r} in column {header!r} is not {expected}", location=row.location(header)
    )


def new_table(columns: list[str], rows: list[list[str]], lines: list[int], like: Table) -> Table:
    return replace(like, columns=columns, rows=rows, lines=lines)


_TAG = re.compile(r"<[^>]+>")
_BREAK = re.compile(r"<\s*(br|/p|/li|/div)\s*/?\s*>", re.IGNORECASE)


def strip_html(text: str) -> str:
    """Plain text of a cell a web CMS exported as HTML (``<p>…</p>``, ``&nbsp;``, ``&amp;``)."""
    if "<" not in text and "&" not in text:
        return text
    plain = html.unescape(_TAG.sub("", _BREAK.sub(" ", text))).replace("\u00a0", " ")
    return " ".join(plain.split())


# Clock times as exports write them: 21:00, 21.00, 21:00:00, 9:30 μ.μ., 9 pm.
_CLOCK = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?(?:[:.](\d{2}))?\s*(πμ|μμ|am|pm)?$")


def clock(value: str) -> str:
    """A time of day as ``HH:MM:SS`` (``24:00:00`` for the end of the day), or ``""``."""
    text = without_accents(value.casefold()).strip()
    if not text:
        return ""
    for written, meridiem in (("π.μ.", "πμ"), ("μ.μ.", "μμ"), ("a.m.", "am"), ("p.m.", "pm")):
        text = text.replace(written, meridiem)
    match = _CLOCK.match(text.replace(" ", ""))
    if not match:
        raise ValueError("a time such as 21:30 or 9:30 μ.μ.")
    hour, minute, second = (int(part or 0) for part in match.groups()[:3])
    meridiem = match[4]
    if meridiem:
        if not 1 <= hour <= 12:
            raise ValueError("a time such as 21:30 or 9:30 μ.μ.")
        hour = hour % 12 + (12 if meridiem in ("μμ", "pm") else 0)
    if hour > 24 or minute > 59 or second > 59 or (hour == 24 and (minute or second)):
        raise ValueError("a time such as 21:30 or 9:30 μ.μ.")
    # 24:00 (the end of a day, as agendas write a midnight end) is kept: the caller moves it to
    # 00:00 of the next day.
    return f"{hour:02d}:{minute:02d}:{second:02d}"
