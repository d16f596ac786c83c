"""Helpers the per-source readers of the places, culture and services areas share: Latin slugs
of Greek text (for minted IRIs), yes/no cells, house numbers written into the street, postcodes,
WGS84 ranges, and row errors that honour ``--skip-invalid-rows``.

Not a reader itself (no ``read``): the leading underscore keeps it out of ``format =``.
"""

from __future__ import annotations

import datetime
import html
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import Protocol, TypeVar

from demoi.errors import DataError, Location
from demoi.lifting.tabular import Column, Reject, Table, normalise_header, read_table

# ELOT 743 transliteration, simplified to what a readable IRI segment needs.
_SINGLE = dict(
    zip(
        "αβγδεζηθικλμνξοπρστυφχψω",
        "a v g d e z i th i k l m n x o p r s t y f ch ps o".split(),
        strict=True,
    )
)
_VOICED = set("αεηιουωβγδζλμνρ")  # after αυ/ευ/ηυ these give v, the others f
_WORD = re.compile(r"[a-z0-9]+")


def transliterate(text: str) -> str:
    """Greek letters to Latin (ELOT 743, simplified): «Αγίων Αποστόλων» -> «agion apostolon»."""
    plain = _without_accents(text.casefold()).replace("ς", "σ")
    out: list[str] = []
    position = 0
    while position < len(plain):
        pair, following = plain[position : position + 2], plain[position + 2 : position + 3]
        if pair == "ου":
            out.append("ou")
        elif pair in ("αυ", "ευ", "ηυ"):
            out.append(_SINGLE[pair[0]] + ("v" if following in _VOICED else "f"))
        elif pair == "μπ" and (position == 0 or not plain[position - 1].isalpha()):
            out.append("b")
        elif pair in ("γγ", "γκ") and position > 0 and plain[position - 1].isalpha():
            out.append("ng" if pair == "γγ" else "gk")
        else:
            out.append(_SINGLE.get(plain[position], plain[position]))
            position += 1
            continue
        position += 2
    return "".join(out).replace("\u0000", "")


def _without_accents(text: str) -> str:
    """Drop accents but keep the diaeresis apart: «ϊ» does not join a digraph («Κορωνέϊκη»)."""
    for joined, apart in (("ϊ", "\u0000ι"), ("ϋ", "\u0000υ"), ("ΐ", "\u0000ι"), ("ΰ", "\u0000υ")):
        text = text.replace(joined, apart)
    decomposed = unicodedata.normalize("NFD", text)
    kept = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return kept  # the \u0000 before a diaeresis is dropped by transliterate()


def slug(text: str) -> str:
    """A lowercase Latin IRI segment: «ΥΠΠΟ/ΑΡΧ/Β1/Φ30» -> «yppo-arch-b1-f30»."""
    return "-".join(_WORD.findall(transliterate(text)))


YES = {"ναι", "ν", "yes", "y", "true", "1", "x", "✓", "√"}
NO = {"οχι", "ο", "no", "n", "false", "0", "-"}


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
            if rejects is None:
                raise
            assert error.location is not None
            rejects.append(Reject(error.location, item.cells, error.message))
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


def read_delimited(
    path: Path, columns: Sequence[Column], options: ReadOptionsLike, delimiters: Sequence[str]
) -> Table:
    """``read_table`` with the first of ``delimiters`` whose header has the columns: an Excel
    in a Greek locale writes ``;``, a web CMS ``,``. Only a missing header moves on to the next
    delimiter; any other error is the file's."""
    first: DataError | None = None
    for delimiter in delimiters:
        try:
            return read_table(
                path,
                columns,
                delimiter=delimiter,
                encoding=options.encoding,
                rejects=options.rejects,
                progress=options.progress,
            )
        except DataError as error:
            if not error.message.startswith("no column"):
                raise
            first = first or error
    assert first is not None
    raise first


class ReadOptionsLike(Protocol):
    encoding: str | None
    rejects: list[Reject] | None
    progress: Callable[[int], None] | None


# Clock times as exports write them: 21:00, 21.00, 21:00:00, 9:30 μ.μ., 9 pm.
_CLOCK = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?(?:[:.](\d{2}))?\s*(πμ|μμ|am|pm)?$")


def clock(value: str) -> str:
    """A time of day as ``HH:MM:SS`` (``24:00:00`` for the end of the day), or ``""``."""
    text = _without_accents(value.casefold()).replace("\u0000", "").strip()
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


def athens_offset(day: datetime.date, time_of_day: str) -> str:
    """The UTC offset of Greek local time: +03:00 in summer time, +02:00 otherwise.

    The EU rule (since 1996): summer time from the last Sunday of March, 03:00 local time, to the
    last Sunday of October, 04:00 local summer time. Written out rather than read from a time-zone
    database, which Windows machines do not have without the tzdata package; an hour that
    occurs twice in October is read as summer time."""
    start = datetime.datetime.combine(_last_sunday(day.year, 3), datetime.time(3))
    end = datetime.datetime.combine(_last_sunday(day.year, 10), datetime.time(4))
    moment = datetime.datetime.combine(day, datetime.time.fromisoformat(time_of_day))
    return "+03:00" if start <= moment < end else "+02:00"


def _last_sunday(year: int, month: int) -> datetime.date:
    last = datetime.date(year, month + 1, 1) - datetime.timedelta(days=1)
    return last - datetime.timedelta(days=(last.weekday() + 1) % 7)
