"""The waste-quantity workbook reader (src/demoi/lifting/sources/waste.py): long and wide
layouts, months and streams as municipalities write them, totals and signatures left unread;
errors name the sheet, row and column."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from conftest import EXAMPLES, workbook
from demoi.errors import DataError, Location
from demoi.lifting import get_mapping, lift
from demoi.lifting.sources import ReadOptions, SourceData, read_source
from demoi.lifting.sources.waste import month_of, stream_of
from demoi.lifting.tabular import Reject

SAMPLE = EXAMPLES / "environment" / "4401-waste.xlsx"
LONG = ["Μήνας", "Ρεύμα αποβλήτων", "Ποσότητα (τόνοι)"]
HERE = Location("waste.xlsx", 5, 1, sheet="2024")


def read(path: Path, sheet: str | None = None, rejects: list[Reject] | None = None) -> SourceData:
    return read_source(path, get_mapping("waste-quantities"), ReadOptions(None, sheet, rejects))


def rows(data: SourceData) -> list[tuple[str, str, str, str]]:
    table = data.tables["source"]
    return [(row[0], row[1], row[2], row[3]) for row in table.rows]


# --- the example workbook --------------------------------------------------------------------


def test_long_layout_carries_the_month_down_and_skips_subtotals() -> None:
    data = read(SAMPLE, "2024")
    found = rows(data)
    assert len(found) == 22
    assert found[:2] == [
        ("2024-01", "mixed", "2410.5", "TONNE"),
        ("2024-01", "commingled-packaging", "182.30", "TONNE"),  # typed as text «182,30»
    ]
    # «Σύμμικτα» misspelt, «ΜΑΡΤΙΟΣ» in capitals, «2.487,60» as text with a thousands point.
    assert ("2024-02", "mixed", "2233.8", "TONNE") in found
    assert ("2024-03", "glass", "22.05", "TONNE") in found
    assert ("2024-04", "mixed", "2487.60", "TONNE") in found
    # March's bulky waste has no quantity: no observation.
    assert not [row for row in found if row[:2] == ("2024-03", "bulky")]
    table = data.tables["source"]
    assert table.sheet == "2024"
    assert max(table.lines) == 30  # the grand total is row 31; nothing below it is read
    assert table.rows[0][4] == "2024-02-01T00:00:00+02:00"


def test_wide_layout_takes_the_unit_from_the_title_and_skips_the_totals() -> None:
    found = rows(read(SAMPLE, "2023"))
    assert len(found) == 55
    assert {row[3] for row in found} == {"TONNE"}  # «(σε τόνους)» in the title
    assert {row[1] for row in found} == {
        "mixed", "commingled-packaging", "glass", "biowaste", "green-waste"
    }  # fmt: skip
    # The brown bin started in June 2023.
    assert min(row[0] for row in found if row[1] == "biowaste") == "2023-06"
    assert ("2023-12", "mixed", "2507.8", "TONNE") in found


def test_a_workbook_with_one_sheet_per_year_needs_the_sheet() -> None:
    with pytest.raises(DataError, match="'2023', '2024' all hold waste quantities"):
        read(SAMPLE)


def test_signatures_never_reach_the_output() -> None:
    for sheet, year, name in (("2024", "2024", "Νικολάου"), ("2023", "2023", "Αναστασίου")):
        lifted = lift(SAMPLE, get_mapping("waste-quantities"), municipality="4401",
                      parameters={"year": year}, base_uri="http://127.0.0.1:8000/",
                      sheet=sheet)  # fmt: skip
        assert name.encode() not in lifted.ntriples


# --- months and streams ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ιανουάριος", (2024, 1)),
        ("ΙΑΝΟΥΑΡΙΟΥ", (2024, 1)),
        ("Φεβ.", (2024, 2)),
        ("Μαΐου", (2024, 5)),
        ("ΜΑΪΟΣ", (2024, 5)),
        ("Ιούνιος", (2024, 6)),
        ("ΙΟΥΛ", (2024, 7)),
        ("Σεπτέμβριος 2024", (2024, 9)),
        ("Οκτ-24", (2024, 10)),
        ("12", (2024, 12)),
        ("03/2024", (2024, 3)),
        ("01/04/2024", (2024, 4)),  # an Excel month cell: a date on the first of the month
        ("2024-11", (2024, 11)),
        ("45413", (2024, 5)),  # the serial number of 1 May 2024, a date cell without format
    ],
)
def test_month_names_and_numbers(text: str, expected: tuple[int, int]) -> None:
    assert month_of(text, "2024", HERE) == datetime.date(*expected, 1)


def test_a_month_of_another_year_than_the_sheet_is_refused() -> None:
    with pytest.raises(DataError, match="the month 'Ιανουάριος 2023' is in 2023, but the sheet"):
        month_of("Ιανουάριος 2023", "2024", HERE)


def test_a_month_without_a_year_anywhere_is_refused() -> None:
    with pytest.raises(DataError, match="name the sheet after the year"):
        month_of("Ιανουάριος", "", HERE)
    assert month_of("01/2023", "", HERE) == datetime.date(2023, 1, 1)


@pytest.mark.parametrize("text", ["13", "Τρίμηνο", "Q1"])
def test_what_is_not_a_month_is_refused(text: str) -> None:
    with pytest.raises(DataError, match="is not a month"):
        month_of(text, "2024", HERE)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Σύμμεικτα", "mixed"),
        ("ΣΥΜΜΙΚΤΑ", "mixed"),
        ("Σύμμεικτα/πράσινος κάδος", "mixed"),
        ("Ανακυκλώσιμα/μπλε κάδος", "commingled-packaging"),
        ("ΑΝΑΚΥΚΛΩΣΙΜΑ (ΜΠΛΕ ΚΑΔΟΣ)", "commingled-packaging"),
        ("Ανακυκλώσιμα υλικά συσκευασίας (μπλε κάδος)", "commingled-packaging"),
        ("Χαρτί-Χαρτόνι", "paper"),
        ("ΓΥΑΛΙ (ΚΑΜΠΑΝΕΣ)", "glass"),
        ("Οργανικά/καφέ κάδος", "biowaste"),
        ("Βιοαπόβλητα τροφίμων (καφέ κάδος)", "biowaste"),
        ("Κλαδέματα", "green-waste"),
        ("Ογκώδη (tn)", "bulky"),
        ("ΑΗΗΕ", "weee"),
        ("Ρούχα και υφάσματα", "textiles"),
    ],
)
def test_stream_names(text: str, expected: str) -> None:
    assert stream_of(text, HERE) == expected


@pytest.mark.parametrize(
    ("text", "problem"),
    [("Μπαταρίες", "is not a waste stream"), ("Χαρτί/Πλαστικά", "names more than one")],
)
def test_what_is_not_one_stream_is_refused(text: str, problem: str) -> None:
    with pytest.raises(DataError, match=problem):
        stream_of(text, HERE)


# --- odd workbooks ---------------------------------------------------------------------------


def test_kilograms_and_a_single_sheet(tmp_path: Path) -> None:
    source = workbook(tmp_path / "waste.xlsx", {
        "Φύλλο1": [["Ποσότητες 2024"], [], ["Μήνας", "Υλικό", "Ποσότητα (kg)"],
                   ["Ιανουάριος", "Γυαλί", "21.400"], ["ΣΥΝΟΛΟ", None, "21.400"]],
    })  # fmt: skip
    assert rows(read(source)) == [("2024-01", "glass", "21400", "KiloGM")]


def test_the_sheet_name_and_the_title_must_agree_on_the_year(tmp_path: Path) -> None:
    source = workbook(tmp_path / "waste.xlsx", {
        "2024": [["Ποσότητες 2023"], [*LONG], ["Ιανουάριος", "Γυαλί", 21.4]],
    })  # fmt: skip
    with pytest.raises(DataError, match="more than one year"):
        read(source)


def test_the_first_row_needs_a_month(tmp_path: Path) -> None:
    source = workbook(tmp_path / "waste.xlsx", {"2024": [LONG, [None, "Γυαλί", 21.4]]})
    with pytest.raises(DataError, match="the row has no month") as raised:
        read(source)
    assert str(raised.value.location).endswith("sheet '2024', row 2, column 1")


def test_both_quantity_columns_are_refused(tmp_path: Path) -> None:
    source = workbook(tmp_path / "waste.xlsx", {
        "2024": [[*LONG, "Ποσότητα (kg)"], ["Ιανουάριος", "Γυαλί", 21.4, 21400]],
    })  # fmt: skip
    with pytest.raises(DataError, match="the header has both of the quantity columns"):
        read(source)


def test_a_negative_quantity_is_refused(tmp_path: Path) -> None:
    source = workbook(tmp_path / "waste.xlsx", {"2024": [LONG, ["Ιανουάριος", "Γυαλί", -2]]})
    with pytest.raises(DataError, match="'-2' is negative") as raised:
        read(source)
    assert str(raised.value.location).endswith("row 2, column 3")


def test_a_wide_column_without_a_unit_is_refused(tmp_path: Path) -> None:
    source = workbook(tmp_path / "waste.xlsx", {"2024": [["Μήνας", "Σύμμεικτα"], ["Ιαν", 2410]]})
    with pytest.raises(DataError, match="does not say its unit") as raised:
        read(source)
    assert str(raised.value.location).endswith("row 1, column 2")


def test_two_wide_columns_of_one_stream_are_refused(tmp_path: Path) -> None:
    source = workbook(tmp_path / "waste.xlsx", {
        "2024": [["Μήνας", "Χαρτί (tn)", "Χαρτόνι (tn)"], ["Ιαν", 20, 12]],
    })  # fmt: skip
    with pytest.raises(DataError, match="are both the stream paper"):
        read(source)


def test_a_repeated_month_and_stream_is_refused(tmp_path: Path) -> None:
    source = workbook(tmp_path / "waste.xlsx", {
        "2024": [LONG, ["Ιανουάριος", "Γυαλί", 21.4], [None, "Γυάλινα", 3]],
    })  # fmt: skip
    with pytest.raises(DataError, match="repeats month 2024-01, stream glass") as raised:
        lift(source, get_mapping("waste-quantities"), municipality="4401",
             parameters={"year": "2024"}, base_uri="http://127.0.0.1:8000/")  # fmt: skip
    assert "row 3" in str(raised.value.location)


def test_skip_invalid_rows_leaves_the_bad_rows_out(tmp_path: Path) -> None:
    source = workbook(tmp_path / "waste.xlsx", {
        "2024": [LONG, ["Ιανουάριος", "Γυαλί", "2,1,4"], [None, "Μπαταρίες", 1],
                 [None, "Σύμμεικτα", 2410.5]],
    })  # fmt: skip
    rejects: list[Reject] = []
    assert rows(read(source, rejects=rejects)) == [("2024-01", "mixed", "2410.5", "TONNE")]
    assert [(reject.location.line, reject.location.column) for reject in rejects] == [
        (2, 3),
        (3, 2),
    ]
