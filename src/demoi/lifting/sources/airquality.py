"""The daily means of a municipal air-quality network, as the Municipality of Thessaloniki
publishes them (metriseis_atmosfairikis_rypansis_dimotikoy_diktyoy_2010_2013.xlsx):

- a sheet of station characteristics («Χαρακτηριστικά Σταθμών»): title rows, then the header
  «Α/Α | Όνομα Συμβολή οδών | Έναρξη Λειτουργίας (Έτος) | Γεωγραφικό Μήκος | Γεωγραφικό Πλάτος |
  Υψόμετρο | Χαρακτηρισμός | Παρατηρήσεις», one row per station, and below an empty row a
  second table (the measurement methods), which is not read. Coordinates are Greek DMS
  («40ο 38' 15.62''Ν»); the Thessaloniki sheet has the latitudes under «Μήκος» (longitude) and
  the longitudes under «Πλάτος», so a coordinate is placed by its hemisphere letter, never by
  its header. «Χαρακτηρισμός» is area and type («Αστικός - Κυκλοφορίας»).
- one sheet per station («Στ. ΕΓΝΑΤΙΑΣ»), named after a word of the station's name: a header
  row «<title> | A.A. | Ημερο-μηνία | Ημέρα | SO2 μg/m3 | PM10 μg/m3 | ... | CO mg/m3 | ...»
  (pollutant and unit on two lines of one cell), one row per day with the date as an Excel
  date, year-marker rows («ΕΤΟΣ 2010») in the first column, and «#» or an Excel error where the
  analyser gave no value. Columns that name no pollutant (A.A., Ημέρα, meteorological
  parameters) are not read.
- other sheets are not read: the bibliographic sheet names the network's staff, natural
  persons whose names must not reach the output.

Every station sheet is read, or only the one ``--sheet`` names. Tables (each value canonical):

- ``stations``: station (IRI segment from the sheet name), label, since (year), area and
  classification (Eionet notations), one row per station sheet read;
- ``geometries``: station, wkt (WGS84, longitude first), for the stations with coordinates;
- ``sensors``: station, pollutant (IRI segment), pollutant_id (Eionet notation), one per
  station and pollutant with at least one value;
- ``observations``: station, pollutant, pollutant_id, date, result_time (the following
  midnight, Greek local time, with its offset), value (decimal), unit (QUDT unit name).
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from demoi.errors import DataError, Location
from demoi.lifting import values
from demoi.lifting.sources import ReadOptions, SourceData, sha256_of
from demoi.lifting.sources._rejects import record_or_raise
from demoi.lifting.sources._workbook import (
    Record,
    blocks,
    check_sheet_exists,
    descriptor_columns,
    header_positions,
    period_end,
    serial_date,
)
from demoi.lifting.sources.excel import workbook_sheets
from demoi.lifting.tabular import Column, Reject, Table, normalise_header, table_from_records
from demoi.transliteration import slug

if TYPE_CHECKING:
    from demoi.lifting.mappings import Mapping

STATION_COLUMNS = ("name", "since", "longitude", "latitude", "classification")
DATE_COLUMN = "date"


@dataclass(frozen=True)
class Pollutant:
    segment: str  # in the sensor and observation IRIs
    eionet: str  # notation in http://dd.eionet.europa.eu/vocabulary/aq/pollutant/


# By the name a column header gives, Greek look-alike letters read as Latin («ΝO2», «Ο3»).
POLLUTANTS = {
    "SO2": Pollutant("so2", "1"),
    "PM10": Pollutant("pm10", "5"),
    "PM2.5": Pollutant("pm2.5", "6001"),
    "PM25": Pollutant("pm2.5", "6001"),
    "O3": Pollutant("o3", "7"),
    "NO2": Pollutant("no2", "8"),
    "NOX": Pollutant("nox", "9"),
    "CO": Pollutant("co", "10"),
    "NO": Pollutant("no", "38"),
}
# Units as headers write them (after NFKC, so µ is μ and ³ is 3), to QUDT unit names.
UNITS = {
    "μg/m3": "MicroGM-PER-M3",
    "μgr/m3": "MicroGM-PER-M3",
    "ug/m3": "MicroGM-PER-M3",
    "mg/m3": "MilliGM-PER-M3",
    "mgr/m3": "MilliGM-PER-M3",
}
# «Χαρακτηρισμός» words to Eionet area and station classifications (matched like headers).
AREAS = {
    normalise_header(word): notation
    for word, notation in [
        ("Αστικός", "urban"),
        ("Αστική", "urban"),
        ("Προαστιακός", "suburban"),
        ("Προαστιακή", "suburban"),
        ("Αγροτικός", "rural"),
        ("Αγροτική", "rural"),
    ]
}
STATION_TYPES = {
    normalise_header(word): notation
    for word, notation in [
        ("Κυκλοφορίας", "traffic"),
        ("Κυκλοφοριακός", "traffic"),
        ("Υποβάθρου", "background"),
        ("Βιομηχανικός", "industrial"),
        ("Βιομηχανική", "industrial"),
        ("Βιομηχανίας", "industrial"),
    ]
}
# What an analyser without a value leaves in a cell: «#», a dash, or an Excel error.
NO_VALUE = re.compile(r"^(#|-|—|–|#N/A|#DIV/0!|#VALUE!|#REF!|#NUM!|#NAME\?|#NULL!)$")
HEADER_PARTS = re.compile(r"^([^\s(\[]*)\s*(.*)$")  # «PM10 μg/m3», «CO (mg/m3)»
# «ΕΤΟΣ 2010», «Έτος: 2010», as normalise_header leaves them.
YEAR_MARKER = re.compile(f"^{normalise_header('έτος')}([12][0-9]{{3}})$")
SHEET_PREFIXES = {normalise_header(word) for word in ("Στ.", "Σταθ.", "Σταθμός")}
SHEET_PREFIX = re.compile(r"^\s*(στ|σταθ|σταθμός|σταθμος)(\.|\s)\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Station:
    label: str
    since: str
    area: str
    classification: str
    wkt: str
    #: Where its row is, for errors about measurements it cannot have made.
    location: Location


@dataclass(frozen=True)
class PollutantColumn:
    position: int  # 0-based
    header: str
    pollutant: Pollutant
    unit: str


def read(path: Path, mapping: Mapping, options: ReadOptions) -> SourceData:
    file = str(path)
    sheets = workbook_sheets(path)
    wanted = options.sheet or mapping.sheet
    if wanted:
        check_sheet_exists(path, sheets, wanted)
    date_column = descriptor_columns(mapping, [DATE_COLUMN])[0]
    found = []
    for name, records in sheets:
        if wanted and name != wanted:
            continue
        header = measurement_header(records, date_column, file, name)
        if header is not None:
            found.append((name, records, header))
        elif wanted:
            raise DataError(
                f"the sheet holds no measurements: no row with a date column "
                f"({' / '.join(date_column.headers)}) and pollutant columns such as «PM10 μg/m3»",
                location=Location(file, sheet=name),
            )
    if not found:
        raise DataError(
            "no sheet holds measurements: a station sheet has a row with a date column "
            f"({' / '.join(date_column.headers)}) and pollutant columns such as «PM10 μg/m3»",
            location=Location(file),
        )
    stations = station_register(sheets, mapping, file)
    tables = lift_tables(found, stations, date_column, file, options)
    return SourceData(tables, sha256_of(path), "xlsx")


# --- the station register -------------------------------------------------------------------


def station_register(
    sheets: list[tuple[str, list[Record]]], mapping: Mapping, file: str
) -> tuple[str, dict[str, Station]] | None:
    """The sheet of station characteristics and its stations by name, if the workbook has one."""
    columns = descriptor_columns(mapping, STATION_COLUMNS)
    for name, records in sheets:
        for block in blocks(records):
            for start, (_, cells) in enumerate(block):
                positions = header_positions(cells, columns)
                if positions is None:
                    continue
                table = table_from_records(block[start:], columns, file, sheet=name)
                headers = {
                    column: (position, values.text(cells[position]))
                    for column, position in positions.items()
                }
                return name, stations_of(table, headers, file, name)
    return None


#: The register's header cells: canonical column -> (0-based position, header text).
Headers = dict[str, tuple[int, str]]


def stations_of(table: Table, headers: Headers, file: str, sheet: str) -> dict[str, Station]:
    stations = {}
    for row, line in zip(table.rows, table.lines, strict=True):
        cells = dict(zip(table.columns, row, strict=True))
        if not cells["name"]:
            continue
        where = Location(file, line, sheet=sheet)
        stations[cells["name"]] = Station(
            label=cells["name"],
            since=cells["since"],
            wkt=point(cells, headers, where),
            location=where,
            **classification(cells["classification"], headers, where),
        )
    return stations


def point(cells: dict[str, str], headers: Headers, where: Location) -> str:
    """WKT of a station's two DMS coordinates, each placed by its hemisphere letter: the
    Thessaloniki sheet writes the latitude under «Γεωγραφικό Μήκος». No coordinates, no point."""
    if not cells["longitude"] and not cells["latitude"]:
        return ""
    latitude = longitude = None
    for name in ("longitude", "latitude"):
        text = cells[name]
        position, header = headers[name]
        at = dataclasses.replace(where, column=position + 1)
        match = values.DMS.match(unicodedata.normalize("NFC", text))
        try:
            if not match:
                raise ValueError(
                    "in degrees, minutes and seconds with its hemisphere, such as "
                    "40ο 38' 15.62''Ν or 22ο 56' 28.68''Ε"
                )
            degrees = values.dms(text)
        except ValueError as error:
            problem = error if not match else f"with {error}"
            raise DataError(
                f"{text!r} in column {header!r} is not a coordinate {problem}", location=at
            ) from None
        if match.group(4).upper() in "NSΒΝ":
            latitude = degrees
        else:
            longitude = degrees
    if latitude is None or longitude is None:
        raise DataError(
            f"the coordinates {cells['longitude']!r} and {cells['latitude']!r} need one latitude "
            "(Ν, N) and one longitude (Ε, E)",
            location=where,
        )
    return f"POINT({longitude} {latitude})"


def classification(text: str, headers: Headers, where: Location) -> dict[str, str]:
    """«Αστικός - Κυκλοφορίας» -> area urban, classification traffic."""
    found = {"area": "", "classification": ""}
    for part in filter(None, map(normalise_header, re.split(r"[-–/,]", text))):
        if part in AREAS:
            found["area"] = AREAS[part]
        elif part in STATION_TYPES:
            found["classification"] = STATION_TYPES[part]
        else:
            position, header = headers["classification"]
            raise DataError(
                f"{text!r} in column {header!r} is not a station characterisation such as "
                "«Αστικός - Κυκλοφορίας»: area Αστικός, Προαστιακός or Αγροτικός, type "
                "Κυκλοφορίας, Υποβάθρου or Βιομηχανικός",
                location=dataclasses.replace(where, column=position + 1),
            )
    return found


def station_of_sheet(
    sheet: str, register: tuple[str, dict[str, Station]] | None, file: str
) -> Station | None:
    """The register's station whose name holds every word of the sheet's name after «Στ.»."""
    if register is None:
        return None
    register_sheet, stations = register
    wanted = words(sheet) - SHEET_PREFIXES
    matches = [station for name, station in stations.items() if wanted <= words(name)]
    if len(matches) != 1:
        names = "; ".join(stations)
        problem = "no station" if not matches else "more than one station"
        raise DataError(
            f"{problem} of the sheet {register_sheet!r} has every word of this sheet's name "
            f"in its name; name a station sheet after its station (the stations: {names})",
            location=Location(file, sheet=sheet),
        )
    return matches[0]


def words(text: str) -> set[str]:
    return {normalise_header(word) for word in re.split(r"[\s.,()/-]+", text)} - {""}


# --- the station sheets ---------------------------------------------------------------------


def measurement_header(
    records: list[Record], date_column: Column, file: str, sheet: str
) -> tuple[int, list[PollutantColumn]] | None:
    """The index of a sheet's header row (the first with the date column and a pollutant
    column) and its pollutant columns, or None if the sheet is not a station sheet."""
    for index, (line, cells) in enumerate(records):
        if header_positions(cells, [date_column]) is None:
            continue
        columns = pollutant_columns(cells, Location(file, line, sheet=sheet))
        if columns:
            return index, columns
    return None


def pollutant_columns(cells: list[str], where: Location) -> list[PollutantColumn]:
    """The header cells that name a pollutant and its unit («PM10\\nμg/m3», «CO (mg/m3)»)."""
    columns: list[PollutantColumn] = []
    for position, cell in enumerate(cells):
        parts = HEADER_PARTS.match(values.text(cell))
        name, unit = parts.groups() if parts else ("", "")
        pollutant = POLLUTANTS.get(values.code(name).replace(",", "."))
        if pollutant is None:
            continue
        at = dataclasses.replace(where, column=position + 1)
        written = unicodedata.normalize("NFKC", unit).casefold()
        written = re.sub(r"[\s()\[\]^]", "", written)
        if written not in UNITS:
            given = f"the unit {unit!r}" if unit else "no unit"
            raise DataError(
                f"the column {values.text(cell)!r} gives {given}; demoi publishes "
                f"concentrations in μg/m3 or mg/m3: convert the values and write the unit "
                f"under the pollutant (e.g. «{name} μg/m3»)",
                location=at,
            )
        twice = [column for column in columns if column.pollutant == pollutant]
        if twice:
            raise DataError(
                f"the columns {twice[0].header!r} and {values.text(cell)!r} are both "
                f"{name}; keep one",
                location=at,
            )
        columns.append(PollutantColumn(position, values.text(cell), pollutant, UNITS[written]))
    return columns


@dataclass
class Tables:
    stations: list[list[str]] = dataclasses.field(default_factory=list)
    geometries: list[list[str]] = dataclasses.field(default_factory=list)
    sensors: set[tuple[str, str, str]] = dataclasses.field(default_factory=set)
    observations: list[list[str]] = dataclasses.field(default_factory=list)


def lift_tables(
    found: list[tuple[str, list[Record], tuple[int, list[PollutantColumn]]]],
    register: tuple[str, dict[str, Station]] | None,
    date_column: Column,
    file: str,
    options: ReadOptions,
) -> dict[str, Table]:
    out = Tables()
    segments: dict[str, str] = {}
    done = 0
    for sheet, records, (start, columns) in found:
        segment = slug(SHEET_PREFIX.sub("", sheet))
        if segment in segments or not segment:
            raise DataError(
                f"the sheet names {segments.get(segment)!r} and {sheet!r} give the same "
                f"station identifier {segment!r}; rename one",
                location=Location(file, sheet=sheet),
            )
        segments[segment] = sheet
        station = station_of_sheet(sheet, register, file)
        out.stations.append(station_row(segment, station, sheet))
        if station and station.wkt:
            out.geometries.append([segment, station.wkt])
        progress = offset_progress(options, done)
        days = sheet_days(
            records[start:], columns, date_column, file, sheet, options.rejects, progress
        )
        done += len(days)
        for line, day, cells in days:
            measured = any(cells[column.position] for column in columns)
            if measured and station and station.since and day[:4] < station.since:
                error = DataError(
                    f"the date {day} is before {station.since}, when the station started "
                    f"operating (sheet {station.location.sheet!r}, row "
                    f"{station.location.line}); the values belong to another station or date",
                    location=Location(file, line, sheet=sheet),
                )
                record_or_raise(error, cells, options.rejects)
                continue
            where = Location(file, sheet=sheet)
            observe(out, segment, line, day, cells, columns, where, options.rejects)
    return {
        "stations": table(["station", "label", "since", "area", "classification"], out.stations),
        "geometries": table(["station", "wkt"], out.geometries),
        "sensors": table(["station", "pollutant", "pollutant_id"], sorted(out.sensors)),
        "observations": table(
            ["station", "pollutant", "pollutant_id", "date", "result_time", "value", "unit"],
            out.observations,
        ),
    }


def offset_progress(options: ReadOptions, done: int) -> Callable[[int], None] | None:
    """Progress over the sheets: a sheet's rows counted after those of the sheets before it."""
    report = options.progress
    if report is None:
        return None
    return lambda rows: report(done + rows)


def station_row(segment: str, station: Station | None, sheet: str) -> list[str]:
    if station is None:
        # No register: the station is named by its sheet; no year, type or place.
        return [segment, sheet, "", "", ""]
    return [segment, station.label, station.since, station.area, station.classification]


def sheet_days(
    records: list[Record],
    columns: list[PollutantColumn],
    date_column: Column,
    file: str,
    sheet: str,
    rejects: list[Reject] | None,
    progress: Callable[[int], None] | None,
) -> list[tuple[int, str, list[str]]]:
    """(row, ISO date, cells) of each day of a station sheet (``records`` start at its header);
    the cells keep the sheet's positions, empty where the analyser gave no value."""
    markers, cleaned = year_markers(records, columns, date_column)
    # Named after the pollutant (an error names the mapping's field), and after the position
    # too when a sheet has two columns of one pollutant.
    segments = Counter(column.pollutant.segment for column in columns)
    value_columns = [
        Column(
            column.pollutant.segment
            if segments[column.pollutant.segment] == 1
            else f"{column.pollutant.segment} (column {column.position + 1})",
            (column.header,),
            "decimal",
            required=False,
        )
        for column in columns
    ]
    wide = table_from_records(
        cleaned,
        [date_column, *value_columns],
        file,
        sheet=sheet,
        rejects=rejects,
        progress=progress,
    )
    by_line = dict(cleaned)
    kept_rows, kept_lines = [], []
    header_line, header = records[0]
    date_position = date_position_in(header, date_column)
    for row, line in zip(wide.rows, wide.lines, strict=True):
        where = Location(file, line, date_position + 1, sheet=sheet)
        error = day_problem(row, markers.get(line), values.text(header[date_position]))
        if error:
            record_or_raise(DataError(error, location=where), by_line[line], rejects)
        elif row[0]:
            kept_rows.append(row)
            kept_lines.append(line)
    wide = dataclasses.replace(wide, rows=kept_rows, lines=kept_lines)
    wide.check_unique([DATE_COLUMN], file)
    days = []
    for row, line in zip(wide.rows, wide.lines, strict=True):
        cells = list(by_line[line])
        cells += [""] * (len(header) - len(cells))  # a row may stop before the header does
        for column, value in zip(columns, row[1:], strict=True):
            cells[column.position] = value
        days.append((line, row[0], cells))
    return days


@dataclass(frozen=True)
class Marker:
    """A year-marker row: «ΕΤΟΣ 2010» holds for the rows below it until the next marker."""

    year: str
    line: int
    text: str


def date_position_in(header: list[str], date_column: Column) -> int:
    return (header_positions(header, [date_column]) or {})[date_column.name]


def year_markers(
    records: list[Record], columns: list[PollutantColumn], date_column: Column
) -> tuple[dict[int, Marker], list[Record]]:
    """The year in force at each row («ΕΤΟΣ 2010» holds until the next marker), and the rows
    with day/month dates completed from it, Excel serial dates as dates, and «#» cells empty."""
    header_line, header = records[0]
    date_position = date_position_in(header, date_column)
    markers: dict[int, Marker] = {}
    marker: Marker | None = None
    cleaned: list[Record] = [(header_line, header)]
    for line, cells in records[1:]:
        for cell in cells[:date_position]:
            found = YEAR_MARKER.match(normalise_header(cell))
            marker = Marker(found.group(1), line, values.text(cell)) if found else marker
        cells = list(cells)
        if marker:
            markers[line] = marker
        if date_position < len(cells):
            date = serial_date(cells[date_position])
            if re.fullmatch(r"\d{1,2}[/.-]\d{1,2}", date) and marker:
                date = f"{date}/{marker.year}"
            cells[date_position] = date
        for column in columns:
            if column.position < len(cells) and NO_VALUE.match(cells[column.position]):
                cells[column.position] = ""
        cleaned.append((line, cells))
    return markers, cleaned


def day_problem(row: list[str], marker: Marker | None, header: str) -> str | None:
    day, readings = row[0], row[1:]
    if not day and any(readings):
        return f"the row has values but no date in the column {header!r}"
    if day and marker and day[:4] != marker.year:
        return (
            f"the date {day} in column {header!r} is not in {marker.year}, the year of the "
            f"marker {marker.text!r} at row {marker.line}; correct the date or the marker"
        )
    return None


def observe(
    out: Tables,
    station: str,
    line: int,
    day: str,
    cells: list[str],
    columns: list[PollutantColumn],
    sheet: Location,
    rejects: list[Reject] | None,
) -> None:
    from datetime import date

    end = period_end(date.fromisoformat(day), days=1)
    found = []
    for column in columns:
        value = cells[column.position] if column.position < len(cells) else ""
        if not value:
            continue
        if Decimal(value) < 0:
            where = dataclasses.replace(sheet, line=line, column=column.position + 1)
            error = DataError(
                f"{value!r} in column {column.header!r} is negative; a concentration is zero "
                "or more (leave the cell empty if the analyser gave no value)",
                location=where,
            )
            record_or_raise(error, cells, rejects)
            return
        pollutant = column.pollutant
        found.append([station, pollutant.segment, pollutant.eionet, day, end, value, column.unit])
    for row in found:
        out.observations.append(row)
        out.sensors.add((station, row[1], row[2]))


def table(columns: list[str], rows: list[list[str]] | list[tuple[str, str, str]]) -> Table:
    return Table(columns, [list(row) for row in rows], "xlsx", list(range(1, len(rows) + 1)))
