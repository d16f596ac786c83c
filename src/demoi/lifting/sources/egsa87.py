"""Facilities and points of interest with ΕΓΣΑ87 (EPSG:2100) X/Y coordinates, as Greek
municipal GIS and technical-services exports write them: ``;``-separated text in Windows-1253 or
UTF-8 from Excel, ``,``-separated UTF-8 from QGIS, title rows above the header, «X_ΕΓΣΑ» and
«Y_ΕΓΣΑ» headers (with a Latin or a Greek Χ/Υ), coordinates in metres with a decimal comma
(``332135,79``) or, from QGIS, a decimal point (``332135.79``).

The file is read through the tabular core (``read_table``, with the descriptor's columns), then
each row is checked and completed:

- the category («Κατηγορία»: «Παιδική χαρά», «ΚΑΠΗ», «Γήπεδο ποδοσφαίρου»...) becomes a concept
  of the facility-type code list, matched on its labels without accents or case;
- «Δημοτική» (ΝΑΙ/ΟΧΙ) says whether the municipality owns or runs the place: a
  place:MunicipalFacility (``id/facility/…``) or only a place:PointOfInterest (``id/poi/…``);
- a house number written into the street («Αριστομένους 54») is split off;
- the ΕΓΣΑ87 point is checked to lie in Greece and transformed to WGS84.

Both geometries are published: the ΕΓΣΑ87 one as measured (the municipality's own survey, which
cadastre and technical-services users overlay without any transformation) and the WGS84 one for
web maps and GeoSPARQL, where it is the default geometry (geo:hasDefaultGeometry). Which one a
consumer uses is then its choice, and the published WGS84 point can always be traced back.

Personal data: the exports often carry the name and phone of the person in charge of a facility
(«Υπεύθυνος», «Τηλέφωνο»); the descriptor does not name those columns, so they are never read.

Tables: ``source`` (one row per place) and ``addresses`` (one row per place that has an address).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

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
from demoi.lifting.tabular import normalise_header
from demoi.resources import standards_path

if TYPE_CHECKING:
    from demoi.lifting.mappings import Mapping

EGSA87_CRS = "<http://www.opengis.net/def/crs/EPSG/0/2100>"
# Greece in ΕΓΣΑ87, as shapes/places.ttl checks it (metres).
EASTING = (Decimal(90_000), Decimal(1_019_999))
NORTHING = (Decimal(3_840_000), Decimal(4_639_999))

PLACE_COLUMNS = [
    "code",
    "kind",
    "class",
    "name",
    "name_en",
    "facility_type",
    "capacity",
    "wheelchair",
    "wkt_wgs84",
    "wkt_egsa87",
]
ADDRESS_COLUMNS = ["code", "kind", "street", "number", "postcode", "town"]

# Wordings of municipal registers that are not labels of the code list.
CATEGORY_SYNONYMS = {
    "Γήπεδο ποδοσφαίρου": "sports-ground",
    "Γήπεδο μπάσκετ": "sports-ground",
    "Γήπεδο καλαθοσφαίρισης": "sports-ground",
    "Γήπεδο τένις": "sports-ground",
    "Στάδιο": "sports-ground",
    "Γυμναστήριο": "indoor-sports-hall",
    "Πισίνα": "swimming-pool",
    "Πινακοθήκη": "museum",
    "Πολιτιστικός χώρος": "culture",
    "Αρχαιολογικός χώρος": "monument",
    "Βρεφικός σταθμός": "day-nursery",
    "Κέντρο Εξυπηρέτησης Πολιτών": "citizen-service-centre",
    "Κοιμητήρια": "cemetery",
    "Πάρκο τσέπης": "park",
    "Χώρος πρασίνου": "green-space",
}
# «Δημοτική Βιβλιοθήκη», «Δημοτικό Κολυμβητήριο»: the adjective only says who runs it.
MUNICIPAL_ADJECTIVE = re.compile(r"^δημοτικ(ος|η|ο|ες|α|οι)")


def read(path: Path, mapping: Mapping, options: ReadOptions) -> SourceData:
    # `;` from Excel in a Greek locale, `,` from QGIS («Export > Save Features As… > CSV»).
    table = read_delimited(path, mapping.columns, options, mapping.delimiter)
    headers = {column.name: column.headers[0] for column in mapping.columns}
    converted = checked(
        list(rows_of(table, str(path))), lambda row: _place(row, headers), options.rejects
    )
    places = [place for place, _, _ in converted]
    lines = [line for _, _, line in converted]
    addresses = [(address, line) for _, address, line in converted if address]
    return SourceData(
        {
            MAIN_TABLE: new_table(PLACE_COLUMNS, places, lines, table),
            "addresses": new_table(
                ADDRESS_COLUMNS,
                [address for address, _ in addresses],
                [line for _, line in addresses],
                table,
            ),
        },
        table.sha256,
        table.encoding,
    )


def _place(row: Cell, headers: dict[str, str]) -> tuple[list[str], list[str] | None, int]:
    for column in ("code", "name", "category", "municipal", "x", "y"):
        if not row[column]:
            raise DataError(
                f"the cell of column {headers[column]!r} is empty; every row needs one",
                location=row.location(headers[column]),
            )
    municipal = _converted(row, "municipal", headers, yes_no, "yes or no (ΝΑΙ / ΟΧΙ)")
    kind, class_ = (
        ("facility", "MunicipalFacility") if municipal == "true" else ("poi", "PointOfInterest")
    )
    easting = _coordinate(row, "x", headers)
    northing = _coordinate(row, "y", headers)
    _check_egsa87(row, easting, northing, headers)
    longitude, latitude = to_wgs84(easting, northing)
    try:
        check_wgs84(longitude, latitude)
    except ValueError as error:
        raise cell_error(row, headers["x"], row["x"], str(error)) from None
    place = [
        row["code"],
        kind,
        class_,
        row["name"],
        row["name_en"],
        _facility_type(row, headers),
        # place:capacity is defined for municipal facilities only (its rdfs:domain).
        row["capacity"] if municipal == "true" else "",
        _converted(row, "wheelchair", headers, yes_no, "yes or no (ΝΑΙ / ΟΧΙ)"),
        point(longitude, latitude),
        f"{EGSA87_CRS} POINT({easting:f} {northing:f})",
    ]
    return place, _address(row, kind, headers), row.location().line or 0


def _converted(
    row: Cell, column: str, headers: dict[str, str], convert: Callable[[str], str], expected: str
) -> str:
    try:
        return convert(row[column])
    except ValueError:
        raise cell_error(row, headers[column], row[column], expected) from None


def _address(row: Cell, kind: str, headers: dict[str, str]) -> list[str] | None:
    street, number = split_house_number(row["street"], row["number"])
    code = _converted(row, "postcode", headers, postcode, "a five-digit postcode such as 24100")
    if not (street or number or code or row["town"]):
        return None
    return [row["code"], kind, street, number, code, row["town"]]


COORDINATE = re.compile(r"^-?\d{1,3}(?:\.\d{3})+(?:,\d+)?$|^-?\d+(?:[.,]\d+)?$")


def parse_coordinate(value: str) -> Decimal:
    """A coordinate in metres, as Greek Excel (``332135,79``, ``332.135,79``) or QGIS
    (``332135.79``) writes it. A dot followed by exactly three digits is read as a thousands
    separator only when a decimal comma follows or there are several groups: ΕΓΣΑ87 values
    have six or seven digits before the decimal point, so ``332.135`` is not metres anyway."""
    text = value.replace(" ", "")
    if not COORDINATE.match(text):
        raise ValueError(value)
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    elif text.count(".") > 1:
        text = text.replace(".", "")
    return Decimal(text)


def _coordinate(row: Cell, column: str, headers: dict[str, str]) -> Decimal:
    try:
        return parse_coordinate(row[column])
    except ValueError:
        raise cell_error(
            row, headers[column], row[column], "a coordinate in metres such as 332135,79"
        ) from None


def _check_egsa87(row: Cell, easting: Decimal, northing: Decimal, headers: dict[str, str]) -> None:
    x_ok = EASTING[0] <= easting <= EASTING[1]
    y_ok = NORTHING[0] <= northing <= NORTHING[1]
    if x_ok and y_ok:
        return
    if EASTING[0] <= northing <= EASTING[1] and NORTHING[0] <= easting <= NORTHING[1]:
        hint = "; X and Y look swapped"
    elif abs(easting) <= 180 and abs(northing) <= 90:
        hint = "; these look like WGS84 degrees, not ΕΓΣΑ87 metres"
    else:
        hint = ""
    column = "x" if not x_ok else "y"
    raise cell_error(
        row,
        headers[column],
        row[column],
        "a point in Greece in ΕΓΣΑ87 metres (X 90000 to 1019999, Y 3840000 to 4639999)" + hint,
    )


@cache
def _transformer() -> object:
    from pyproj import Transformer  # imported here: only this reader needs it

    # always_xy=True: EPSG:4326 officially lists latitude first, and pyproj follows the
    # authority's axis order unless told otherwise; with always_xy the input is (easting,
    # northing) and the output (longitude, latitude), the order CRS84 WKT is written in,
    # whatever order each CRS definition declares. pyproj picks the GGRS87 -> WGS 84 Helmert
    # transformation (EPSG:1272, about 1 m), needing no grid file or network.
    return Transformer.from_crs("EPSG:2100", "EPSG:4326", always_xy=True)


def to_wgs84(easting: Decimal, northing: Decimal) -> tuple[Decimal, Decimal]:
    transformer = _transformer()
    longitude, latitude = transformer.transform(float(easting), float(northing))  # type: ignore[attr-defined]
    return Decimal(repr(longitude)), Decimal(repr(latitude))


def facility_type(category: str) -> str | None:
    """The notation of the facility type a category names, or None."""
    lookup = facility_types()
    key = normalise_header(category)
    return lookup.get(key) or lookup.get(MUNICIPAL_ADJECTIVE.sub("", key))


def _facility_type(row: Cell, headers: dict[str, str]) -> str:
    found = facility_type(row["category"])
    if found:
        return found
    examples = "Βιβλιοθήκη, Παιδική χαρά, Πλατεία, ΚΑΠΗ, Κολυμβητήριο"
    raise cell_error(
        row,
        headers["category"],
        row["category"],
        f"a facility type of https://w3id.org/demoi/code/facility-type (e.g. {examples})",
    )


@cache
def facility_types() -> dict[str, str]:
    """Normalised label (or notation) -> notation, from the code list and the synonyms."""
    store = ox.Store()
    path = standards_path("ontologies") / "codelists" / "facility-types.ttl"
    store.load(path=str(path), format=ox.RdfFormat.TURTLE)
    query = """
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?notation ?label WHERE {
          ?concept skos:inScheme <https://w3id.org/demoi/code/facility-type> ;
                   skos:notation ?notation .
          { ?concept skos:prefLabel ?label } UNION { ?concept skos:altLabel ?label }
          UNION { ?concept skos:notation ?label }
        }"""
    solutions = store.query(query)
    assert isinstance(solutions, ox.QuerySolutions)
    found = {normalise_header(row["label"].value): row["notation"].value for row in solutions}
    found.update({normalise_header(label): code for label, code in CATEGORY_SYNONYMS.items()})
    return found
