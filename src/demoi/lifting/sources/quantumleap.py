"""Parking occupancy as a JSON time series: the history that FIWARE QuantumLeap, the time-series
store of the FIWARE smart-city platforms Greek municipalities run, gives for the car parks'
``OffStreetParking`` entities (Smart Data Models: ``occupiedSpotNumber``,
``availableSpotNumber``):

    {"entityType": "OffStreetParking",
     "entities": [{"entityId": "urn:ngsi-ld:OffStreetParking:kalamata:P01",
                   "index": ["2024-05-06T07:00:00.000+00:00", ...],
                   "attributes": [{"attrName": "occupiedSpotNumber", "values": [212.0, ...]},
                                  {"attrName": "availableSpotNumber", "values": [38.0, ...]}]}]}

``index`` holds the instants and each attribute's ``values`` the value at each of them. A single
entity's history (``entityId`` at the top level) and a response wrapped in ``data`` are read too.
The fields and the attribute names that hold the counts go by the headers of the descriptor's
columns ``export.*``, ``entity.*``, ``attribute.*`` and ``count.<observable property>``.

The table given to the mapping, ``source``, has one row per count: parking (the last segment of
the entity id, e.g. ``P01``), property (``occupied-spaces`` or ``free-spaces``), key (the UTC
instant, for the IRI), time (Greek local time with its offset) and value. A null value (the
attribute was not updated at that instant) and a negative one (sensors write -1 for a fault) give
no row; a count must otherwise be a whole number (QuantumLeap stores numbers as floats: 212.0).
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from demoi.errors import DataError
from demoi.lifting.sources import MAIN_TABLE, ReadOptions, SourceData
from demoi.lifting.sources._timeseries import (
    JsonDocument,
    columns_of,
    find_field,
    get_field,
    iri_segment,
    load_json,
    parse_number,
    parse_time,
    shown,
    time_key,
    xsd_time,
)
from demoi.lifting.tabular import Column, Table, normalise_header

if TYPE_CHECKING:
    from demoi.lifting.mappings import Mapping

COLUMNS = ["parking", "property", "key", "time", "value"]
COUNT_EXPECTED = "a whole number of spaces such as 212 (or 212.0)"


def read(path: Path, mapping: Mapping, options: ReadOptions) -> SourceData:
    document = load_json(path, options.encoding)
    counts = {
        normalise_header(header): observed
        for observed, column in columns_of(mapping.columns, "count").items()
        for header in column.headers
    }
    rows: list[list[str]] = []
    lines: list[int] = []
    for position, entity in enumerate(_entities(document, mapping.columns)):
        for row, line in _entity_rows(document, entity, f"entities[{position}]", mapping, counts):
            rows.append(row)
            lines.append(line)
    table = Table(COLUMNS, rows, document.encoding, lines, document.sha256)
    return SourceData({MAIN_TABLE: table}, document.sha256, document.encoding)


def _entities(document: JsonDocument, columns: tuple[Column, ...]) -> list[Any]:
    """The entities of the response: its ``entities`` list, or the response itself when it is
    the history of one entity; a ``data`` wrapper is looked through."""
    data = document.data
    if isinstance(data, dict) and set(data) == {"data"}:
        data = data["data"]
    fields = columns_of(columns, "export")
    if isinstance(data, dict) and find_field(data, columns_of(columns, "entity")["id"]):
        return [data]
    if isinstance(data, dict):
        key = find_field(data, fields["entities"])
        data = data[key] if key is not None else None
    if not isinstance(data, list):
        raise DataError(
            f"no list of entities ({' / '.join(fields['entities'].headers)}) and no entityId at "
            "the top level: is this a QuantumLeap history response?",
            location=document.where(document.data),
        )
    return data


def _entity_rows(
    document: JsonDocument,
    entity: object,
    path: str,
    mapping: Mapping,
    counts: dict[str, str],
) -> list[tuple[list[str], int]]:
    fields = columns_of(mapping.columns, "entity")
    entity_id, _ = get_field(document, entity, fields["id"], path, "the entity")
    what = f"entity {entity_id}"
    parking = iri_segment(str(entity_id).rsplit(":", 1)[-1])
    index, index_path = get_field(document, entity, fields["index"], path, what)
    instants = [
        _instant(document, index, f"{index_path}[{position}]", moment, what)
        for position, moment in enumerate(_as_list(document, index, index_path, what))
    ]
    attributes, attributes_path = get_field(document, entity, fields["attributes"], path, what)
    rows = []
    for position, attribute in enumerate(_as_list(document, attributes, attributes_path, what)):
        attribute_path = f"{attributes_path}[{position}]"
        name, values, values_path = _attribute(document, attribute, attribute_path, mapping, what)
        observed = counts.get(normalise_header(str(name)))
        if observed is None:
            continue
        values = _as_list(document, values, values_path, what)
        if len(values) != len(instants):
            raise DataError(
                f"attribute {name} of {what} has {len(values)} values but the index has "
                f"{len(instants)} instants; each value needs its instant",
                location=document.where(values, values_path),
            )
        line = document.line(values) or 0
        for number, (moment, value) in enumerate(zip(instants, values, strict=True)):
            count = _count(document, values, f"{values_path}[{number}]", value, name, what)
            if count is not None:
                row = [parking, observed, time_key(moment), xsd_time(moment), count]
                rows.append((row, line))
    return rows


def _attribute(
    document: JsonDocument, attribute: object, path: str, mapping: Mapping, what: str
) -> tuple[Any, Any, str]:
    fields = columns_of(mapping.columns, "attribute")
    name, _ = get_field(document, attribute, fields["name"], path, f"an attribute of {what}")
    values, values_path = get_field(
        document, attribute, fields["values"], path, f"attribute {name} of {what}"
    )
    return name, values, values_path


def _as_list(document: JsonDocument, value: object, path: str, what: str) -> list[Any]:
    if not isinstance(value, list):
        raise DataError(
            f"{path.rsplit('.', 1)[-1]} of {what} should be a JSON list",
            location=document.where(value, path),
        )
    return value


def _instant(
    document: JsonDocument, index: object, path: str, value: object, what: str
) -> datetime.datetime:
    try:
        return parse_time(value)
    except ValueError as error:
        raise DataError(
            f"{shown(value)} in the index of {what} is not {error}",
            location=document.where(index, path),
        ) from None


def _count(
    document: JsonDocument, values: object, path: str, value: object, name: object, what: str
) -> str | None:
    """The count as an integer's text; None for no value or a fault code (negative)."""
    if value is None:
        return None
    try:
        number = parse_number(value)
    except ValueError:
        number = Decimal("NaN")
    if not number.is_finite() or number != number.to_integral_value():
        raise DataError(
            f"{shown(value)} in attribute {name} of {what} is not {COUNT_EXPECTED}",
            location=document.where(values, path),
        )
    return None if number < 0 else str(int(number))
