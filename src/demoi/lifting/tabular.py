"""Reading tabular exports the way municipal systems write them.

Accounting systems export ``;``-separated text with a trailing ``;``, in UTF-16 with a BOM or
in an 8-bit Greek code page (Windows-1253 or ISO-8859-7), with Greek number formatting
(``8.920.667,36``) and headers that vary in accents, case and punctuation (``Κ.Α.``, ``ΚΑ``).
This module turns such a file into clean rows of canonical columns, or fails with the file,
line and column of the first problem. morph-kgc then maps the clean rows; it reads only UTF-8
and knows nothing of Greek numbers, and its errors could not point at a cell.
"""

from __future__ import annotations

import codecs
import csv
import dataclasses
import hashlib
import io
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from demoi.errors import DataError, Location, UsageError
from demoi.lifting.values import CONVERTERS

GREEK_LETTERS = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]")


#: How many rows a reader reads between two progress reports.
PROGRESS_EVERY = 10_000


@dataclass(frozen=True)
class Column:
    """A column a mapping expects: its canonical name, the headers it goes by, its type."""

    name: str
    headers: tuple[str, ...]
    type: str = "text"  # a key of demoi.lifting.values.CONVERTERS
    required: bool = True


@dataclass(frozen=True)
class Table:
    columns: list[str]
    rows: list[list[str]]
    encoding: str
    #: The line of the file each row came from (1-based).
    lines: list[int] = dataclasses.field(default_factory=list)
    #: SHA-256 of the bytes the table was read from, for provenance.
    sha256: str = ""
    #: The sheet of a workbook the rows came from (``lines`` are then its row numbers).
    sheet: str | None = None

    #: The file the rows came from, when the reader knows it (a member of a zip, say).
    file: str = ""

    def check_unique(self, key: Sequence[str], file: str, *, table: str | None = None) -> None:
        """Refuse two rows with the same ``key`` cells: they would mint one resource, and
        the data of one would silently merge into the other. ``table`` names the table in the
        message, for a source of several tables."""
        missing = [name for name in key if name not in self.columns]
        if missing:
            # The descriptor names a column its reader does not give: a defect of the mapping.
            raise RuntimeError(
                f"the key column(s) {', '.join(missing)} are not columns of table "
                f"{table or 'source'} ({', '.join(self.columns)})"
            )
        positions = [self.columns.index(name) for name in key]
        seen: dict[tuple[str, ...], int] = {}
        for number, row in enumerate(self.rows):
            value = tuple(row[position] for position in positions)
            if value in seen:
                described = ", ".join(
                    f"{name} {cell}" for name, cell in zip(key, value, strict=True)
                )
                prefix = f"table {table}: " if table else ""
                this = "this row" if self._line(number) else self._where(number)
                raise DataError(
                    f"{prefix}{this} repeats {described} of {self._where(seen[value])}; "
                    "each must appear once",
                    location=Location(self.file or file, self._line(number), sheet=self.sheet),
                )
            seen[value] = number

    def _line(self, number: int) -> int | None:
        """The source line of the row at ``number``; None where the reader did not keep it
        (rows it derived from several lines)."""
        line = self.lines[number] if number < len(self.lines) else 0
        return line or None

    def _where(self, number: int) -> str:
        line = self._line(number)
        if line is None:
            return f"row {number + 1} of the table"
        return f"row {line}" if self.sheet is not None else f"line {line}"

    def to_csv(self) -> bytes:
        """The rows as UTF-8, comma-separated CSV with the canonical header."""
        text = io.StringIO(newline="")
        writer = csv.writer(text, lineterminator="\n")
        writer.writerow(self.columns)
        writer.writerows(self.rows)
        return text.getvalue().encode("utf-8")


def decode(data: bytes, file: str, encoding: str | None = None) -> tuple[str, str]:
    """Decode ``data``; without an explicit ``encoding``, detect it. Returns (text, encoding)."""
    if encoding:
        return _decode_as(data, encoding, file), encoding
    if data.startswith((codecs.BOM_UTF16_BE, codecs.BOM_UTF16_LE)):
        return _decode_as(data, "utf-16", file), "utf-16"
    if data.startswith(codecs.BOM_UTF8):
        return _decode_as(data, "utf-8-sig", file), "utf-8-sig"
    if _looks_like_bomless_utf16(data[:400]):
        raise DataError(
            "looks like UTF-16 without a byte-order mark; give --encoding utf-16-le or utf-16-be",
            location=Location(file),
        )
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # Windows-1253 and ISO-8859-7 differ on a few bytes; Ά is 0xA2 in one and 0xB6 in the other.
    # The code page that turns the file into more Greek letters is the one it was written in.
    scored = []
    for candidate in ("cp1253", "iso-8859-7"):
        try:
            text = data.decode(candidate)
        except UnicodeDecodeError:
            continue
        scored.append((len(GREEK_LETTERS.findall(text)), candidate == "cp1253", text, candidate))
    if not scored:
        return _decode_as(data, "cp1253", file), "cp1253"  # raises with the position
    _, _, text, chosen = max(scored)
    return text, chosen


def _looks_like_bomless_utf16(head: bytes) -> bool:
    """Greek and Latin text in UTF-16 has 0x00 or 0x03 in every other byte."""
    if len(head) < 8:
        return False
    for high_bytes in (head[1::2], head[0::2]):  # little-endian, big-endian
        if sum(byte in (0x00, 0x03) for byte in high_bytes) >= 0.9 * len(high_bytes):
            return True
    return False


def _decode_as(data: bytes, encoding: str, file: str) -> str:
    try:
        return data.decode(encoding)
    except LookupError:
        raise UsageError(f"unknown encoding {encoding!r}") from None
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise DataError(
            f"cannot be read as {encoding}: byte {data[error.start]:#04x} ({error.reason}); "
            "give the right --encoding",
            location=Location(file, line, column),
        ) from None


def normalise_header(text: str) -> str:
    """Header text reduced for matching: no accents, case or punctuation (``Κ.Α.`` -> ``κα``)."""
    decomposed = unicodedata.normalize("NFD", text)
    kept = "".join(ch for ch in decomposed if unicodedata.category(ch)[0] in "LN")
    return kept.casefold()


@dataclass(frozen=True)
class Reject:
    """A row left out by ``--skip-invalid-rows``, with why."""

    location: Location
    cells: list[str]
    reason: str


def read_table(
    path: Path,
    columns: Sequence[Column],
    *,
    delimiter: str = ";",
    encoding: str | None = None,
    rejects: list[Reject] | None = None,
    progress: Callable[[int], None] | None = None,
) -> Table:
    """Read ``path`` into a Table of ``columns`` (in that order).

    With ``rejects``, a row with a bad cell is recorded there and left out instead of failing.
    """
    file = str(path)
    data = read_bytes(path)
    text, used_encoding = decode(data, file, encoding)
    table = table_from_records(
        numbered_rows(text, delimiter, file),
        columns,
        file,
        rejects=rejects,
        delimiter=delimiter,
        progress=progress,
    )
    return dataclasses.replace(
        table, encoding=used_encoding, sha256=hashlib.sha256(data).hexdigest()
    )


def numbered_rows(
    text: str, delimiter: str, file: str | None = None
) -> Iterator[tuple[int, list[str]]]:
    """The records of ``text``, each with the line it ends on and its cells stripped.

    The csv module's only error here is a cell longer than its field limit, which in a municipal
    export means a quotation mark left open (the rest of the file became one cell): it is named
    at the line where that record starts, in ``file``."""
    records = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    starts = 1
    try:
        for record in records:
            yield records.line_num, [cell.strip() for cell in record]
            starts = records.line_num + 1
    except csv.Error as error:
        raise DataError(
            f'a cell starting on this line does not end ({error}): is a quotation mark (") '
            "opened in it and never closed?",
            location=Location(file, starts),
        ) from None


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise UsageError(f"{path}: cannot read ({error.strerror})") from None


def table_from_records(
    records: Iterable[tuple[int, list[str]]],
    columns: Sequence[Column],
    file: str,
    *,
    sheet: str | None = None,
    rejects: list[Reject] | None = None,
    delimiter: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> Table:
    """Rows of canonical ``columns`` from numbered records; shared by every tabular reader (text
    files, workbooks, databases). The header is the first row that has every required column:
    title lines above it, as workbooks often have, are skipped."""
    header: list[str] | None = None
    positions: list[int | None] = []
    rows: list[list[str]] = []
    lines: list[int] = []
    first_miss: DataError | None = None
    for line, cells in records:
        if not any(cells):
            continue
        if header is None:
            try:
                positions = _locate_columns(
                    _trim_trailing_empty(cells), columns, Location(file, line, sheet=sheet)
                )
            except DataError as miss:
                first_miss = first_miss or miss
                continue
            header = _trim_trailing_empty(cells)
            continue
        if len(_trim_trailing_empty(cells)) > len(header):
            hint = f"; is the delimiter {delimiter!r} right?" if delimiter else ""
            raise DataError(
                f"the row has {len(_trim_trailing_empty(cells))} cells but the header has "
                f"{len(header)}{hint}",
                location=Location(file, line, sheet=sheet),
            )
        try:
            row = [
                _cell(cells, position, column, Location(file, line, sheet=sheet))
                for position, column in zip(positions, columns, strict=True)
            ]
        except DataError as error:
            if rejects is None:
                raise
            assert error.location is not None
            rejects.append(Reject(error.location, cells, error.message))
            continue
        lines.append(line)
        rows.append(row)
        if progress is not None and len(rows) % PROGRESS_EVERY == 0:
            progress(len(rows))
    if header is None:
        raise first_miss or DataError("the file is empty", location=Location(file, sheet=sheet))
    return Table([column.name for column in columns], rows, "", lines, sheet=sheet, file=file)


def _trim_trailing_empty(cells: list[str]) -> list[str]:
    end = len(cells)
    while end and not cells[end - 1]:
        end -= 1
    return cells[:end]


def _locate_columns(
    header: list[str], columns: Sequence[Column], where: Location
) -> list[int | None]:
    index = {normalise_header(text): position for position, text in enumerate(header)}
    positions: list[int | None] = []
    for column in columns:
        found = next(
            (index[key] for key in map(normalise_header, column.headers) if key in index), None
        )
        if found is None and column.required:
            raise DataError(
                f"no column {' / '.join(column.headers)} in the header; the header has: "
                + "; ".join(header),
                location=where,
            )
        positions.append(found)
    return positions


def _cell(cells: list[str], position: int | None, column: Column, where: Location) -> str:
    if position is None or position >= len(cells) or not cells[position]:
        return ""
    value = cells[position]
    try:
        return CONVERTERS[column.type](value)
    except ValueError as error:
        raise DataError(
            # The mapping's rule for the cell (its field and type) is named, so a publisher
            # who thinks the value is right can see what the mapping expected there.
            f"{value!r} in column {column.headers[0]!r} is not {error} "
            f"(mapping field {column.name!r}, type {column.type})",
            location=dataclasses.replace(where, column=position + 1),
        ) from None
