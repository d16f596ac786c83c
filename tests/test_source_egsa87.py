"""The egsa87 reader: facilities with ΕΓΣΑ87 X/Y from a municipal GIS export."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from demoi.errors import DataError
from demoi.lifting import get_mapping
from demoi.lifting.sources import ReadOptions
from demoi.lifting.sources.egsa87 import facility_type, parse_coordinate, read, to_wgs84
from demoi.lifting.tabular import Reject

HEADER = "ΚΩΔΙΚΟΣ;ΟΝΟΜΑΣΙΑ;ΚΑΤΗΓΟΡΙΑ;ΔΗΜΟΤΙΚΗ;ΔΙΕΥΘΥΝΣΗ;Τ.Κ.;ΔΥΝΑΜΙΚΟΤΗΤΑ;ΥΠΕΥΘΥΝΟΣ;X_ΕΓΣΑ;Y_ΕΓΣΑ"
LIBRARY = "1001;Δημοτική Βιβλιοθήκη;Βιβλιοθήκη;ΝΑΙ;Αριστομένους 54;241 00;60;Ε. Παπαδοπούλου"


def write(tmp_path: Path, *lines: str, header: str = HEADER) -> Path:
    path = tmp_path / "facilities.csv"
    path.write_text("\n".join(["Δήμος Καλαμάτας - GIS", header, *lines]) + "\n", encoding="utf-8")
    return path


def read_rows(path: Path, rejects: list[Reject] | None = None) -> dict[str, list[dict[str, str]]]:
    data = read(path, get_mapping("facilities"), ReadOptions(rejects=rejects))
    return {
        name: [dict(zip(table.columns, row, strict=True)) for row in table.rows]
        for name, table in data.tables.items()
    }


@pytest.mark.parametrize(
    ("written", "metres"),
    [
        ("332135,79", "332135.79"),  # Greek Excel
        ("332.135,79", "332135.79"),  # with a thousands separator
        ("4.100.562", "4100562"),
        ("332135.79", "332135.79"),  # QGIS
        ("332135", "332135"),
    ],
)
def test_coordinates_as_municipal_exports_write_them(written: str, metres: str) -> None:
    assert parse_coordinate(written) == Decimal(metres)


def test_a_bad_coordinate_is_refused() -> None:
    with pytest.raises(ValueError):
        parse_coordinate("332135,79 m")


def test_egsa87_to_wgs84_longitude_first() -> None:
    longitude, latitude = to_wgs84(Decimal("332135.79"), Decimal("4100562.05"))
    assert round(longitude, 4) == Decimal("22.1142")
    assert round(latitude, 4) == Decimal("37.0389")


@pytest.mark.parametrize(
    ("category", "notation"),
    [
        ("Βιβλιοθήκη", "library"),
        ("Δημοτική Βιβλιοθήκη", "library"),  # «Δημοτική» only says who runs it
        ("Δημοτικό Σχολείο", "primary-school"),  # but a «Δημοτικό σχολείο» is a school
        ("ΚΑΠΗ", "elderly-care-centre"),
        ("Κ.Ε.Π.", "citizen-service-centre"),
        ("ΠΑΙΔΙΚΗ ΧΑΡΑ", "playground"),
        ("Γήπεδο ποδοσφαίρου", "sports-ground"),
        ("swimming-pool", "swimming-pool"),
    ],
)
def test_categories_match_the_facility_type_code_list(category: str, notation: str) -> None:
    assert facility_type(category) == notation


def test_a_row_gives_a_place_its_geometries_and_its_address(tmp_path: Path) -> None:
    tables = read_rows(write(tmp_path, LIBRARY + ";332135,79;4100562,05"))
    assert tables["source"] == [
        {
            "code": "1001",
            "kind": "facility",
            "class": "MunicipalFacility",
            "name": "Δημοτική Βιβλιοθήκη",
            "name_en": "",
            "facility_type": "library",
            "capacity": "60",
            "wheelchair": "",
            "wkt_wgs84": "POINT(22.1142 37.0389)",
            "wkt_egsa87": "<http://www.opengis.net/def/crs/EPSG/0/2100> "
            "POINT(332135.79 4100562.05)",
        }
    ]
    # The house number is split off the street, the postcode loses its space, and the name of
    # the person in charge (ΥΠΕΥΘΥΝΟΣ) is not read at all.
    assert tables["addresses"] == [
        {
            "code": "1001",
            "kind": "facility",
            "street": "Αριστομένους",
            "number": "54",
            "postcode": "24100",
            "town": "",
        }
    ]
    assert "Ε. Παπαδοπούλου" not in str(tables)


def test_greek_chi_and_upsilon_headers_and_a_point_of_interest(tmp_path: Path) -> None:
    header = "Κωδικός;Ονομασία;Κατηγορία;Δημοτική;Δυναμικότητα;Χ_ΕΓΣΑ;Υ_ΕΓΣΑ"  # Greek Χ, Υ
    path = write(tmp_path, "1017;Κάστρο;Μνημείο;ΟΧΙ;500;331936.86;4101298.57", header=header)
    (place,) = read_rows(path)["source"]
    assert (place["kind"], place["class"], place["facility_type"]) == (
        "poi",
        "PointOfInterest",
        "monument",
    )
    assert place["capacity"] == ""  # place:capacity is for municipal facilities only
    assert read_rows(path)["addresses"] == []


@pytest.mark.parametrize(
    ("x", "y", "message"),
    [
        ("4100562,05", "332135,79", "X and Y look swapped"),
        ("22,1142", "37,0389", "these look like WGS84 degrees, not ΕΓΣΑ87 metres"),
        ("332135,79", "5100562,05", "a point in Greece in ΕΓΣΑ87 metres"),
    ],
)
def test_a_point_outside_greece_is_an_error_naming_the_row(
    tmp_path: Path, x: str, y: str, message: str
) -> None:
    with pytest.raises(DataError) as raised:
        read_rows(write(tmp_path, LIBRARY + f";{x};{y}"))
    assert message in raised.value.message
    assert "facilities.csv, line 3, column" in str(raised.value.location)


def test_an_unknown_category_names_the_value_and_the_column(tmp_path: Path) -> None:
    row = LIBRARY.replace(";Βιβλιοθήκη;", ";Αναψυκτήριο;") + ";332135,79;4100562,05"
    with pytest.raises(DataError) as raised:
        read_rows(write(tmp_path, row))
    assert raised.value.message.startswith(
        "'Αναψυκτήριο' in column 'Κατηγορία' is not a facility type"
    )
    assert str(raised.value.location).endswith("line 3, column Κατηγορία")


def test_an_empty_code_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="every row needs one"):
        read_rows(write(tmp_path, LIBRARY.replace("1001;", ";") + ";332135,79;4100562,05"))


def test_skip_invalid_rows_leaves_out_the_bad_rows(tmp_path: Path) -> None:
    rejects: list[Reject] = []
    path = write(
        tmp_path,
        LIBRARY + ";332135,79;4100562,05",
        LIBRARY.replace("1001", "1002") + ";4100562,05;332135,79",
    )
    tables = read_rows(path, rejects)
    assert [place["code"] for place in tables["source"]] == ["1001"]
    assert [reject.location.line for reject in rejects] == [4]
    assert "look swapped" in rejects[0].reason
