"""The demo generators of places, environment, mobility, utilities, culture and services: each
file they write lifts through the real pipeline and conforms to its area's profile, the same
arguments give the same bytes, and files grow with the scale."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import openpyxl
import pytest

import demoi.demo.generate_territory as territory
from conftest import lift_generated
from demoi.demo.generated import GENERATORS, GeneratedSource, rng_for
from demoi.lifting.mappings import available_mappings
from demoi.municipalities import get_municipality
from demoi.publishing import check_lifted

BASE = "https://demoi.example/"
NAMES = [
    "facilities",
    "heritage-sites",
    "cultural-events",
    "service-catalogue",
    "waste-quantities",
    "air-quality-daily",
    "parking-occupancy",
    "gtfs-stops-routes",
    "water-meter-readings",
    "energy-meter-readings",
]
# Kalamata, Heraklion, Thessaloniki, Athens, and two of the smallest: Alonnisos and Gavdos
# (151 residents).
CODES = ["4401", "7101", "0701", "4501", "2502", "7403"]
SCALE = 0.3


def generate(name: str, code: str, scale: float = SCALE, seed: int = 7) -> list[GeneratedSource]:
    return GENERATORS[name](get_municipality(code), rng_for(seed, code, name), scale)


def lifted_triples(source: GeneratedSource, code: str, folder: Path) -> int:
    lifted = lift_generated(source, code, folder, BASE)
    check_lifted(lifted)
    return lifted.ntriples.count(b"\n")


def test_every_mapping_of_the_territorial_areas_has_a_generator() -> None:
    areas = {"places", "environment", "mobility", "utilities", "culture", "services"}
    expected = {name for name, mapping in available_mappings().items() if mapping.area in areas}
    covered = {source.mapping for name in NAMES for source in generate(name, "4401")}
    assert covered == expected
    assert set(NAMES) <= set(GENERATORS)
    # Both meter-reading shapes, each in its own dataset.
    datasets = {generate(name, "4401")[0].dataset for name in NAMES if "meter" in name}
    assert datasets == {"water-meter-readings", "energy-meter-readings"}


@pytest.mark.parametrize("name", NAMES)
def test_generated_files_lift_and_conform(name: str, tmp_path: Path) -> None:
    for code in CODES:
        sources = generate(name, code)
        assert sources
        for source in sources:
            assert lifted_triples(source, code, tmp_path) > 10, (code, source.filename)


@pytest.mark.parametrize("name", NAMES)
def test_same_arguments_give_the_same_bytes(name: str) -> None:
    first = generate(name, "4401")
    assert [s.content for s in first] == [s.content for s in generate(name, "4401")]
    other_seed = generate(name, "4401", seed=8)
    assert [s.content for s in first] != [s.content for s in other_seed]
    other_place = generate(name, "7101")
    assert [s.content for s in first] != [s.content for s in other_place]


@pytest.mark.parametrize("name", NAMES)
def test_triples_grow_with_scale(name: str, tmp_path: Path) -> None:
    small = sum(
        lifted_triples(s, "0701", tmp_path / "small") for s in _made(name, 0.3, tmp_path / "small")
    )
    big = sum(
        lifted_triples(s, "0701", tmp_path / "big") for s in _made(name, 1.5, tmp_path / "big")
    )
    assert big > small


def _made(name: str, scale: float, folder: Path) -> list[GeneratedSource]:
    folder.mkdir()
    return generate(name, "0701", scale)


def test_bigger_municipalities_get_bigger_registers() -> None:
    athens = generate("facilities", "4501", 1.0)[0].content
    gavdos = generate("facilities", "7403", 1.0)[0].content
    assert athens.count(b"\r\n") > 3 * gavdos.count(b"\r\n")


def test_facilities_are_in_egsa87_near_the_municipality() -> None:
    text = generate("facilities", "4401", 1.0)[0].content.decode("cp1253")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))[4:]
    assert rows
    for row in rows:
        x, y = (float(value.replace(",", ".")) for value in row[-2:])
        # Kalamata lies about 332 km east and 4100 km north in ΕΓΣΑ87.
        assert 320_000 < x < 345_000 and 4_088_000 < y < 4_112_000, row
        assert "Καλαμάτας" in row[2] or row[2].startswith(
            ("Παιδική", "Πάρκο", "Πλατεία", "Γήπεδο", "Πολιτιστικό", "Παραλία", "Άλσος")
        ), row


def test_no_personal_data() -> None:
    water = json.loads(generate("water-meter-readings", "4401", 1.0)[0].content.decode("utf-8-sig"))
    assert all("customer" not in meter for meter in water["meters"])
    services = json.loads(generate("service-catalogue", "4401", 1.0)[0].content)
    assert all(node["node"]["field_ypeythynos"] == "" for node in services["nodes"])
    facilities = generate("facilities", "4401", 1.0)[0].content.decode("cp1253")
    for row in list(csv.reader(io.StringIO(facilities), delimiter=";"))[4:]:
        assert row[11] == row[12] == "", row  # ΥΠΕΥΘΥΝΟΣ, ΤΗΛΕΦΩΝΟ


def test_gtfs_zip_is_a_folder_of_feed_files(tmp_path: Path) -> None:
    source = generate("gtfs-stops-routes", "4401", 1.0)[0]
    with zipfile.ZipFile(io.BytesIO(source.content)) as archive:
        names = archive.namelist()
        assert {name.split("/", 1)[1] for name in names} >= {
            "stops.txt",
            "routes.txt",
            "trips.txt",
            "stop_times.txt",
        }
        assert archive.read(names[1]).startswith(b"\xef\xbb\xbf")  # stops.txt has a BOM


def test_workbooks_have_the_station_and_year_sheets(tmp_path: Path) -> None:
    air = generate("air-quality-daily", "4501", 1.0)[0]
    (tmp_path / air.filename).write_bytes(air.content)
    sheets = openpyxl.load_workbook(tmp_path / air.filename).sheetnames
    assert sheets[0] == "Χαρακτηριστικά Σταθμών"
    assert len(sheets) == 1 + territory.station_count(territory.territory(get_municipality("4501")))
    waste = generate("waste-quantities", "4501", 3.0)
    assert [source.sheet for source in waste] == [s.parameters["year"] for s in waste]
    assert len(waste) > 1
