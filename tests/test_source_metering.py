"""The metering reader: network and municipal meters are published with their readings and
consumption; customer meters never, their consumption only summed over at least three meters;
errors name the line, the JSON path and the value."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLES
from demoi.errors import DataError
from demoi.lifting import get_mapping, lift
from demoi.lifting.sources import ReadOptions, SourceData
from demoi.lifting.sources.metering import read

BASE = "http://127.0.0.1:8000/"
MONTHS = ["2024-01-01T00:00:00+02:00", "2024-02-01T00:00:00+02:00", "2024-03-01T00:00:00+02:00"]


def meter(number: str, category: str, values: list[Any], **fields: Any) -> dict[str, Any]:
    readings = [
        {"timestamp": moment, "value": value} for moment, value in zip(MONTHS, values, strict=False)
    ]
    return {"meter_id": number, "category": category, "unit": "m3", **fields, "readings": readings}


def read_meters(tmp_path: Path, meters: list[dict[str, Any]]) -> SourceData:
    source = tmp_path / "meters.json"
    source.write_text(json.dumps({"meters": meters}, ensure_ascii=False, indent=1), "utf-8")
    return read(source, get_mapping("meter-readings"), ReadOptions())


def records(data: SourceData, table: str) -> list[dict[str, str]]:
    columns = data.tables[table].columns
    return [dict(zip(columns, row, strict=True)) for row in data.tables[table].rows]


def households(count: int, zone: str = "07") -> list[dict[str, Any]]:
    return [
        meter(
            f"ΥΜ-{zone}{index}",
            "Οικιακό",
            [100 * index, 100 * index + 10, 100 * index + 25],
            zone=zone,
        )
        for index in range(1, count + 1)
    ]


def test_no_personal_data_reaches_the_graph() -> None:
    source = EXAMPLES / "utilities" / "4401-deya-amr-2024q1.json"
    lifted = lift(
        source, get_mapping("meter-readings"), municipality="4401", parameters={}, base_uri=BASE
    )
    text = lifted.ntriples.decode()
    export = json.loads(source.read_text(encoding="utf-8-sig"))
    for customer in (item for item in export["meters"] if "customer" in item):
        for value in [*customer["customer"].values(), customer["meter_id"], customer["serial"]]:
            assert value not in text
        assert customer["meter_id"].split("-")[1] not in text  # not even in an IRI
    assert "household" in text  # the sums are there


def test_network_and_municipal_meters_are_published(tmp_path: Path) -> None:
    data = read_meters(
        tmp_path,
        [
            meter("ΥΜ-DMA-07", "DMA", [1000, 1100], zone="07", site_id="DMA-07"),
            meter("ΥΜ-Δ-1", "Δημοτικό κτίριο", [5, 7], site_id="school-5"),
            meter("ΥΜ-Π-1", "Παραγωγή", [0, 10], site_id="GEO-1"),
        ],
    )
    assert [row["category"] for row in records(data, "meters")] == [
        "district",
        "municipal",
        "production",
    ]
    features = {(row["meter"], row["foi_kind"], row["foi"]) for row in records(data, "readings")}
    assert features == {
        ("YM-DMA-07", "water-supply-zone", "07"),
        ("YM-D-1", "facility", "school-5"),
        ("YM-P-1", "water-network-site", "GEO-1"),
    }
    assert records(data, "consumptions")[0] | {"foi_kind": "", "foi": ""} == {
        "path": "water-meter",
        "meter": "YM-DMA-07",
        "key": "20231231T220000Z",
        "duration": "P1M",
        "time": "2024-02-01T00:00:00+02:00",
        "value": "100",
        "unit": "M3",
        "property": "water-volume",
        "foi_kind": "",
        "foi": "",
    }


def test_customer_sums_need_three_meters(tmp_path: Path) -> None:
    data = read_meters(tmp_path, households(3) + households(2, zone="12"))
    assert records(data, "meters") == []
    assert records(data, "readings") == []
    sums = records(data, "aggregates")
    assert [(row["zone"], row["count"], row["value"], row["duration"]) for row in sums] == [
        ("07", "3", "30", "P1M"),
        ("07", "3", "45", "P1M"),
    ]
    assert [row["zone"] for row in records(data, "zones")] == ["07"]


def test_a_replaced_meter_and_a_meter_without_zone_stay_out_of_the_sums(tmp_path: Path) -> None:
    replaced = meter("ΥΜ-9", "Οικιακό", [9000, 2, 5], zone="07")  # reset in February
    unzoned = meter("ΥΜ-8", "Οικιακό", [1, 2, 3])
    data = read_meters(tmp_path, households(3) + [replaced, unzoned])
    assert [row["count"] for row in records(data, "aggregates")] == ["3", "4"]


def test_categories_are_kept_apart(tmp_path: Path) -> None:
    shops = [meter(f"ΥΜ-Ε{index}", "Επαγγελματικό", [0, 1, 2], zone="07") for index in range(3)]
    data = read_meters(tmp_path, households(3) + shops)
    assert {row["category"] for row in records(data, "aggregates")} == {"household", "commercial"}


def test_units_convert_to_cubic_metres_and_kilowatt_hours(tmp_path: Path) -> None:
    litres = meter("ΥΜ-1", "Δημοτικό", [8412350, 8561020], site_id="s", unit="lt")
    energy = meter("ΗΜ-1", "Δημοτικό", [10482200, 10603950], site_id="s", unit="Wh")
    data = read_meters(tmp_path, [litres, energy])
    values = [(row["value"], row["unit"]) for row in records(data, "consumptions")]
    assert values == [("148.670", "M3"), ("121.750", "KiloW-HR")]
    assert [row["class"] for row in records(data, "meters")] == ["WaterMeter", "ElectricityMeter"]


def test_a_null_reading_is_no_reading(tmp_path: Path) -> None:
    data = read_meters(tmp_path, [meter("ΥΜ-1", "DMA", [10, None, 30], zone="07")])
    assert [row["value"] for row in records(data, "readings")] == ["10", "30"]
    assert [row["duration"] for row in records(data, "consumptions")] == ["P2M"]


def error_of(tmp_path: Path, meters: list[dict[str, Any]]) -> DataError:
    with pytest.raises(DataError) as raised:
        read_meters(tmp_path, meters)
    return raised.value


def test_unknown_unit(tmp_path: Path) -> None:
    error = error_of(tmp_path, [meter("ΥΜ-1", "DMA", [1], zone="07", unit="gal")])
    assert "'gal' in field 'unit' of meter ΥΜ-1 is not a unit of water volume" in error.message
    assert str(error.location).endswith("meters.json, line 6, field meters[0].unit")


def test_missing_field_lists_the_fields(tmp_path: Path) -> None:
    bare = {"meter_id": "ΥΜ-1", "unit": "m3", "readings": []}
    error = error_of(tmp_path, [bare])
    assert "meter ΥΜ-1 has no category / usage / Κατηγορία" in error.message
    assert "its fields are: meter_id, unit, readings" in error.message


def test_a_meter_twice(tmp_path: Path) -> None:
    error = error_of(tmp_path, [meter("ΥΜ-1", "DMA", [1], zone="07")] * 2)
    assert "meter ΥΜ-1 repeats meter ΥΜ-1 of line 3" in error.message


def test_two_readings_at_one_instant(tmp_path: Path) -> None:
    twice = meter("ΥΜ-1", "DMA", [1, 2], zone="07")
    twice["readings"][1]["timestamp"] = MONTHS[0]
    error = error_of(tmp_path, [twice])
    assert "meter ΥΜ-1 has two readings at 2024-01-01T00:00:00+02:00" in error.message
    assert "field meters[0].readings[1]" in str(error.location)


def test_bad_timestamp(tmp_path: Path) -> None:
    late = meter("ΥΜ-1", "DMA", [1], zone="07")
    late["readings"][0]["timestamp"] = "31/02/2024"
    error = error_of(tmp_path, [late])
    assert "'31/02/2024' in field 'timestamp' of a reading of meter ΥΜ-1 is not a date" in (
        error.message
    )


def test_a_published_meter_must_say_where_it_is(tmp_path: Path) -> None:
    error = error_of(tmp_path, [meter("ΥΜ-1", "Δημοτικό", [1])])
    assert "meter ΥΜ-1 is published but says neither where it is" in error.message


def test_the_meters_list_must_be_found(tmp_path: Path) -> None:
    source = tmp_path / "meters.json"
    source.write_text('{"items": []}', encoding="utf-8")
    with pytest.raises(DataError, match=r"no list of meters \(meters / devices"):
        read(source, get_mapping("meter-readings"), ReadOptions())
