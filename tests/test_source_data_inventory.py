"""The dataset-inventory reader: a workbook or its CSV, values as Greek offices write them, turned
into code-list codes; errors name the sheet, row and column; the example files are current."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from conftest import REPO
from demoi.errors import DataError, ValidationFailed
from demoi.lifting import get_mapping, lift
from demoi.lifting.sources import ReadOptions
from demoi.lifting.sources._greek import yes_no
from demoi.lifting.sources.data_inventory import (
    charging_categories,
    file_types,
    frequency,
    licences,
    read,
    web_address,
)
from demoi.lifting.tabular import Reject
from demoi.publishing import check_lifted

BASE = "http://127.0.0.1:8000/"
EXAMPLES = REPO / "examples" / "catalogue"
HEADER = ["Α/Α", "Τίτλος", "Περιγραφή", "Λειτουργικό πεδίο", "Δεδομένα προσωπικού χαρακτήρα",
          "Άδεια", "Σύνδεσμος λήψης", "Μορφότυπος", "Υπεύθυνος"]  # fmt: skip
ROW = ["1", "Μνημεία", "Τα μνημεία του δήμου.", "Πολιτισμός", "ΟΧΙ", "CC0",
       "https://www.kalamata.gr/opendata/mnimeia.geojson", "GeoJSON", "Ι. Μαρκόπουλος"]  # fmt: skip


def write_csv(path: Path, rows: list[list[str]], title: str = "ΔΗΜΟΣ ΚΑΛΑΜΑΤΑΣ") -> Path:
    lines = [title, "", ";".join(HEADER)] + [";".join(row) for row in rows]
    path.write_text("\r\n".join(lines) + "\r\n", encoding="cp1253")
    return path


def rows_of(path: Path, rejects: list[Reject] | None = None) -> list[dict[str, str]]:
    data = read(path, get_mapping("data-inventory"), ReadOptions(rejects=rejects))
    table = data.tables["source"]
    return [dict(zip(table.columns, row, strict=True)) for row in table.rows]


def error_of(path: Path) -> DataError:
    with pytest.raises(DataError) as raised:
        read(path, get_mapping("data-inventory"), ReadOptions())
    return raised.value


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("CC BY 4.0", "CC_BY_4_0"),
        ("cc-by 4.0", "CC_BY_4_0"),
        ("Creative Commons Αναφορά Δημιουργού 4.0 Διεθνές (CC BY 4.0)", "CC_BY_4_0"),
        ("CC0", "CC0"),
        ("ODbL", "ODC_BL"),
        ("CC BY-SA 4.0", "CC_BYSA_4_0"),
    ],
)
def test_licences(written: str, code: str) -> None:
    assert licences().code(written) == code


@pytest.mark.parametrize(
    ("written", "code"),
    [("csv", "CSV"), ("Excel (XLSX)", "XLSX"), ("xls", "XLS"), ("GeoJSON", "GEOJSON"),
     ("Shapefile", "SHP"), ("RDF Turtle", "RDF_TURTLE")],
)  # fmt: skip
def test_file_types(written: str, code: str) -> None:
    assert file_types().code(written) == code


def test_charging_categories() -> None:
    assert charging_categories().code("Δωρεάν") == "free"
    assert charging_categories().code("Οριακό κόστος") == "marginal-cost"
    assert charging_categories().code("Βιβλιοθήκη, μουσείο ή αρχείο") == "library-museum-archive"


def test_an_unknown_value_lists_what_is_accepted() -> None:
    with pytest.raises(ValueError, match="an open licence; write one of: «Creative Commons"):
        licences().code("Ελεύθερη χρήση")


@pytest.mark.parametrize(
    ("written", "code"),
    [("Ετήσια", "ANNUAL"), ("ΕΤΗΣΙΑ", "ANNUAL"), ("ανά εξάμηνο", "ANNUAL_2"),
     ("Σε πραγματικό χρόνο", "UPDATE_CONT"), ("Κατά περίπτωση", "IRREG"), ("MONTHLY", "MONTHLY")],
)  # fmt: skip
def test_frequency(written: str, code: str) -> None:
    assert (
        frequency(written) == "http://publications.europa.eu/resource/authority/frequency/" + code
    )


def test_yes_no() -> None:
    assert [yes_no(word) for word in ("ΝΑΙ", "Ναι", "NAI", "ΟΧΙ", "Όχι", "OXI")] == [
        "true", "true", "true", "false", "false", "false"
    ]  # fmt: skip
    with pytest.raises(ValueError, match="ΝΑΙ / ΟΧΙ"):
        yes_no("Ίσως")


def test_web_addresses_are_made_uris() -> None:
    assert web_address("https://www.kalamata.gr/open data/α.csv") == (
        "https://www.kalamata.gr/open%20data/%CE%B1.csv"
    )
    assert web_address("https://x.gr/a%20b?x=1&y=2") == "https://x.gr/a%20b?x=1&y=2"
    with pytest.raises(ValueError, match="starting with https://"):
        web_address("www.kalamata.gr/opendata")


def test_the_workbook_and_its_csv_give_the_same_rows() -> None:
    workbook = rows_of(EXAMPLES / "4401-data-inventory.xlsx")
    text = rows_of(EXAMPLES / "4401-data-inventory.cp1253.csv")
    assert workbook == text
    assert len(workbook) == 12


def test_merged_cells_take_the_datasets_values() -> None:
    rows = rows_of(EXAMPLES / "4401-data-inventory.xlsx")
    first, second = rows[0], rows[1]
    assert second["number"] == "1"
    assert second["title_el"] == first["title_el"] == "Εκτέλεση προϋπολογισμού εξόδων 2024"
    assert (first["format"], second["format"]) == ("XLSX", "CSV")
    assert first["theme_1"] == "ECON" and first["theme_2"] == "GOVE"


def test_the_employees_name_and_phone_are_not_read() -> None:
    for path in EXAMPLES.glob("4401-data-inventory.*"):
        lifted = lift(path, get_mapping("data-inventory"), municipality="4401", parameters={},
                      base_uri=BASE)  # fmt: skip
        text = lifted.ntriples.decode()
        assert "Παπαδημητρίου" not in text and "2721099101" not in text


def test_a_contradicting_continuation_row_is_refused(tmp_path: Path) -> None:
    second = list(ROW)
    second[1] = "Μνημεία της πόλης"
    second[7] = "CSV"
    error = error_of(write_csv(tmp_path / "x.csv", [ROW, second]))
    assert "Α/Α 1 has «Μνημεία» in «Τίτλος» on the row above" in error.message
    assert str(error.location).endswith("x.csv, line 5, column 2")


def test_a_distribution_without_its_address_is_refused(tmp_path: Path) -> None:
    row = list(ROW)
    row[6] = ""
    error = error_of(write_csv(tmp_path / "x.csv", [row]))
    assert error.message.startswith("«Σύνδεσμος λήψης» is empty")
    assert str(error.location).endswith("x.csv, line 4, column 7")


def test_a_charge_without_its_basis_is_refused(tmp_path: Path) -> None:
    header = [*HEADER, "Χρέωση"]
    path = tmp_path / "x.csv"
    lines = ["ΔΗΜΟΣ ΚΑΛΑΜΑΤΑΣ", ";".join(header), ";".join([*ROW, "Οριακό κόστος"])]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    error = error_of(path)
    assert "re-use is charged but «Βάση χρέωσης» is empty" in error.message


def test_more_than_three_themes_are_refused(tmp_path: Path) -> None:
    header = [*HEADER, "Θέμα"]
    path = tmp_path / "x.csv"
    lines = ["ΔΗΜΟΣ ΚΑΛΑΜΑΤΑΣ", ";".join(header), ";".join([*ROW, '"EDUC; ENVI; GOVE; REGI"'])]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert "names 4 themes; give at most 3" in error_of(path).message


def test_the_municipality_from_the_title_or_the_column(tmp_path: Path) -> None:
    assert rows_of(write_csv(tmp_path / "a.csv", [ROW]))[0]["publisher_code"] == "4401"
    titled = write_csv(tmp_path / "b.csv", [ROW], title="Φορέας: Δήμος Αθηναίων")
    assert rows_of(titled)[0]["publisher_en"] == "Municipality of Athens"
    error = error_of(write_csv(tmp_path / "c.csv", [ROW], title="ΜΗΤΡΩΟ ΔΕΔΟΜΕΝΩΝ"))
    assert "the inventory does not say whose it is" in error.message


def test_a_shared_name_is_not_guessed(tmp_path: Path) -> None:
    """Two municipalities are called Ηρακλείου: the plain name does not say which."""
    error = error_of(write_csv(tmp_path / "x.csv", [ROW], title="ΔΗΜΟΣ ΗΡΑΚΛΕΙΟΥ"))
    assert "does not say whose it is" in error.message
    found = rows_of(write_csv(tmp_path / "y.csv", [ROW], title="Δήμος Ηρακλείου (Κρήτη)"))
    assert found[0]["publisher_code"] == "7101"


def test_skip_invalid_rows_leaves_the_bad_row_out(tmp_path: Path) -> None:
    bad = list(ROW)
    bad[0], bad[4] = "2", "Ίσως"
    rejects: list[Reject] = []
    rows = rows_of(write_csv(tmp_path / "x.csv", [ROW, bad]), rejects)
    assert [row["number"] for row in rows] == ["1"]
    assert len(rejects) == 1 and "is not yes or no (ΝΑΙ / ΟΧΙ)" in rejects[0].reason


def test_a_workbook_sheet_is_named_in_errors(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Μητρώο 2025"
    sheet.append(["ΔΗΜΟΣ ΚΑΛΑΜΑΤΑΣ"])
    sheet.append(HEADER)
    row: list[object] = list(ROW)
    row[0], row[5] = 1, "Ελεύθερη"
    sheet.append(row)
    workbook.save(tmp_path / "x.xlsx")
    error = error_of(tmp_path / "x.xlsx")
    assert "«Ελεύθερη» in «Άδεια» is not an open licence" in error.message
    assert str(error.location).endswith("x.xlsx, sheet 'Μητρώο 2025', row 3, column 6")


def test_another_municipalitys_inventory_is_refused_by_the_profile() -> None:
    """The sheet is Kalamata's: lifted as Athens's, each dataset gets two municipalities."""
    lifted = lift(EXAMPLES / "4401-data-inventory.xlsx", get_mapping("data-inventory"),
                  municipality="4501", parameters={}, base_uri=BASE)  # fmt: skip
    with pytest.raises(ValidationFailed) as raised:
        check_lifted(lifted, "en")
    assert "municipality" in raised.value.report


def test_the_examples_are_current() -> None:
    completed = subprocess.run(
        [sys.executable, REPO / "tools" / "make_catalogue_examples.py", "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr


def test_a_comma_separated_sheet_with_semicolons_in_the_text(tmp_path: Path) -> None:
    """A «,»-separated file whose text holds more «;» than the file has «,»: the delimiter is
    the one with which the header is found, not the most frequent."""
    path = tmp_path / "x.csv"
    description = '"Α, Β; ' + "; ".join("ΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ") + '"'
    row = ["1", "Μνημεία", description, "Πολιτισμός", "ΟΧΙ", "CC0", ROW[6], "GeoJSON", ""]
    path.write_text(
        "\n".join(["Δήμος Καλαμάτας", ",".join(HEADER), ",".join(row)]) + "\n", encoding="utf-8"
    )
    assert path.read_text(encoding="utf-8").count(";") > path.read_text(encoding="utf-8").count(",")
    assert rows_of(path)[0]["description_el"].startswith("Α, Β; Γ")
