"""Meter readings as a JSON time series, as a smart-metering (AMR/AMI) platform or a water
utility's (ΔΕΥΑ) telemetry exports them: a list of meters, each with its number, its category
(network, municipal building or customer), its unit and its cumulative readings.

    {"meters": [{"meter_id": "ΥΜ-DMA-07", "category": "DMA", "unit": "m3", "zone": "07",
                 "site_id": "DMA-07", "site_name": "Φρεάτιο εισόδου ζώνης 07",
                 "readings": [{"timestamp": "2024-01-01T00:00:00+02:00", "value": 1215960.0}]}]}

The top level is the list of meters or an object holding it; the fields go by the headers of the
descriptor's columns ``export.*``, ``meter.*`` and ``reading.*``. Tables given to the mapping:

- ``meters``: meter, identifier, class, path, category, property, site_kind, site — the meters
  of the network (district, production) and of municipal buildings;
- ``sites``: site_kind, site, name — where those meters are installed;
- ``zones``: zone, name — the water supply zones observations are about;
- ``readings``: each cumulative reading of a published meter;
- ``consumptions``: the consumption of a published meter between two consecutive readings;
- ``aggregates``: the consumption of the customer meters of one zone and category between two
  readings taken at the same instants, summed over at least three meters.

Personal data: a customer meter (household, commercial, industrial, irrigation) belongs to a
person, and its number, its readings and any customer name, tax number or address the export
carries are personal data (Law 4727/2020 art. 60 §6, GDPR). This reader never reads the customer
fields, never gives a customer meter's number or readings to the mapping, and publishes customer
consumption only as sums over at least MIN_METERS meters of one zone, category and period; a
smaller group is left out, as is a customer meter without a zone.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from demoi.errors import DataError, Location
from demoi.lifting.sources import ReadOptions, SourceData
from demoi.lifting.sources._timeseries import (
    JsonDocument,
    columns_of,
    decimal_text,
    duration,
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

#: The fewest customer meters a published sum may cover (utilsh:AggregatedConsumption-meterCount-
#: threshold): with two, each customer can work out the other's consumption.
MIN_METERS = 3

# Categories as exports write them, to the codes of https://w3id.org/demoi/code/meter-category;
# matched without accents, case or punctuation.
CATEGORIES = {
    "district": ("DMA", "district", "Ζώνη", "Μετρητής ζώνης", "Μετρητής ζώνης (DMA)"),
    "production": ("production", "Παραγωγή", "Μετρητής παραγωγής", "Γεώτρηση", "Πηγή"),
    "municipal": ("municipal", "Δημοτικό", "Δημοτικό κτίριο", "Δημοτική εγκατάσταση"),
    "household": ("household", "residential", "Οικιακό", "Οικιακή χρήση"),
    "commercial": ("commercial", "Επαγγελματικό", "Επαγγελματική χρήση", "Εμπορικό"),
    "industrial": ("industrial", "Βιομηχανικό", "Βιομηχανική χρήση"),
    "irrigation": ("irrigation", "Αρδευτικό", "Αρδευτική χρήση", "Άρδευση"),
}
CATEGORY_OF = {
    normalise_header(alias): category
    for category, aliases in CATEGORIES.items()
    for alias in aliases
}
PUBLISHED = ("district", "production", "municipal")


@dataclass(frozen=True)
class Quantity:
    """What a unit says: the meter's class and IRI segment, the observed property, the QUDT
    unit, and the factor to it."""

    meter_class: str
    path: str
    observed: str
    unit: str
    factor: Decimal


WATER = ("WaterMeter", "water-meter", "water-volume", "M3")
ENERGY = ("ElectricityMeter", "electricity-meter", "electrical-energy", "KiloW-HR")
UNIT_ALIASES = {
    Quantity(*WATER, Decimal(1)): ("m3", "m³", "κ.μ.", "κυβικά"),
    Quantity(*WATER, Decimal("0.001")): ("l", "lt", "λίτρα", "litres"),
    Quantity(*ENERGY, Decimal(1)): ("kWh",),
    Quantity(*ENERGY, Decimal("0.001")): ("Wh",),
    Quantity(*ENERGY, Decimal(1000)): ("MWh",),
}
UNITS = {
    normalise_header(alias): quantity
    for quantity, aliases in UNIT_ALIASES.items()
    for alias in aliases
}


@dataclass(frozen=True)
class Meter:
    identifier: str
    key: str
    category: str
    quantity: Quantity
    zone: str | None
    zone_name: str | None
    site: str | None
    site_name: str | None
    line: int | None
    readings: list[tuple[datetime.datetime, Decimal]]

    @property
    def site_kind(self) -> str:
        return "facility" if self.category == "municipal" else "water-network-site"

    @property
    def feature(self) -> tuple[str, str]:
        """What the meter's observations are about: the zone a district meter feeds, else the
        site where the meter is."""
        if self.category == "district" and self.zone:
            return "water-supply-zone", self.zone
        assert self.site is not None
        return self.site_kind, self.site


def read(path: Path, mapping: Mapping, options: ReadOptions) -> SourceData:
    document = load_json(path, options.encoding)
    meters = _read_meters(document, mapping.columns)
    published = [meter for meter in meters if meter.category in PUBLISHED]
    customers = [meter for meter in meters if meter.category not in PUBLISHED]
    tables = {
        "meters": _meters_table(published),
        "sites": _sites_table(published),
        "readings": _readings_table(published),
        "consumptions": _consumptions_table(published),
        "aggregates": _aggregates_table(customers),
    }
    tables["zones"] = _zones_table(meters, tables)
    return SourceData(
        {name: _finish(table, document) for name, table in tables.items()},
        document.sha256,
        document.encoding,
    )


def _finish(table: Table, document: JsonDocument) -> Table:
    return Table(table.columns, table.rows, document.encoding, table.lines, document.sha256)


def _read_meters(document: JsonDocument, columns: tuple[Column, ...]) -> list[Meter]:
    meter_columns = columns_of(columns, "meter")
    reading_columns = columns_of(columns, "reading")
    meters: list[Meter] = []
    seen: dict[str, Meter] = {}
    for position, obj in enumerate(_meter_list(document, columns)):
        meter = _read_meter(document, obj, f"meters[{position}]", meter_columns, reading_columns)
        for other in (seen.get(meter.identifier), seen.get(meter.key)):
            if other is not None:
                raise DataError(
                    f"meter {meter.identifier} repeats meter {other.identifier} of line "
                    f"{other.line} (the same number or IRI); each meter must appear once",
                    location=Location(document.file, meter.line),
                )
        seen[meter.identifier] = seen[meter.key] = meter
        meters.append(meter)
    return meters


def _meter_list(document: JsonDocument, columns: tuple[Column, ...]) -> list[Any]:
    data = document.data
    if isinstance(data, dict):
        holder = columns_of(columns, "export")["meters"]
        key = find_field(data, holder)
        if key is None:
            raise DataError(
                f"no list of meters ({' / '.join(holder.headers)}) at the top level; "
                f"its fields are: {', '.join(data)}",
                location=document.where(data),
            )
        data = data[key]
    if not isinstance(data, list):
        raise DataError("the meters should be a JSON list", location=document.where(data))
    return data


def _read_meter(
    document: JsonDocument,
    obj: object,
    path: str,
    fields: dict[str, Column],
    reading_fields: dict[str, Column],
) -> Meter:
    """One meter; the customer fields of the export (name, tax number, address) are never
    read."""

    def text(name: str) -> str | None:
        value, _ = get_field(document, obj, fields[name], path, "the meter")
        return None if value is None else " ".join(str(value).split())

    identifier = text("id")
    assert identifier is not None
    what = f"meter {identifier}"
    category = _category(document, obj, fields["category"], path, what)
    quantity = _quantity(document, obj, fields["unit"], path, what)
    meter = Meter(
        identifier=identifier,
        key=iri_segment(identifier),
        category=category,
        quantity=quantity,
        zone=text("zone"),
        zone_name=text("zone_name"),
        site=text("site"),
        site_name=text("site_name"),
        line=document.line(obj),
        readings=_readings(document, obj, path, fields["readings"], reading_fields, what),
    )
    if category in PUBLISHED and meter.site is None and not (category == "district" and meter.zone):
        site, zone = (" / ".join(fields[name].headers) for name in ("site", "zone"))
        raise DataError(
            f"{what} is published but says neither where it is ({site}) nor, for a district "
            f"meter, its zone ({zone})",
            location=document.where(obj, path),
        )
    return meter


def _category(document: JsonDocument, obj: object, column: Column, path: str, what: str) -> str:
    value, field_path = get_field(document, obj, column, path, what)
    category = CATEGORY_OF.get(normalise_header(str(value)))
    if category is None:
        known = "; ".join(f"{name}: {', '.join(aliases)}" for name, aliases in CATEGORIES.items())
        raise DataError(
            f"{shown(value)} in field {column.headers[0]!r} of {what} is not a known meter "
            f"category ({known})",
            location=document.where(obj, field_path),
        )
    return category


def _quantity(
    document: JsonDocument, obj: object, column: Column, path: str, what: str
) -> Quantity:
    value, field_path = get_field(document, obj, column, path, what)
    quantity = UNITS.get(normalise_header(str(value)))
    if quantity is None:
        raise DataError(
            f"{shown(value)} in field {column.headers[0]!r} of {what} is not a unit of water "
            "volume (m3, lt) or electrical energy (kWh, Wh, MWh)",
            location=document.where(obj, field_path),
        )
    return quantity


def _readings(
    document: JsonDocument,
    obj: object,
    path: str,
    column: Column,
    fields: dict[str, Column],
    what: str,
) -> list[tuple[datetime.datetime, Decimal]]:
    """The meter's readings in time order; a reading whose value is null (the meter did not
    answer) is no reading."""
    values, list_path = get_field(document, obj, column, path, what)
    if not isinstance(values, list):
        raise DataError(
            f"the readings of {what} should be a JSON list", location=document.where(obj, list_path)
        )
    readings: dict[datetime.datetime, int | None] = {}
    result = []
    for position, reading in enumerate(values):
        reading_path = f"{list_path}[{position}]"
        moment = _convert(document, reading, fields["time"], reading_path, what, parse_time)
        value = _convert(
            document, reading, fields["value"], reading_path, what, parse_number, nullable=True
        )
        if moment in readings:
            raise DataError(
                f"{what} has two readings at {xsd_time(moment)} (the other on line "
                f"{readings[moment]}); each instant must appear once",
                location=document.where(reading, reading_path),
            )
        readings[moment] = document.line(reading)
        if value is not None:
            result.append((moment, value))
    return sorted(result)


def _convert(
    document: JsonDocument,
    obj: object,
    column: Column,
    path: str,
    what: str,
    convert: Any,
    *,
    nullable: bool = False,
) -> Any:
    value, field_path = get_field(
        document, obj, column, path, f"a reading of {what}", nullable=nullable
    )
    if value is None:
        return None
    try:
        return convert(value)
    except ValueError as error:
        raise DataError(
            f"{shown(value)} in field {column.headers[0]!r} of a reading of {what} is not {error}",
            location=document.where(obj, field_path),
        ) from None


def _meters_table(meters: list[Meter]) -> Table:
    columns = ["meter", "identifier", "class", "path", "category", "property", "site_kind", "site"]
    rows = [
        [
            meter.key,
            meter.identifier,
            meter.quantity.meter_class,
            meter.quantity.path,
            meter.category,
            meter.quantity.observed,
            meter.site_kind,
            meter.site or "",
        ]
        for meter in meters
    ]
    return Table(columns, rows, "", [meter.line or 0 for meter in meters])


def _sites_table(meters: list[Meter]) -> Table:
    sites: dict[tuple[str, str], tuple[str, int]] = {}
    for meter in meters:
        if meter.site:
            name = sites.get((meter.site_kind, meter.site), ("", 0))[0]
            sites[(meter.site_kind, meter.site)] = (name or meter.site_name or "", meter.line or 0)
    rows = [[kind, site, name] for (kind, site), (name, _) in sites.items()]
    return Table(["site_kind", "site", "name"], rows, "", [line for _, line in sites.values()])


OBSERVATION_COLUMNS = ["path", "meter", "key", "time", "value", "unit", "property"]
FEATURE_COLUMNS = ["foi_kind", "foi"]


def _readings_table(meters: list[Meter]) -> Table:
    rows = []
    for meter in meters:
        for moment, value in meter.readings:
            rows.append(
                _observation(meter, time_key(moment), moment, value * meter.quantity.factor)
            )
    return Table(OBSERVATION_COLUMNS + FEATURE_COLUMNS, rows, "", [0] * len(rows))


def _consumptions_table(meters: list[Meter]) -> Table:
    rows = []
    for meter in meters:
        for (start, first), (end, last) in zip(meter.readings, meter.readings[1:], strict=False):
            consumed = (last - first) * meter.quantity.factor
            row = _observation(meter, time_key(start), end, consumed)
            rows.append(row + [duration(start, end)])
    return Table(OBSERVATION_COLUMNS + FEATURE_COLUMNS + ["duration"], rows, "", [0] * len(rows))


def _observation(meter: Meter, key: str, moment: datetime.datetime, value: Decimal) -> list[str]:
    quantity = meter.quantity
    row = [quantity.path, meter.key, key, xsd_time(moment), decimal_text(value), quantity.unit]
    return row + [quantity.observed, *meter.feature]


def _aggregates_table(customers: list[Meter]) -> Table:
    """Sums of customer consumption per zone, category, quantity and period, over at least
    MIN_METERS meters. A negative difference (a meter replaced or reset) is left out of the sum,
    and so is a customer meter without a zone."""
    groups: dict[tuple[str, str, Quantity, datetime.datetime, datetime.datetime], list[Decimal]]
    groups = defaultdict(list)
    for meter in customers:
        if not meter.zone:
            continue
        for (start, first), (end, last) in zip(meter.readings, meter.readings[1:], strict=False):
            consumed = (last - first) * meter.quantity.factor
            if consumed >= 0:
                groups[(meter.zone, meter.category, meter.quantity, start, end)].append(consumed)
    columns = ["zone", "category", "key", "duration", "time", "value", "count", "unit", "property"]
    rows = [
        [
            zone,
            category,
            time_key(start),
            duration(start, end),
            xsd_time(end),
            decimal_text(sum(values, Decimal(0))),
            str(len(values)),
            quantity.unit,
            quantity.observed,
        ]
        for (zone, category, quantity, start, end), values in sorted(
            groups.items(), key=lambda item: (item[0][0], item[0][1], item[0][3], item[0][4])
        )
        if len(values) >= MIN_METERS
    ]
    return Table(columns, rows, "", [0] * len(rows))


def _zones_table(meters: list[Meter], tables: dict[str, Table]) -> Table:
    """The zones that published observations are about, named as the export names them."""
    used = {row[-1] for row in tables["readings"].rows if row[-2] == "water-supply-zone"}
    used |= {row[0] for row in tables["aggregates"].rows}
    names: dict[str, str] = {}
    for meter in meters:
        if meter.zone in used and meter.zone_name:
            names.setdefault(meter.zone, meter.zone_name)
    rows = [[zone, names.get(zone, f"Ζώνη ύδρευσης {zone}")] for zone in sorted(used)]
    return Table(["zone", "name"], rows, "", [0] * len(rows))
