"""The QuantumLeap reader: one row per count of each car park at each instant of the index; nulls
and fault codes give no row; errors name the line and the JSON path."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from demoi.errors import DataError
from demoi.lifting.mappings import get_mapping
from demoi.lifting.sources import MAIN_TABLE, ReadOptions
from demoi.lifting.sources.quantumleap import read

INDEX = ["2024-05-06T07:00:00.000+00:00", "2024-05-06T07:15:00.000+00:00"]


def entity(values: dict[str, list[Any]], index: list[Any] | None = None) -> dict[str, Any]:
    return {
        "entityId": "urn:ngsi-ld:OffStreetParking:kalamata:P01",
        "entityType": "OffStreetParking",
        "index": INDEX if index is None else index,
        "attributes": [{"attrName": name, "values": list(v)} for name, v in values.items()],
    }


def rows(tmp_path: Path, response: object) -> list[list[str]]:
    source = tmp_path / "history.json"
    source.write_text(json.dumps(response, indent=1), encoding="utf-8")
    return read(source, get_mapping("parking-occupancy"), ReadOptions()).tables[MAIN_TABLE].rows


def test_counts_become_rows(tmp_path: Path) -> None:
    response = {"entities": [entity({"occupiedSpotNumber": [198.0, 205], "status": ["a", "b"]})]}
    assert rows(tmp_path, response) == [
        ["P01", "occupied-spaces", "20240506T070000Z", "2024-05-06T10:00:00+03:00", "198"],
        ["P01", "occupied-spaces", "20240506T071500Z", "2024-05-06T10:15:00+03:00", "205"],
    ]


def test_nulls_and_faults_give_no_row(tmp_path: Path) -> None:
    response = {"entities": [entity({"availableSpotNumber": [None, -1.0]})]}
    assert rows(tmp_path, response) == []


@pytest.mark.parametrize(
    "response",
    [
        entity({"occupiedSpotNumber": [1, 2]}),  # one entity's history
        {"data": {"entities": [entity({"occupiedSpotNumber": [1, 2]})]}},  # older versions
    ],
)
def test_other_response_shapes(tmp_path: Path, response: object) -> None:
    assert len(rows(tmp_path, response)) == 2


def test_unix_milliseconds_in_the_index(tmp_path: Path) -> None:
    response = {"entities": [entity({"freeSpaces": [3]}, index=[1714978800000])]}
    assert rows(tmp_path, response)[0][1:4] == [
        "free-spaces",
        "20240506T070000Z",
        "2024-05-06T10:00:00+03:00",
    ]


def error_of(tmp_path: Path, response: object) -> DataError:
    with pytest.raises(DataError) as raised:
        rows(tmp_path, response)
    return raised.value


def test_values_and_index_must_align(tmp_path: Path) -> None:
    error = error_of(tmp_path, {"entities": [entity({"occupiedSpotNumber": [1]})]})
    assert (
        "attribute occupiedSpotNumber of entity urn:ngsi-ld:OffStreetParking:kalamata:P01 has "
        "1 values but the index has 2 instants" in error.message
    )
    assert "field entities[0].attributes[0].values" in str(error.location)


def test_a_count_must_be_whole(tmp_path: Path) -> None:
    error = error_of(tmp_path, {"entities": [entity({"occupiedSpotNumber": [1, "many"]})]})
    assert "'many' in attribute occupiedSpotNumber" in error.message
    assert "is not a whole number of spaces" in error.message


def test_bad_instant(tmp_path: Path) -> None:
    error = error_of(tmp_path, {"entities": [entity({"occupiedSpotNumber": [1]}, ["06/05"])]})
    assert "'06/05' in the index of entity" in error.message
    assert str(error.location).endswith("history.json, line 7, field entities[0].index[0]")


def test_not_a_history(tmp_path: Path) -> None:
    error = error_of(tmp_path, {"parkings": [{"id": "P01", "occupied": 3}]})
    assert "no list of entities (entities) and no entityId" in error.message
    error = error_of(tmp_path, [{"id": "P01", "occupied": 3}])
    assert "entity P01 has no index; its fields are: id, occupied" in error.message
