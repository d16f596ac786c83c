"""A municipality's list of cultural sites: monuments and archaeological sites (with the act that
declared them, when there is one) and museums and galleries (with their opening hours), as the
culture department keeps it in Excel: ``;``-separated, Windows-1253 or UTF-8, a title row, WGS84
coordinates in decimal degrees with a decimal comma (``37,0425``) or in degrees, minutes and
seconds (``37ο 02' 33'' Β``), opening hours in Greek («Τρίτη-Κυριακή 08:30-15:00»).

Each line is a point of interest of the places area (``id/poi/…``, or ``id/facility/…`` when
«Δημοτικό» says the municipality owns or runs it) that is also a cult:Monument (facility type
monument) or a schema:Museum (facility type museum), as «Είδος» says. The declaration act
(«Πράξη κήρυξης») becomes an eli:LegalResource named after the act's number
(``id/legal-resource/<slug>``), with its date and ΦΕΚ; sites declared by one act share it.
Opening hours become schema.org's form (``Tu-Su 08:30-15:00``), one value per range.

Tables: ``source`` (the sites), ``acts``, ``geometries`` and ``addresses`` (the sites that
have them) and ``hours`` (one line per site and range).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING

from demoi.errors import DataError
from demoi.lifting.sources import MAIN_TABLE, ReadOptions, SourceData
from demoi.lifting.sources._delimited import read_delimited
from demoi.lifting.sources._greek import (
    Cell,
    cell_error,
    check_wgs84,
    checked,
    new_table,
    point,
    postcode,
    rows_of,
    split_house_number,
    yes_no,
)
from demoi.lifting.tabular import Table, normalise_header
from demoi.lifting.values import dms
from demoi.transliteration import slug

if TYPE_CHECKING:
    from demoi.lifting.mappings import Mapping

SITE_COLUMNS = [
    "code",
    "kind",
    "place_class",
    "monument_class",
    "museum_class",
    "facility_type",
    "name",
    "name_en",
    "designation",
    "act",
]
ACT_COLUMNS = ["act", "number", "date", "gazette"]
GEOMETRY_COLUMNS = ["code", "kind", "wkt"]
ADDRESS_COLUMNS = ["code", "kind", "street", "number", "postcode", "town"]
HOURS_COLUMNS = ["code", "kind", "hours"]

MUSEUM_WORDS = ("μουσει", "πινακοθηκ", "museum", "gallery")
MONUMENT_WORDS = ("μνημει", "αρχαιολογικ", "ναοσ", "καστρο", "monument", "site")  # «ναός»


def read(path: Path, mapping: Mapping, options: ReadOptions) -> SourceData:
    table = read_delimited(path, mapping.columns, options, mapping.delimiter)
    headers = {column.name: column.headers[0] for column in mapping.columns}
    sites = checked(list(rows_of(table, str(path))), lambda r: _site(r, headers), options.rejects)
    acts = _acts(sites, headers)

    def part(name: str, columns: list[str]) -> Table:
        rows = [(row, site.line) for site in sites for row in site.parts.get(name, [])]
        return new_table(columns, [r for r, _ in rows], [line for _, line in rows], table)

    return SourceData(
        {
            MAIN_TABLE: new_table(
                SITE_COLUMNS, [s.row for s in sites], [s.line for s in sites], table
            ),
            "acts": new_table(ACT_COLUMNS, [row for row, _ in acts], [n for _, n in acts], table),
            "geometries": part("geometries", GEOMETRY_COLUMNS),
            "addresses": part("addresses", ADDRESS_COLUMNS),
            "hours": part("hours", HOURS_COLUMNS),
        },
        table.sha256,
        table.encoding,
    )


@dataclass
class Site:
    row: list[str]
    act: list[str] | None
    parts: dict[str, list[list[str]]]
    cell: Cell

    @property
    def line(self) -> int:
        return self.cell.location().line or 0


def _site(row: Cell, headers: dict[str, str]) -> Site:
    for column in ("code", "name", "kind"):
        if not row[column]:
            raise DataError(
                f"the cell of column {headers[column]!r} is empty; every site needs one",
                location=row.location(headers[column]),
            )
    heritage = _heritage(row, headers)
    municipal = _yes_no(row, "municipal", headers)
    kind, place_class = (
        ("facility", "MunicipalFacility") if municipal == "true" else ("poi", "PointOfInterest")
    )
    act = _act(row) if heritage == "monument" else None
    site = [
        row["code"],
        kind,
        place_class,
        "Monument" if heritage == "monument" else "",
        "Museum" if heritage == "museum" else "",
        heritage,
        row["name"],
        row["name_en"],
        # A protection designation and a declaration act are a monument's (cult:Monument).
        row["designation"] if heritage == "monument" else "",
        act[0] if act else "",
    ]
    parts = {
        "geometries": [[row["code"], kind, wkt]] if (wkt := _wkt(row, headers)) else [],
        "addresses": [address] if (address := _address(row, kind, headers)) else [],
        "hours": [[row["code"], kind, hours] for hours in _hours(row, headers)],
    }
    return Site(site, act, parts, row)


def _heritage(row: Cell, headers: dict[str, str]) -> str:
    key = normalise_header(row["kind"])
    if any(word in key for word in MUSEUM_WORDS):
        return "museum"
    if any(word in key for word in MONUMENT_WORDS):
        return "monument"
    raise cell_error(
        row, headers["kind"], row["kind"], "a monument or a museum («Μνημείο», «Μουσείο»)"
    )


def _yes_no(row: Cell, column: str, headers: dict[str, str]) -> str:
    try:
        return yes_no(row[column])
    except ValueError as error:
        raise cell_error(row, headers[column], row[column], str(error)) from None


def _act(row: Cell) -> list[str] | None:
    number = row["act"]
    if not number:
        return None
    return [slug(number), number, row["act_date"], row["gazette"]]


def _acts(sites: list[Site], headers: dict[str, str]) -> list[tuple[list[str], int]]:
    """One line per act; two sites that cite one act with another date or ΦΕΚ are an error."""
    seen: dict[str, tuple[list[str], Site]] = {}
    for site in sites:
        if not site.act:
            continue
        first = seen.get(site.act[0])
        if first is None:
            seen[site.act[0]] = (site.act, site)
        elif first[0][2:] != site.act[2:]:
            raise cell_error(
                site.cell,
                headers["gazette"],
                site.act[3],
                f"the date and ΦΕΚ of the same act on line {first[1].line} "
                f"({first[0][2] or '-'}, {first[0][3] or '-'})",
            )
    return [(act, site.line) for act, site in seen.values()]


DECIMAL_DEGREES = re.compile(r"^-?\d{1,3}(?:[.,]\d+)?$")


def degrees(value: str) -> Decimal:
    """Decimal degrees (``37,0425`` or ``37.0425``) or degrees, minutes, seconds."""
    text = value.strip()
    if DECIMAL_DEGREES.match(text):
        return Decimal(text.replace(",", "."))
    try:
        return Decimal(dms(text))
    except (ValueError, InvalidOperation):
        raise ValueError("degrees such as 37,0425 or 37ο 02' 33'' Β") from None


def _wkt(row: Cell, headers: dict[str, str]) -> str:
    if not row["lat"] and not row["lon"]:
        return ""
    values = {}
    for column in ("lat", "lon"):
        try:
            values[column] = degrees(row[column])
        except ValueError as error:
            raise cell_error(row, headers[column], row[column], str(error)) from None
    try:
        check_wgs84(values["lon"], values["lat"])
    except ValueError as error:
        raise cell_error(row, headers["lat"], row["lat"], str(error)) from None
    return point(values["lon"], values["lat"])


def _address(row: Cell, kind: str, headers: dict[str, str]) -> list[str] | None:
    street, number = split_house_number(row["street"], row["number"])
    try:
        code = postcode(row["postcode"])
    except ValueError as error:
        raise cell_error(row, headers["postcode"], row["postcode"], str(error)) from None
    if not (street or number or code or row["town"]):
        return None
    return [row["code"], kind, street, number, code, row["town"]]


# Greek day names (no accents, lower case, and their abbreviations) -> schema.org day codes.
DAYS = {
    "δευτερα": "Mo", "δευ": "Mo", "τριτη": "Tu", "τρι": "Tu", "τεταρτη": "We", "τετ": "We",
    "πεμπτη": "Th", "πεμ": "Th", "παρασκευη": "Fr", "παρ": "Fr", "σαββατο": "Sa", "σαβ": "Sa",
    "κυριακη": "Su", "κυρ": "Su",
}  # fmt: skip
# «Καθημερινά» is every day, «Καθημερινές» the working days.
DAY_GROUPS = {
    normalise_header(days): code
    for days, code in (
        ("Καθημερινά", "Mo-Su"),
        ("Καθημερινές", "Mo-Fr"),
        ("Σαββατοκύριακα", "Sa-Su"),
    )
}
HOURS = re.compile(
    r"^(?P<days>[^\d]+?)\s*:?\s*(?P<opens>\d{1,2}[:.]\d{2})\s*[-–]\s*(?P<closes>\d{1,2}[:.]\d{2})$"
)


def opening_hours(value: str) -> list[str]:
    """«Τρίτη-Κυριακή 08:30-15:00, Δευτέρα 12:00-15:00» -> [Tu-Su 08:30-15:00, Mo 12:00-15:00]."""
    found = []
    for part in re.split(r"\s*[;,]\s*", value.strip()):
        match = HOURS.match(part)
        if not match:
            raise ValueError("opening hours such as «Τρίτη-Κυριακή 08:30-15:00»")
        days = _days(match["days"])
        opens, closes = (match[name].replace(".", ":").zfill(5) for name in ("opens", "closes"))
        found.append(f"{days} {opens}-{closes}")
    return found


def _days(text: str) -> str:
    words = [normalise_header(word) for word in re.split(r"\s*[-–]\s*", text.strip())]
    if len(words) == 1 and words[0] in DAY_GROUPS:
        return DAY_GROUPS[words[0]]
    if not 1 <= len(words) <= 2 or any(word not in DAYS for word in words):
        raise ValueError("opening hours such as «Τρίτη-Κυριακή 08:30-15:00»")
    return "-".join(DAYS[word] for word in words)


def _hours(row: Cell, headers: dict[str, str]) -> list[str]:
    if not row["hours"]:
        return []
    try:
        return opening_hours(row["hours"])
    except ValueError as error:
        raise cell_error(row, headers["hours"], row["hours"], str(error)) from None
