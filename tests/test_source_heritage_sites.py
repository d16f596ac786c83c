"""The heritage_sites reader: monuments and museums from a municipal culture list."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from demoi.errors import DataError
from demoi.lifting import get_mapping
from demoi.lifting.sources import ReadOptions
from demoi.lifting.sources.heritage_sites import degrees, opening_hours, read

HEADER = (
    "Κωδικός;Ονομασία;Είδος;Δημοτικό;Χαρακτηρισμός;Πράξη κήρυξης;Ημερομηνία πράξης;ΦΕΚ;Οδός;"
    "Τ.Κ.;Ώρες λειτουργίας;Γεωγρ. πλάτος;Γεωγρ. μήκος"
)
ACT = "ΥΠΠΟ/ΑΡΧ/Β1/Φ30/13943/307/6-8-1987;6/8/1987;ΦΕΚ Β' 471/28.8.1987"


def write(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "sites.csv"
    text = "\r\n".join(["ΜΝΗΜΕΙΑ ΚΑΙ ΜΟΥΣΕΙΑ;;;", HEADER, *lines]) + "\r\n"
    path.write_bytes(text.encode("cp1253"))
    return path


def tables(path: Path) -> dict[str, list[dict[str, str]]]:
    data = read(path, get_mapping("heritage-sites"), ReadOptions())
    return {
        name: [dict(zip(table.columns, row, strict=True)) for row in table.rows]
        for name, table in data.tables.items()
    }


@pytest.mark.parametrize(
    ("written", "hours"),
    [
        ("Τρίτη-Κυριακή 08:30-15:00", ["Tu-Su 08:30-15:00"]),
        ("Τρίτη - Κυριακή 8.30 - 15.00", ["Tu-Su 08:30-15:00"]),
        ("Καθημερινά 09:00-14:00, Σάββατο 17:00-20:00", ["Mo-Su 09:00-14:00", "Sa 17:00-20:00"]),
        ("Καθημερινές 09:00-14:00", ["Mo-Fr 09:00-14:00"]),
        ("ΔΕΥ-ΠΑΡ 9:00-13:00", ["Mo-Fr 09:00-13:00"]),
    ],
)
def test_opening_hours_in_schema_org_form(written: str, hours: list[str]) -> None:
    assert opening_hours(written) == hours


@pytest.mark.parametrize("written", ["Κατόπιν ραντεβού", "Τρίτη-Κυριακή", "Πρωί 9-2"])
def test_opening_hours_that_cannot_be_read(written: str) -> None:
    with pytest.raises(ValueError):
        opening_hours(written)


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("37,0425", "37.0425"),
        ("22.1136", "22.1136"),
        ("37ο 02' 33'' Β", "37.0425"),
        ("22° 06' 49\" E", "22.113611"),
    ],
)
def test_degrees_decimal_or_dms(written: str, value: str) -> None:
    assert degrees(written) == Decimal(value)


def test_a_monument_with_its_act_and_a_municipal_museum(tmp_path: Path) -> None:
    found = tables(
        write(
            tmp_path,
            f"ΜΝ02;Ναός των Αγίων Αποστόλων;Μνημείο;;αρχαίο μνημείο;{ACT};"
            "Πλατεία Αγίων Αποστόλων;24100;;37,0425;22,1136",
            "ΜΟΥ02;Μουσείο Σιδηροδρόμων;Μουσείο;ΝΑΙ;;;;;Αριστομένους 2;24100;"
            "Τρίτη-Κυριακή 09:00-14:00;;",
        )
    )
    monument, museum = found["source"]
    assert monument["code"] == "MN02"  # Greek look-alike capitals read as Latin
    assert (monument["kind"], monument["monument_class"], monument["museum_class"]) == (
        "poi",
        "Monument",
        "",
    )
    assert monument["act"] == "yppo-arch-v1-f30-13943-307-6-8-1987"
    assert (museum["kind"], museum["place_class"], museum["museum_class"]) == (
        "facility",
        "MunicipalFacility",
        "Museum",
    )
    assert found["acts"] == [
        {
            "act": "yppo-arch-v1-f30-13943-307-6-8-1987",
            "number": "ΥΠΠΟ/ΑΡΧ/Β1/Φ30/13943/307/6-8-1987",
            "date": "1987-08-06",
            "gazette": "ΦΕΚ Β' 471/28.8.1987",
        }
    ]
    assert found["geometries"] == [{"code": "MN02", "kind": "poi", "wkt": "POINT(22.1136 37.0425)"}]
    assert found["hours"] == [{"code": "MOY02", "kind": "facility", "hours": "Tu-Su 09:00-14:00"}]
    assert [a["number"] for a in found["addresses"]] == ["", "2"]


def test_a_tab_separated_list_reads_like_the_semicolon_one(tmp_path: Path) -> None:
    row = (
        f"ΜΝ02;Ναός των Αγίων Αποστόλων;Μνημείο;;αρχαίο μνημείο;{ACT};"
        "Πλατεία Αγίων Αποστόλων;24100;;37,0425;22,1136"
    )
    tabbed = tmp_path / "tabbed"
    tabbed.mkdir()
    path = tabbed / "sites.csv"
    path.write_text("\n".join([HEADER, row]).replace(";", "\t") + "\n", encoding="utf-8")
    assert tables(path) == tables(write(tmp_path, row))


def test_one_act_cited_with_two_gazettes_is_an_error(tmp_path: Path) -> None:
    other = ACT.replace("471", "472")
    path = write(
        tmp_path,
        f"Α1;Ναός Α;Μνημείο;;;{ACT};;;;;",
        f"Α2;Ναός Β;Μνημείο;;;{other};;;;;",
    )
    with pytest.raises(DataError) as raised:
        tables(path)
    assert "is not the date and ΦΕΚ of the same act on line 3" in raised.value.message
    assert str(raised.value.location).endswith("sites.csv, line 4, column ΦΕΚ")


def test_swapped_coordinates_are_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, "Α1;Κάστρο;Μνημείο;;;;;;;;;22,1118;37,0455")
    with pytest.raises(DataError, match="the latitude and longitude look swapped"):
        tables(path)


def test_an_unknown_kind_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, "Α1;Βρύση;Κρήνη;;;;;;;;;;")
    with pytest.raises(DataError) as raised:
        tables(path)
    assert raised.value.message == (
        "'Κρήνη' in column 'Είδος' is not a monument or a museum («Μνημείο», «Μουσείο»)"
    )
