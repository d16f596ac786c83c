"""A code list as editors see it in a spreadsheet: a CSV file, one code a row.

The columns are named by the header (any order): ``code``, ``label_el``, ``label_en``,
``definition_el``, ``definition_en``, ``parent``, ``note_el``, ``note_en`` (Greek names are
accepted too, see ``ALIASES``). Cells are read as UTF-8 (with or without the byte-order mark
Excel writes) or in the encoding given; the delimiter is ``,`` or ``;``, read off the header.
"""

from __future__ import annotations

import codecs
import csv
import io
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from demoi.dumps import neutralised
from demoi.errors import DataError, Location, UsageError

#: The columns, in the order export writes them.
COLUMNS = (
    "code",
    "label_el",
    "label_en",
    "definition_el",
    "definition_en",
    "parent",
    "note_el",
    "note_en",
)
ALWAYS_REQUIRED = ("code", "label_el", "label_en")
DEFINITIONS = ("definition_el", "definition_en")
DELIMITERS = (",", ";")

#: Other header names an editor may type, compared without accents and case.
_ALIASES = {
    "κωδικος": "code",
    "ετικετα_el": "label_el",
    "ετικετα_en": "label_en",
    "ορισμος_el": "definition_el",
    "ορισμος_en": "definition_en",
    "γονεας": "parent",
    "notes_el": "note_el",
    "notes_en": "note_en",
    "σημειωση_el": "note_el",
    "σημειωση_en": "note_en",
}

_BOM = codecs.BOM_UTF8.decode("utf-8")


def both(el: str, en: str) -> str:
    """A message in Greek and in English, as every message of the code-list commands is."""
    return f"{el} / {en}"


@dataclass(frozen=True)
class Row:
    """One code of the CSV: its first physical line (the spreadsheet's row when no cell holds a
    line break) and its cells by column name, only the columns the file has."""

    line: int
    cells: dict[str, str]

    def get(self, column: str) -> str:
        return self.cells.get(column, "")


@dataclass(frozen=True)
class Table:
    file: str
    columns: tuple[str, ...]
    rows: tuple[Row, ...]

    def where(self, row: Row | None = None, column: str | None = None) -> Location:
        return Location(self.file, row.line if row else None, column)


def _plain(name: str) -> str:
    decomposed = unicodedata.normalize("NFD", name.strip().casefold().replace(" ", "_"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _column(name: str) -> str | None:
    plain = _plain(name)
    return plain if plain in COLUMNS else ALIASES.get(plain)


ALIASES = {_plain(name): column for name, column in _ALIASES.items()}


def _decoded(data: bytes, file: str, encoding: str) -> str:
    codec = _text_codec(encoding)
    try:
        return data.decode(codec)
    except UnicodeDecodeError as error:
        raise _undecodable(data, file, codec, encoding, error) from None
    except UnicodeError as error:  # e.g. 'undefined', 'punycode': codecs for no CSV file
        raise UsageError(
            both(
                f"η κωδικοποίηση {encoding!r} δεν διαβάζει αρχεία CSV ({error})",
                f"encoding {encoding!r} does not read CSV files ({error})",
            )
        ) from None


def _text_codec(encoding: str) -> str:
    """The codec to decode with; UsageError for an unknown one or one that is not a text
    encoding (rot13, hex, base64: codecs.lookup knows them, bytes.decode refuses them)."""
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        raise UsageError(
            both(f"άγνωστη κωδικοποίηση {encoding!r}", f"unknown encoding {encoding!r}")
        ) from None
    # _is_text_encoding is what bytes.decode itself checks; CodecInfo has no public name for it
    if not getattr(info, "_is_text_encoding", True):
        raise UsageError(
            both(
                f"το {encoding!r} δεν είναι κωδικοποίηση κειμένου (π.χ. utf-8, windows-1253)",
                f"{encoding!r} is not a text encoding (e.g. utf-8, windows-1253)",
            )
        )
    # Excel's "CSV UTF-8" starts with a byte-order mark
    return "utf-8-sig" if info.name == "utf-8" else encoding


def _undecodable(
    data: bytes, file: str, codec: str, encoding: str, error: UnicodeDecodeError
) -> DataError:
    # Parse the part that decodes, plus one character standing for the bad byte, to say in
    # which row and column of the spreadsheet the byte is.
    before = data[: error.start].decode(codec, errors="replace") + "x"
    rows = list(csv.reader(io.StringIO(before), delimiter=_delimiter(before.split("\n")[0])))
    header = rows[0] if len(rows) > 1 else []
    column = len(rows[-1])
    name = header[column - 1].strip() if column <= len(header) else str(column)
    hint = "windows-1253" if codec == "utf-8-sig" else "utf-8"
    return DataError(
        both(
            f"το byte 0x{data[error.start]:02x} δεν είναι {encoding}: "
            f"δοκιμάστε --encoding {hint} (το Excel στα ελληνικά γράφει windows-1253)",
            f"byte 0x{data[error.start]:02x} is not {encoding}: "
            f"try --encoding {hint} (Greek Excel writes windows-1253)",
        ),
        location=Location(file, before.count("\n") + 1, name),
    )


def _delimiter(header: str) -> str:
    # Hand-written rather than csv.Sniffer: the header holds only column names, which never
    # contain a delimiter, so counting in it is exact, where the sniffer guesses from data rows
    # and can pick a character of the labels.
    return max(DELIMITERS, key=header.count)


def read_table(
    data: bytes,
    file: str,
    *,
    encoding: str = "utf-8",
    delimiter: str | None = None,
    required: Sequence[str] = (*ALWAYS_REQUIRED, *DEFINITIONS),
) -> Table:
    """The rows of a code-list CSV; DataError naming file, line and column when it is not one."""
    text = _decoded(data, file, encoding).removeprefix(_BOM)
    if not text.strip():
        raise DataError(
            both(
                "το αρχείο είναι κενό: η πρώτη γραμμή ονομάζει τις στήλες",
                "the file is empty: its first line names the columns",
            )
            + f" ({', '.join(COLUMNS)})",
            location=Location(file),
        )
    reader = csv.reader(
        io.StringIO(text, newline=""), delimiter=delimiter or _delimiter(text.split("\n")[0])
    )
    columns = _header(next(reader), file, required)
    rows = []
    line = reader.line_num + 1
    for cells in reader:
        if any(cell.strip() for cell in cells):  # Excel writes ";;;;" for a blank row
            rows.append(_row(cells, columns, Location(file, line)))
        line = reader.line_num + 1
    if not rows:
        raise DataError(
            both("καμία γραμμή με κωδικό", "no rows of codes under the header"),
            location=Location(file, 2),
        )
    return Table(file, tuple(columns), tuple(rows))


def _header(cells: list[str], file: str, required: Sequence[str]) -> list[str]:
    """The columns the header names; every problem of it at once (a typo ``lable_en`` is an
    unknown column and a missing ``label_en``), so that one fix mends the header."""
    columns: list[str] = []
    problems: list[DataError] = []
    for number, cell in enumerate(cells, start=1):
        where = Location(file, 1, number)
        column = _column(cell)
        if column is None:
            problems.append(
                DataError(
                    both(f"άγνωστη στήλη {cell.strip()!r}", f"unknown column {cell.strip()!r}")
                    + f" ({', '.join(COLUMNS)})",
                    location=where,
                )
            )
        elif column in columns:
            problems.append(
                DataError(both("διπλή στήλη", "repeated column") + f" {column}", location=where)
            )
        else:
            columns.append(column)
    problems += [
        DataError(
            both(f"λείπει η στήλη {column}", f"missing column {column}"),
            location=Location(file, 1),
        )
        for column in required
        if column not in columns
    ]
    if len(problems) == 1:
        raise problems[0]
    if problems:
        # The same form as code_list's list of problems: a count, then one located line each.
        shown = [str(problem) for problem in problems]
        raise DataError("\n".join([f"{len(shown)} προβλήματα / problems:", *shown]))
    return columns


def _row(cells: list[str], columns: list[str], where: Location) -> Row:
    if len(cells) != len(columns):
        column = columns[len(cells)] if len(cells) < len(columns) else str(len(columns) + 1)
        raise DataError(
            both(
                f"η γραμμή έχει {len(cells)} κελιά, η επικεφαλίδα {len(columns)}",
                f"the row has {len(cells)} cells, the header {len(columns)}",
            ),
            location=Location(where.file, where.line, column),
        )
    return Row(where.line or 0, {c: restored(cell) for c, cell in zip(columns, cells, strict=True)})


def spreadsheet_cell(value: str) -> str:
    """``value`` safe to open in a spreadsheet: a leading ``'`` when it would read as a formula
    (as demoi's CSV dumps do), and also when it starts with ``'`` itself, so that ``restored``
    can always tell the added quote from one that is part of the value."""
    if value.startswith("'"):
        return "'" + value
    return neutralised(value)


def restored(cell: str) -> str:
    """The value of a cell as ``spreadsheet_cell`` wrote it (spaces around it dropped): the
    quote it added is removed, a quote an editor typed before anything else is kept."""
    cell = cell.strip()
    if cell.startswith("'") and spreadsheet_cell(cell[1:]) == cell:
        return cell[1:]
    return cell


def write_table(rows: Iterable[dict[str, str]], *, delimiter: str = ",") -> bytes:
    """The CSV of ``rows`` (by column name) in UTF-8 with a byte-order mark, so that Excel
    reads Greek right, and with formulas neutralised."""
    text = io.StringIO(newline="")
    writer = csv.writer(text, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([spreadsheet_cell(row.get(column, "")) for column in COLUMNS])
    return codecs.BOM_UTF8 + text.getvalue().encode("utf-8")
