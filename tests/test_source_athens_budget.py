"""The City of Athens budget reader (src/demoi/lifting/sources/athens_budget.py): one side per
mapping, service codes fixed by the KAE class, dot decimals, the lines of --year only, personal
and change columns never read. Whole graphs are in tests/cases/mappings/finance/athens-*."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import EXAMPLES
from demoi.errors import DataError, ValidationFailed
from demoi.lifting import get_mapping, lift
from demoi.lifting.sources import MAIN_TABLE, ReadOptions
from demoi.lifting.sources import athens_budget as athens_budget_module
from demoi.lifting.sources.athens_budget import read
from demoi.lifting.tabular import Reject
from demoi.publishing import check_lifted

SAMPLE = EXAMPLES / "finance" / "athens-budget.csv"
HEADER = (
    "year,department_office,code,title,amount,adjustment,final_budget,committed_funds,"
    "authorized_payments,payments_made,certified_revenues,collected_revenues,args_year,"
    "args_pro_cdief,args_pro_esex,mayor_name"
)


def cells(side: str) -> list[dict[str, str]]:
    table = read(SAMPLE, get_mapping(f"athens-budget-{side}"), ReadOptions()).tables[MAIN_TABLE]
    return [dict(zip(table.columns, row, strict=True)) for row in table.rows]


def lift_sample(source: Path = SAMPLE, year: str = "2024", **options: object) -> bytes:
    lifted = lift(
        source,
        get_mapping("athens-budget-expense"),
        municipality="4501",
        parameters={"year": year},
        base_uri="http://127.0.0.1:8000/",
        **options,  # type: ignore[arg-type]
    )
    return lifted.ntriples


def test_each_mapping_reads_its_side() -> None:
    expense, revenue = cells("expense"), cells("revenue")
    assert {row["side"] for row in expense} == {"1"}
    assert {row["side"] for row in revenue} == {"0"}
    assert len(expense) + len(revenue) == 18  # every line of the sample, 2023's included


def test_service_code_is_fixed_by_the_kae_class_only() -> None:
    services = {row["kae"]: row["service"] for row in cells("expense")}
    assert services["8261.001"] == "80"
    assert services["9111.001"] == "90"
    assert {services["6641.001"], services["7133.001"]} == {"00"}
    assert {row["service"] for row in cells("revenue")} == {"00"}


def test_amounts_keep_their_decimal_point_and_the_change_column_is_not_read() -> None:
    line = next(row for row in cells("expense") if row["kae"] == "6641.001")
    assert (line["budgeted"], line["adjusted"]) == ("4200000", "4550000.5")
    assert "adjustment" not in line  # 350000.5 is the amendment, not a level


def test_only_the_lines_of_the_year_are_lifted() -> None:
    ntriples = lift_sample()
    assert b'"2023"' not in ntriples
    assert b'/department-10/6113.001> <https://w3id.org/demoi/def/finance#paid> "9800"' in (
        ntriples
    )


def test_a_line_of_another_year_would_fail_validation_if_the_filter_were_bypassed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The mapping maps the fiscal year from --year and from the file, so the year filter
    cannot fail silently."""
    monkeypatch.setattr(athens_budget_module, "rows_of", lambda table, *_: table)
    lifted = lift(
        SAMPLE,
        get_mapping("athens-budget-expense"),
        municipality="4501",
        parameters={"year": "2024"},
        base_uri="http://127.0.0.1:8000/",
    )
    with pytest.raises(ValidationFailed):
        check_lifted(lifted, "en")


def test_the_mayor_s_name_is_never_read(tmp_path: Path) -> None:
    source = tmp_path / "athens.csv"
    line = "2024,Δ/ΝΣΗ ΟΙΚΟΝΟΜΙΚΩΝ,6113.001,Αμοιβές,100,0,100,0,0,0,,,2024,10,1,Γ. Παπαδόπουλος"
    source.write_text(f"{HEADER}\n{line}\n", encoding="utf-8")
    assert "Παπαδόπουλος".encode() not in lift_sample(source)


def test_a_bad_amount_is_left_out_with_skip_invalid_rows(tmp_path: Path) -> None:
    source = tmp_path / "athens.csv"
    good = "2024,Δ/ΝΣΗ ΟΙΚΟΝΟΜΙΚΩΝ,6113.001,Αμοιβές,100,0,100,0,0,0,,,2024,10,1,"
    bad = '2024,Δ/ΝΣΗ ΟΙΚΟΝΟΜΙΚΩΝ,6114.001,Αμοιβές,"1.500,00",0,100,0,0,0,,,2024,10,1,'
    source.write_text(f"{HEADER}\n{good}\n{bad}\n", encoding="utf-8")
    rejects: list[Reject] = []
    ntriples = lift_sample(source, rejects=rejects)
    assert b"6113.001" in ntriples and b"6114.001" not in ntriples
    assert [(str(reject.location), reject.reason) for reject in rejects] == [
        (f"{source}, line 3, column amount", "'1.500,00' in column 'amount' is not a number "
         "such as 17255.55"),
    ]  # fmt: skip


def test_a_side_that_is_neither_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "athens.csv"
    line = "2024,Δ/ΝΣΗ ΟΙΚΟΝΟΜΙΚΩΝ,6113.001,Αμοιβές,100,0,100,0,0,0,,,2024,10,2,"
    source.write_text(f"{HEADER}\n{line}\n", encoding="utf-8")
    with pytest.raises(DataError, match="'2' in column 'args_pro_esex' is not 1"):
        lift_sample(source)


def test_a_line_without_department_is_refused_not_dropped(tmp_path: Path) -> None:
    source = tmp_path / "athens.csv"
    line = "2024,Δ/ΝΣΗ ΟΙΚΟΝΟΜΙΚΩΝ,6113.001,Αμοιβές,100,0,100,0,0,0,,,2024,,1,"
    source.write_text(f"{HEADER}\n{line}\n", encoding="utf-8")
    with pytest.raises(DataError, match="'' in column 'args_pro_cdief' is not a department"):
        lift_sample(source)
