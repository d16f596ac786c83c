"""Reading exports as municipal accounting systems write them."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from demoi.errors import DataError
from demoi.lifting.tabular import Column, decode, normalise_header, read_table
from demoi.lifting.values import decimal as parse_greek_number

COLUMNS = (
    Column("service", ("Υπηρεσία",)),
    Column("kae", ("Κ.Α.", "ΚΑΕ")),
    Column("description", ("Περιγραφή",), required=False),
    Column("paid", ("Πληρωθέντα",), type="decimal"),
)
TEXT = (
    "Υπηρεσία;Κ.Α.;Περιγραφή;Πληρωθέντα;\r\n"
    "10;6011.01.01;Τακτικές αποδοχές Άρχοντα ΐ ΰ ϊ;8.920.667,36;\r\n"
    "\r\n"
    "20;6211;Ηλεκτρικό ρεύμα;350,5;\r\n"
    "20;6641;Καύσιμα;;\r\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("8.920.667,36", "8920667.36"),
        ("0,00", "0.00"),
        ("350,5", "350.5"),
        ("1234", "1234"),
        ("1234,56", "1234.56"),
        ("-1.234,50", "-1234.50"),
        ("12.345", "12345"),
    ],
)
def test_greek_numbers(text: str, expected: str) -> None:
    assert parse_greek_number(text) == expected


@pytest.mark.parametrize(
    "text", ["1.23,4", "12,34,5", "1.2345", "abc", "1 234,5", "1234.56", "", ","]
)
def test_not_greek_numbers(text: str) -> None:
    with pytest.raises(ValueError):
        parse_greek_number(text)


@pytest.mark.parametrize("header", ["Κ.Α.", "κ.α.", "ΚΑ", " Κ. Α. ", "κα"])
def test_header_variants_match(header: str) -> None:
    assert normalise_header(header) == normalise_header("Κ.Α.")


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-8", b""),
        ("utf-8", codecs.BOM_UTF8),
        ("cp1253", b""),
        ("iso-8859-7", b""),
    ],
)
def test_every_encoding_reads_the_same(tmp_path: Path, encoding: str, bom: bytes) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes(bom + TEXT.encode(encoding))
    table = read_table(path, COLUMNS)
    assert table.columns == ["service", "kae", "description", "paid"]
    assert table.rows == [
        ["10", "6011.01.01", "Τακτικές αποδοχές Άρχοντα ΐ ΰ ϊ", "8920667.36"],
        ["20", "6211", "Ηλεκτρικό ρεύμα", "350.5"],
        ["20", "6641", "Καύσιμα", ""],
    ]


def test_cp1253_and_iso_8859_7_are_told_apart() -> None:
    # Ά is 0xA2 in Windows-1253 and 0xB6 in ISO-8859-7.
    assert decode("Άλλα έξοδα".encode("cp1253"), "f") == ("Άλλα έξοδα", "cp1253")
    assert decode("Άλλα έξοδα".encode("iso-8859-7"), "f") == ("Άλλα έξοδα", "iso-8859-7")


def test_a_bad_number_names_file_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes(TEXT.replace("350,5", "35O,5").encode("utf-16"))
    with pytest.raises(DataError) as raised:
        read_table(path, COLUMNS)
    message = str(raised.value)
    assert str(path) in message and "line 4" in message and "column 4" in message
    assert "35O,5" in message and "Πληρωθέντα" in message


def test_a_missing_column_lists_the_header(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text(TEXT.replace("Κ.Α.", "Κωδικός λογαριασμού"), encoding="utf-8")
    with pytest.raises(DataError, match="line 1.*no column Κ.Α. / ΚΑΕ.*Κωδικός λογαριασμού"):
        read_table(path, COLUMNS)


def test_an_undecodable_byte_is_located(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes("Υπηρεσία;Κ.Α.;Πληρωθέντα\n10;6011;1,0\n".encode("cp1253") + b"20;\xff;2,0\n")
    with pytest.raises(DataError) as raised:
        read_table(path, COLUMNS, encoding="cp1253")
    assert "line 3" in str(raised.value) and "column 4" in str(raised.value)


def test_more_cells_than_header_suggests_the_delimiter(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text("Υπηρεσία;Κ.Α.;Πληρωθέντα\n10;6011;1,0;extra\n", encoding="utf-8")
    with pytest.raises(DataError, match="line 2.*delimiter"):
        read_table(path, COLUMNS)


def test_utf16_without_bom_is_explained(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes(TEXT.encode("utf-16-le"))
    with pytest.raises(DataError, match="--encoding utf-16-le"):
        read_table(path, COLUMNS)
    assert read_table(path, COLUMNS, encoding="utf-16-le").rows[0][0] == "10"


def test_a_repeated_key_names_both_lines(tmp_path: Path) -> None:
    # Found in review: two rows for the same service and KAE merged silently into one line.
    path = tmp_path / "export.csv"
    path.write_text(TEXT + "10;6011.01.01;Άλλη γραμμή;1,00;\r\n", encoding="utf-8")
    table = read_table(path, COLUMNS)
    with pytest.raises(DataError, match="line 6.*service 10, kae 6011.01.01 of line 2"):
        table.check_unique(("service", "kae"), str(path))
    table.check_unique(("service", "kae", "description"), str(path))
