"""What the JSON time-series readers share (``metering`` for meter readings, ``quantumleap`` for
parking occupancy): a JSON file read with the line of each of its objects and arrays, so an
error can name the line; fields found by the headers the descriptor gives (``meter.id`` goes by
``meterId``, ``meter_id``, ``Αρ. Μετρητή``...); and timestamps and numbers as IoT platforms
write them.

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
import json.decoder
import json.scanner
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from demoi.errors import DataError, Location
from demoi.lifting.tabular import Column, decode, normalise_header, read_bytes
from demoi.lifting.values import code
from demoi.lifting.values import decimal as greek_decimal

GREEK_TIME = ZoneInfo("Europe/Athens")
#: Unix times from this number up are milliseconds (10^11 seconds is the year 5138).
MILLISECONDS_FROM = 10**11
PLAIN_NUMBER = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")
DAY_FIRST_TIME = re.compile(
    r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$"
)
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
    data: Any
    file: str
    sha256: str
    encoding: str
    text: str
    #: Where each object and array of ``data`` starts and ends in ``text``, by ``id()``.
    spans: dict[int, tuple[int, int]]

    def line(self, node: object, member: str | int | None = None) -> int | None:
        """The line of ``node``, or of its member (a key of an object, an index of an array)."""
        span = self.spans.get(id(node))
        if span is None:
            return None
        start = span[0]
        if member is not None:
            start = _member_starts(self.text, *span).get(member, start)
        return self.text.count("\n", 0, start) + 1

    def where(self, node: object, path: str | None = None) -> Location:
        """The location of ``path``: the line of its last member when that is a member of
        ``node`` (``meters[0].category`` in the meter, ``values[3]`` in the list), else the line
        of ``node``; and the JSON path as the column."""
        last = LAST_MEMBER.search(path or "")
        member: str | int | None = None
        if last and isinstance(node, dict) and last.group(1) in node:
            member = last.group(1)
        elif last and isinstance(node, list) and last.group(2):
            member = int(last.group(2))
        return Location(self.file, self.line(node, member), path)


def load_json(path: Path, encoding: str | None = None) -> JsonDocument:
    """Read ``path`` as JSON in whatever encoding it was written (UTF-8 with or without BOM,
    UTF-16, or a Greek code page), numbers as exact decimals."""
    file = str(path)
    raw = read_bytes(path)
    text, used = decode(raw, file, encoding)
    spans: dict[int, tuple[int, int]] = {}
    try:
        data = _decoder(spans).decode(text)
    except json.JSONDecodeError as error:
        raise DataError(
            f"not valid JSON: {error.msg}", location=Location(file, error.lineno, error.colno)
        ) from None
    return JsonDocument(data, file, hashlib.sha256(raw).hexdigest(), used, text, spans)


def _decoder(spans: dict[int, tuple[int, int]]) -> json.JSONDecoder:
    """A decoder that records where each object and array starts and ends."""

    def parse_object(s_and_end: tuple[str, int], *args: Any) -> tuple[Any, int]:
        value, end = json.decoder.JSONObject(s_and_end, *args)  # type: ignore[attr-defined]
        spans[id(value)] = (s_and_end[1] - 1, end)
        return value, end

    def parse_array(s_and_end: tuple[str, int], scan_once: Any) -> tuple[Any, int]:
        value, end = json.decoder.JSONArray(s_and_end, scan_once)  # type: ignore[attr-defined]
        spans[id(value)] = (s_and_end[1] - 1, end)
        return value, end

    decoder = json.JSONDecoder(parse_float=Decimal)
    decoder.parse_object = parse_object  # type: ignore[attr-defined]
    decoder.parse_array = parse_array  # type: ignore[attr-defined]
    decoder.scan_once = json.scanner.py_make_scanner(decoder)  # type: ignore[attr-defined]
    return decoder


def _member_starts(text: str, start: int, end: int) -> dict[str | int, int]:
    """Where each direct member of the object or array ``text[start:end]`` starts: by key for an
    object, by index for an array (only called to place an error)."""
    starts: list[int] = []
    depth, in_string, escaped, expecting = 0, False, False, True
    for index in range(start + 1, end - 1):
        char = text[index]
        if in_string:
            escaped, in_string = (False, True) if escaped else (char == "\\", char != '"')
            continue
        if expecting and not char.isspace():
            starts.append(index)
            expecting = False
        if char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
        elif char == "," and depth == 0:
            expecting = True
    if text[start] == "[":
        return dict(enumerate(starts))
    scan = json.decoder.scanstring  # type: ignore[attr-defined]
    return {scan(text, at + 1)[0]: at for at in starts}


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
    text = value.strip()
    day_first = DAY_FIRST_TIME.match(text)
    try:
        if day_first:
            day, month, year, hour, minute, second = (int(part or 0) for part in day_first.groups())
            moment = datetime.datetime(year, month, day, hour, minute, second)
        else:
            moment = datetime.datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(TIME_EXPECTED) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=GREEK_TIME)
    return moment


def xsd_time(moment: datetime.datetime) -> str:
    """Greek local time with its offset: ``2024-02-01T00:00:00+02:00``."""
    local = moment.astimezone(GREEK_TIME)
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
    first, last = start.astimezone(GREEK_TIME), end.astimezone(GREEK_TIME)
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
