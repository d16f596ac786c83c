"""A GTFS feed: the zip of comma-separated files a municipal bus service publishes (stops.txt,
routes.txt and, when it has a timetable, trips.txt and stop_times.txt). Each file is read like a
text export (encoding detected, BOM and CRLF accepted, the header found by the descriptor's
column headers); a descriptor column ``stops.stop_name`` is the field ``stop_name`` of
stops.txt. The files may sit in a folder inside the zip, as when a folder was zipped.

Tables given to the mapping:

- ``stops``: stop, code, name, wkt, wheelchair — the stops and platforms (location_type 0 or
  empty); stations, entrances and other nodes are not stops a rider waits at and are left out;
- ``routes``: route, short_name, long_name, type (a Linked GTFS route type), color, text_color;
- ``route_stops``: route, stop — each stop a route's trips call at (from trips.txt and
  stop_times.txt, when the feed has them).

Positions become WKT points in WGS84 (``POINT(lon lat)``); a comma as decimal separator (a feed
saved by a spreadsheet in Greek) is read as a point, and swapped latitude and longitude are
refused. A route without route_short_name is refused, since demoi names routes by it.
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import io
import re
import zipfile
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING

from demoi.errors import DataError, Location
from demoi.lifting.sources import ReadOptions, SourceData
from demoi.lifting.sources._timeseries import iri_segment
from demoi.lifting.tabular import (
    Column,
    Table,
    decode,
    normalise_header,
    numbered_rows,
    read_bytes,
    table_from_records,
)

if TYPE_CHECKING:
    from demoi.lifting.mappings import Mapping

REQUIRED_FILES = ("stops", "routes")
TIMETABLE_FILES = ("trips", "stop_times")
# route_type (basic and extended GTFS route types) to the Linked GTFS route types.
ROUTE_TYPES = {0: "LightRail", 1: "Subway", 2: "Rail", 3: "Bus", 4: "Ferry", 5: "CableCar"}
ROUTE_TYPES |= {6: "Gondola", 7: "Funicular"}
EXTENDED_ROUTE_TYPES = [
    (range(100, 200), "Rail"),
    (range(200, 300), "Bus"),  # coach services
    (range(400, 406), "Subway"),
    (range(700, 800), "Bus"),
    (range(900, 907), "LightRail"),
    (range(1000, 1001), "Ferry"),
    (range(1200, 1201), "Ferry"),
    (range(1300, 1308), "Gondola"),
    (range(1400, 1401), "Funicular"),
]
WHEELCHAIR = {"1": "WheelchairAccessible", "2": "NotWheelchairAccessible"}
COLOR = re.compile(r"^[0-9A-F]{6}$")
# Greece, with a margin: latitude 34.5 to 42, longitude 19 to 30 (as the mobility shapes check).
LATITUDES, LONGITUDES = (Decimal("34.5"), Decimal(42)), (Decimal(19), Decimal(30))


@dataclasses.dataclass(frozen=True)
class FeedFile:
    table: Table
    file: str
    #: The column of the file (1-based) each canonical column was found in.
    positions: dict[str, int]

    def cell(self, row: list[str], name: str) -> str:
        return row[self.table.columns.index(name)]

    def where(self, position: int, name: str | None = None) -> Location:
        column = self.positions.get(name) if name else None
        return Location(self.file, self.table.lines[position], column)


def read(path: Path, mapping: Mapping, options: ReadOptions) -> SourceData:
    raw = read_bytes(path)
    files = _read_feed(path, raw, mapping.columns, options)
    stops, kept = _stops(files["stops"])
    tables = {"stops": stops, "routes": _routes(files["routes"])}
    tables["route_stops"] = _route_stops(files, kept)
    encoding = files["stops"].table.encoding
    sha256 = hashlib.sha256(raw).hexdigest()
    return SourceData(
        {name: dataclasses.replace(table, sha256=sha256) for name, table in tables.items()},
        sha256,
        encoding,
    )


def _read_feed(
    path: Path, raw: bytes, columns: tuple[Column, ...], options: ReadOptions
) -> dict[str, FeedFile]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except zipfile.BadZipFile:
        raise DataError(
            "not a zip file; a GTFS feed is the zip of stops.txt, routes.txt...",
            location=Location(str(path)),
        ) from None
    with archive:
        members = {Path(name).name.lower(): name for name in archive.namelist()}
        files = {}
        for name in REQUIRED_FILES + TIMETABLE_FILES:
            member = members.get(f"{name}.txt")
            if member is None:
                if name in REQUIRED_FILES:
                    found = ", ".join(sorted(members)) or "nothing"
                    raise DataError(
                        f"the feed has no {name}.txt; the zip holds: {found}",
                        location=Location(str(path)),
                    )
                continue
            file = f"{path}/{member}"
            progress = options.progress if name == "stop_times" else None
            wanted = _columns(columns, name)
            table, header = _read_file(archive.read(member), file, wanted, options, progress)
            files[name] = FeedFile(table, file, _positions(header, wanted))
    if ("trips" in files) != ("stop_times" in files):
        raise DataError(
            "the feed has one of trips.txt and stop_times.txt without the other",
            location=Location(str(path)),
        )
    return files


def _columns(columns: tuple[Column, ...], name: str) -> list[Column]:
    prefix = f"{name}."
    return [
        dataclasses.replace(column, name=column.name.removeprefix(prefix))
        for column in columns
        if column.name.startswith(prefix)
    ]


def _read_file(
    data: bytes,
    file: str,
    columns: list[Column],
    options: ReadOptions,
    progress: Callable[[int], None] | None,
) -> tuple[Table, list[str]]:
    """The file's table, and its first line (a GTFS file's header)."""
    text, encoding = decode(data, file, options.encoding)
    table = table_from_records(
        numbered_rows(text, ",", file),
        columns,
        file,
        rejects=options.rejects,
        delimiter=",",
        progress=progress,
    )
    header = next(csv.reader(io.StringIO(text, newline="")), [])
    return dataclasses.replace(table, encoding=encoding), header


def _positions(header: list[str], columns: list[Column]) -> dict[str, int]:
    found = {normalise_header(cell): position for position, cell in enumerate(header, 1)}
    positions = {}
    for column in columns:
        for name in map(normalise_header, column.headers):
            if name in found:
                positions[column.name] = found[name]
                break
    return positions


def _stops(feed: FeedFile) -> tuple[Table, set[str]]:
    """The stops and platforms, and their stop_ids."""
    columns = ["stop", "code", "name", "wkt", "wheelchair"]
    rows, lines, kept = [], [], set()
    seen: dict[str, int] = {}
    for position, row in enumerate(feed.table.rows):
        stop_id = feed.cell(row, "stop_id")
        _unique(feed, position, "stop_id", seen)
        if feed.cell(row, "location_type") not in ("", "0"):
            continue
        wheelchair = feed.cell(row, "wheelchair_boarding")
        if wheelchair not in ("", "0", *WHEELCHAIR):
            raise DataError(
                f"wheelchair_boarding {wheelchair!r} is not 0, 1 or 2",
                location=feed.where(position, "wheelchair_boarding"),
            )
        if feed.cell(row, "parent_station") and wheelchair in ("", "0"):
            access = "CheckParentStation"
        else:
            # 0 or empty at a stop without a station means unknown: no triple.
            access = WHEELCHAIR.get(wheelchair, "")
        name = feed.cell(row, "stop_name")
        rows.append(
            [
                iri_segment(stop_id),
                feed.cell(row, "stop_code"),
                name,
                _point(feed, position),
                access,
            ]
        )
        lines.append(feed.table.lines[position])
        kept.add(stop_id)
    _distinct_segments(feed, [row[0] for row in rows], lines, "stop_id")
    return Table(columns, rows, feed.table.encoding, lines), kept


def _unique(feed: FeedFile, position: int, name: str, seen: dict[str, int]) -> None:
    value = feed.cell(feed.table.rows[position], name)
    if value in seen:
        raise DataError(
            f"{name} {value} repeats line {seen[value]}; each must appear once",
            location=feed.where(position, name),
        )
    seen[value] = feed.table.lines[position]


def _distinct_segments(feed: FeedFile, segments: list[str], lines: list[int], name: str) -> None:
    """Two ids that differ only in characters an IRI segment cannot keep would mint one IRI."""
    seen: dict[str, int] = {}
    for segment, line in zip(segments, lines, strict=True):
        if segment in seen:
            raise DataError(
                f"this {name} gives the IRI segment {segment!r} of line {seen[segment]}; "
                "give them ids that differ in letters or digits",
                location=Location(feed.file, line),
            )
        seen[segment] = line


def _point(feed: FeedFile, position: int) -> str:
    row = feed.table.rows[position]
    latitude = _coordinate(feed, position, "stop_lat")
    longitude = _coordinate(feed, position, "stop_lon")
    inside = (LATITUDES[0] <= latitude <= LATITUDES[1], LONGITUDES[0] <= longitude <= LONGITUDES[1])
    if not all(inside):
        swapped = (
            LATITUDES[0] <= longitude <= LATITUDES[1] and LONGITUDES[0] <= latitude <= LONGITUDES[1]
        )
        why = (
            "look swapped"
            if swapped
            else "are not in Greece (latitude 34.5 to 42, longitude 19 to 30)"
        )
        raise DataError(
            f"stop {feed.cell(row, 'stop_id')}: stop_lat {latitude} and stop_lon {longitude} {why}",
            location=feed.where(position, "stop_lat"),
        )
    return f"POINT({longitude} {latitude})"


def _coordinate(feed: FeedFile, position: int, name: str) -> Decimal:
    value = feed.cell(feed.table.rows[position], name)
    try:
        return Decimal(value.replace(",", "."))
    except InvalidOperation:
        raise DataError(
            f"{value!r} in column {name!r} is not a coordinate in decimal degrees such as 37.0414",
            location=feed.where(position, name),
        ) from None


def _routes(feed: FeedFile) -> Table:
    columns = ["route", "short_name", "long_name", "type", "color", "text_color"]
    rows = []
    seen: dict[str, int] = {}
    for position, row in enumerate(feed.table.rows):
        route_id = feed.cell(row, "route_id")
        _unique(feed, position, "route_id", seen)
        if not feed.cell(row, "route_short_name"):
            raise DataError(
                f"route {route_id} has no route_short_name; demoi names a route by the number "
                "or code on the bus (e.g. 1 or 2Α)",
                location=feed.where(position, "route_short_name"),
            )
        rows.append(
            [
                iri_segment(route_id),
                feed.cell(row, "route_short_name"),
                feed.cell(row, "route_long_name"),
                _route_type(feed, position),
                _color(feed, position, "route_color"),
                _color(feed, position, "route_text_color"),
            ]
        )
    _distinct_segments(feed, [row[0] for row in rows], feed.table.lines, "route_id")
    return Table(columns, rows, feed.table.encoding, list(feed.table.lines))


def _route_type(feed: FeedFile, position: int) -> str:
    value = int(feed.cell(feed.table.rows[position], "route_type"))
    found = ROUTE_TYPES.get(value) or next(
        (kind for numbers, kind in EXTENDED_ROUTE_TYPES if value in numbers), None
    )
    if found is None:
        raise DataError(
            f"route_type {value} has no Linked GTFS route type (0–7, or an extended type such as "
            "700–716 for buses); a trolleybus (11, 800) or monorail (12) cannot be published yet",
            location=feed.where(position, "route_type"),
        )
    return found


def _color(feed: FeedFile, position: int, name: str) -> str:
    """Six hexadecimal digits; a leading # (not GTFS, but common) is dropped."""
    value = feed.cell(feed.table.rows[position], name).removeprefix("#").upper()
    if value and not COLOR.match(value):
        raise DataError(
            f"{value!r} in column {name!r} is not a colour as six hexadecimal digits (0066CC)",
            location=feed.where(position, name),
        )
    return value


def _route_stops(files: dict[str, FeedFile], kept: set[str]) -> Table:
    """Each (route, stop) pair some trip of the route calls at; only stops and platforms are
    kept (a stop_time never names a station)."""
    columns = ["route", "stop"]
    if "trips" not in files:
        return Table(columns, [], "", [])
    known_stops = {files["stops"].cell(row, "stop_id") for row in files["stops"].table.rows}
    known_routes = {files["routes"].cell(row, "route_id") for row in files["routes"].table.rows}
    trips = files["trips"]
    route_of: dict[str, str] = {}
    for position, row in enumerate(trips.table.rows):
        route = trips.cell(row, "route_id")
        if route not in known_routes:
            raise DataError(
                f"route_id {route} is not in routes.txt", location=trips.where(position, "route_id")
            )
        route_of[trips.cell(row, "trip_id")] = route
    stop_times = files["stop_times"]
    pairs: dict[tuple[str, str], int] = {}
    for position, row in enumerate(stop_times.table.rows):
        trip, stop = stop_times.cell(row, "trip_id"), stop_times.cell(row, "stop_id")
        for value, known, name, where in (
            (trip, route_of, "trip_id", "trips.txt"),
            (stop, known_stops, "stop_id", "stops.txt"),
        ):
            if value not in known:
                raise DataError(
                    f"{name} {value} is not in {where}", location=stop_times.where(position, name)
                )
        if stop in kept:
            pairs.setdefault((route_of[trip], stop), stop_times.table.lines[position])
    rows = [[iri_segment(route), iri_segment(stop)] for route, stop in pairs]
    return Table(columns, rows, "", list(pairs.values()))
