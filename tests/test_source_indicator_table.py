"""The indicator-values reader (src/demoi/lifting/sources/indicator_table.py): periods, units
and identifiers as municipalities write them. Whole graphs and error messages are in
tests/cases/mappings/statistics/indicator-*."""

from __future__ import annotations

from pathlib import Path

import pytest

from demoi.errors import DataError
from demoi.lifting import get_mapping
from demoi.lifting.sources import MAIN_TABLE, ReadOptions
from demoi.lifting.sources.indicator_table import QUDT_CURRENCY, QUDT_UNIT, _period, _unit, read


def read_text(tmp_path: Path, text: str, encoding: str = "utf-8") -> list[dict[str, str]]:
    source = tmp_path / "indicators.csv"
    source.write_bytes(text.encode(encoding))
    table = read(source, get_mapping("indicator-values"), ReadOptions()).tables[MAIN_TABLE]
    return [dict(zip(table.columns, row, strict=True)) for row in table.rows]


@pytest.mark.parametrize(
    ("written", "period"),
    [
        ("2021", ("2021", "", "")),
        ("03/2024", ("", "2024-03", "")),
        ("3/2024", ("", "2024-03", "")),
        ("03.2024", ("", "2024-03", "")),
        ("2024-03", ("", "2024-03", "")),
        ("31/12/2024", ("", "", "2024-12-31")),
        ("2024-12-31", ("", "", "2024-12-31")),
    ],
)
def test_periods(written: str, period: tuple[str, str, str]) -> None:
    assert _period(written, "Περίοδος") == period


@pytest.mark.parametrize("written", ["13/2024", "2024-13", "Μάρτιος 2024", "24", "2024-Q1", ""])
def test_periods_refused(written: str) -> None:
    with pytest.raises(DataError, match="is not a year"):
        _period(written, "Περίοδος")


@pytest.mark.parametrize(
    ("written", "unit"),
    [
        ("%", QUDT_UNIT + "PERCENT"),
        ("Τόνοι", QUDT_UNIT + "TONNE"),
        ("τ.μ.", QUDT_UNIT + "M2"),
        ("ΑΡΙΘΜΟΣ", QUDT_UNIT + "NUM"),
        ("€", QUDT_CURRENCY + "EUR"),
        ("unit:KiloGM-PER-DAY", QUDT_UNIT + "KiloGM-PER-DAY"),
        ("currency:USD", QUDT_CURRENCY + "USD"),
    ],
)
def test_units(written: str, unit: str) -> None:
    assert _unit(written, "Μονάδα") == unit


def test_a_comma_separated_utf8_table(tmp_path: Path) -> None:
    text = 'indicator,period,value,unit\nRecycling-Rate,2024,"21,7",%\n'
    assert read_text(tmp_path, text) == [
        {
            "indicator": "recycling-rate",
            "period": "2024",
            "year": "2024",
            "month": "",
            "day": "",
            "value": "21.7",
            "unit": QUDT_UNIT + "PERCENT",
        }
    ]


def test_an_identifier_that_cannot_name_an_iri(tmp_path: Path) -> None:
    text = "Κωδικός δείκτη;Περίοδος;Τιμή;Μονάδα\nδείκτης 1;2024;5;%\n"
    with pytest.raises(DataError, match="'δείκτης 1' in column 'Κωδικός δείκτη' is not an id"):
        read_text(tmp_path, text, "cp1253")


def test_an_empty_value(tmp_path: Path) -> None:
    text = "Κωδικός δείκτη;Περίοδος;Τιμή;Μονάδα\nrecycling-rate;2024;;%\n"
    with pytest.raises(DataError, match="'' in column 'Τιμή' is not a number") as raised:
        read_text(tmp_path, text)
    assert str(raised.value.location).endswith("line 2, column Τιμή")
