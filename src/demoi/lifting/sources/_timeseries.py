"""What the JSON time-series readers share (``metering`` for meter readings, ``quantumleap`` for
parking occupancy): a JSON file read with the line of each of its values (``_jsonpath``), so
an error can name the line and the field; fields found by the headers the descriptor gives
(``meter.id`` goes by ``meterId``, ``meter_id``, ``Αρ. Μετρητή``...); and timestamps and numbers
as IoT platforms write them.

Timestamps: ISO 8601 with an offset or ``Z``; ISO 8601 or ``01/02/2024 00:00`` without one,
taken as Greek local time; a Unix time as a JSON number (seconds, or milliseconds from 10^11 up).
They come out as Greek local time with its offset (``2024-02-01T00:00:00+02:00``) and as a key
for minted IRIs, the UTC instant in basic format (``20240131T220000Z``), which stays unique when
the clocks go back in October.

Numbers: JSON numbers exactly (no binary floating point); strings with a decimal point
(``1254380.5``) or in Greek format (``1.254.380,5``, ``350,5``).
"""

from __future__ import annotations

import datetime
import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from demoi.errors import DataError, Location
from demoi.greek_time import ATHENS, parse_moment
from demoi.lifting.sources._jsonpath import JsonText, parse_json
from demoi.lifting.tabular import Column, decode, normalise_header, read_bytes
from demoi.lifting.values import code
from demoi.lifting.values import decimal as greek_decimal

#: Unix times from this number up are milliseconds (10^11 seconds is the year 5138).
MILLISECONDS_FROM = 10**11
PLAIN_NUMBER = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")
TIME_EXPECTED = (
    "a date and time such as 2024-02-01T00:00:00+02:00 or 01/02/2024 00:00, "
    "or a Unix time in seconds or milliseconds"
)
NUMBER_EXPECTED = "a number such as 1254380.5 or «1.254.380,5»"
# Greek letters that have no Latin look-alike, for IRI segments.
GREEK_TO_LATIN = str.maketrans(
    {"Γ": "G", "Δ": "D", "Θ": "TH", "Λ": "L", "Ξ": "X", "Π": "P", "Σ": "S", "Φ": "F",
     "Ψ": "PS", "Ω": "O"}
)  # fmt: skip
NOT_IN_SEGMENT = re.compile(r"[^A-Za-z0-9._-]+")
LAST_MEMBER = re.compile(r"(?:\.([^.\[\]]+)|\[(\d+)\])$")


@dataclass(frozen=True)
class JsonDocument:
    json: JsonText
    sha256: str
    encoding: str

    @property
    def data(self) -> Any:
        return self.json.data

    @property
    def file(self) -> str:
        return self.json.file

    def line(self, node: object, member: str | int | None = None) -> int | None:
        """The line of ``node``, or of its member (a key of an object, an index of an array)."""
        return self.json.line_of(node, member)

    def where(self, node: object, path: str | None = None) -> Location:
        """The location of ``path``: the line of its last member when that is a member of
        ``node`` (``meters[0].category`` in the meter, ``values[3]`` in the list), else the line
        of ``node``; and the JSON path as the field."""
        last = LAST_MEMBER.search(path or "")
        member: str | int | None = None
        if last and isinstance(node, dict) and last.group(1) in node:
            member = last.group(1)
        elif last and isinstance(node, list) and last.group(2):
            member = int(last.group(2))
        return Location(self.file, self.line(node, member), field=path)


def load_json(path: Path, encoding: str | None = None) -> JsonDocument:
    """Read ``path`` as JSON in whatever encoding it was written (UTF-8 with or without BOM,
    UTF-16, or a Greek code page), numbers as exact decimals."""
    file = str(path)
    raw = read_bytes(path)
    text, used = decode(raw, file, encoding)
    return JsonDocument(parse_json(text, file, exact=True), hashlib.sha256(raw).hexdigest(), used)


def columns_of(columns: Sequence[Column], group: str) -> dict[str, Column]:
    """The descriptor's columns ``<group>.<name>``, by name: the fields of one kind of object."""
    prefix = f"{group}."
    return {
        column.name.removeprefix(prefix): column
        for column in columns
        if column.name.startswith(prefix)
    }


def find_field(obj: dict[str, Any], column: Column) -> str | None:
    """The key of ``obj`` that is one of the column's headers (accents, case and punctuation
    aside), or None."""
    keys = {normalise_header(key): key for key in obj}
    for header in column.headers:
        key = keys.get(normalise_header(header))
        if key is not None:
            return key
    return None


def get_field(
    document: JsonDocument,
    obj: object,
    column: Column,
    path: str,
    what: str,
    *,
    nullable: bool = False,
) -> tuple[Any, str]:
    """The value of the field ``column`` of ``obj`` and its JSON path. An absent, null or empty
    field gives None when the column is not required; a required one must be there, and may be
    null only when ``nullable`` (a platform's null reading is no reading, not a missing field)."""
    if not isinstance(obj, dict):
        raise DataError(f"{what} should be a JSON object", location=document.where(obj, path))
    key = find_field(obj, column)
    value = obj.get(key) if key is not None else None
    field_path = f"{path}.{key or column.headers[0]}"
    missing = key is None or (value in (None, "") and not nullable)
    if missing and column.required:
        fields = ", ".join(obj) or "none"
        raise DataError(
            f"{what} has no {' / '.join(column.headers)}; its fields are: {fields}",
            location=document.where(obj, field_path),
        )
    return (None if value == "" else value), field_path


def shown(value: object) -> str:
    """A JSON value as an error message quotes it: text in quotes, a number as written."""
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, Decimal):
        return str(value)
    return json.dumps(value, default=str, ensure_ascii=False)


def parse_time(value: object) -> datetime.datetime:
    """A timestamp as a platform writes it, as an aware datetime; ValueError if it is not one."""
    if isinstance(value, bool):
        raise ValueError(TIME_EXPECTED)
    if isinstance(value, int):
        seconds, milliseconds = divmod(value, 1000) if value >= MILLISECONDS_FROM else (value, 0)
        moment = datetime.datetime.fromtimestamp(seconds, tz=datetime.UTC)
        return moment + datetime.timedelta(milliseconds=milliseconds)
    if not isinstance(value, str):
        raise ValueError(TIME_EXPECTED)
    try:
        return parse_moment(value)
    except ValueError:
        raise ValueError(TIME_EXPECTED) from None


def xsd_time(moment: datetime.datetime) -> str:
    """Greek local time with its offset: ``2024-02-01T00:00:00+02:00``."""
    local = moment.astimezone(ATHENS)
    return local.isoformat(timespec="milliseconds" if local.microsecond else "seconds")


def time_key(moment: datetime.datetime) -> str:
    """The UTC instant in basic format, for IRIs: ``20240131T220000Z``."""
    utc = moment.astimezone(datetime.UTC)
    fraction = f".{utc.microsecond // 1000:03d}" if utc.microsecond else ""
    return utc.strftime("%Y%m%dT%H%M%S") + fraction + "Z"


def duration(start: datetime.datetime, end: datetime.datetime) -> str:
    """The xsd:duration from ``start`` to ``end``, in the calendar of Greek local time: whole
    months (``P1M``) or days (``P1D``, also across a change of the clocks) where the local times
    allow, else hours, minutes and seconds (``PT15M``)."""
    first, last = start.astimezone(ATHENS), end.astimezone(ATHENS)
    if first.time() == last.time():
        months = (last.year - first.year) * 12 + last.month - first.month
        if first.day == last.day and months > 0:
            return f"P{months}M"
        return f"P{(last.date() - first.date()).days}D"
    seconds = int((end - start).total_seconds())
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    parts = [f"{hours}H" if hours else "", f"{minutes}M" if minutes else ""]
    return "PT" + "".join(parts) + (f"{seconds}S" if seconds or not any(parts) else "")


def parse_number(value: object) -> Decimal:
    """A JSON number, or a string with a decimal point or in Greek format, exactly."""
    if isinstance(value, bool):
        raise ValueError(NUMBER_EXPECTED)
    if isinstance(value, int | Decimal):
        return Decimal(value)
    if isinstance(value, str):
        text = value.strip()
        try:
            if "," in text or text.count(".") > 1:
                return Decimal(greek_decimal(text))
            if PLAIN_NUMBER.match(text):
                return Decimal(text)
        except (ValueError, InvalidOperation):
            pass
    raise ValueError(NUMBER_EXPECTED)


def decimal_text(value: Decimal) -> str:
    """A decimal as xsd:decimal text: no exponent (``1E+3`` is ``1000``)."""
    return format(value, "f")


def iri_segment(identifier: str) -> str:
    """An identifier as an IRI segment: Greek look-alike letters as Latin (ΥΜ -> YM), other
    Greek letters transliterated (Π -> P), anything but letters, digits, '.', '_' and '-' as
    '-'."""
    latin = code(identifier).translate(GREEK_TO_LATIN)
    return NOT_IN_SEGMENT.sub("-", latin).strip("-")
