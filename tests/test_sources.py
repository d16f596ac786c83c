"""Source readers: a workbook and a database give the same graph as the text export with the
same content; errors name the sheet and row; --skip-invalid-rows leaves bad rows out."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import openpyxl
import pytest
import rdflib
from rdflib.compare import isomorphic

from demoi.errors import DataError
from demoi.lifting import get_mapping, lift
from demoi.lifting.tabular import Reject

BASE = "http://127.0.0.1:8000/"
HEADER = ["Υπηρεσία", "Κ.Α.", "Περιγραφή", "Προϋπολογισθέντα", "Διαμορφωθέντα",
          "Δεσμευθέντα", "Ενταλθέντα", "Πληρωθέντα"]  # fmt: skip
ROWS = [
    ["10", "6011.01.01", "Τακτικές αποδοχές", 120000, 125000, 98000.5, 90000, 88000],
    ["20", "6262.01", "Συντήρηση φωτισμού", 15000.25, 15000.25, 9000, 8000, 8000],
]


def greek(value: object) -> str:
    return str(value).replace(".", ",") if not isinstance(value, str) else value


def lift_with(source: Path, source_format: str, **options: object) -> rdflib.Graph:
    mapping = get_mapping("budget-expense")
    if source_format != "csv":
        query = "SELECT * FROM budget" if source_format == "sqlite" else None
        mapping = dataclasses.replace(mapping, source_format=source_format, query=query)
    lifted = lift(
        source,
        mapping,
        municipality="4401",
        parameters={"year": "2024"},
        base_uri=BASE,
        **options,  # type: ignore[arg-type]
    )
    return rdflib.Graph().parse(data=lifted.ntriples, format="nt")


def write_csv(path: Path, rows: list[list[object]]) -> Path:
    lines = [";".join(HEADER)] + [";".join(greek(cell) for cell in row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_workbook(path: Path, rows: list[list[object]]) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Εκτέλεση"
    sheet.append(["Δήμος Καλαμάτας — εκτέλεση εξόδων 2024"])  # a title row above the header
    sheet.append([])
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def write_database(path: Path, rows: list[list[object]]) -> Path:
    with sqlite3.connect(path) as connection:
        columns = ", ".join(f'"{name}"' for name in HEADER)
        connection.execute(f"CREATE TABLE budget ({columns})")
        connection.executemany(f"INSERT INTO budget VALUES ({', '.join('?' * 8)})", rows)
    return path


def test_workbook_gives_the_graph_of_the_text_export(tmp_path: Path) -> None:
    text = lift_with(write_csv(tmp_path / "budget.csv", ROWS), "csv")
    workbook = lift_with(write_workbook(tmp_path / "budget.xlsx", ROWS), "excel")
    assert len(text) > 20
    assert isomorphic(text, workbook)


def test_database_gives_the_graph_of_the_text_export(tmp_path: Path) -> None:
    text = lift_with(write_csv(tmp_path / "budget.csv", ROWS), "csv")
    database = lift_with(write_database(tmp_path / "budget.sqlite", ROWS), "sqlite")
    assert isomorphic(text, database)


def test_workbook_error_names_sheet_row_and_column(tmp_path: Path) -> None:
    bad = [ROWS[0], ["20", "6262.01", "Συντήρηση", "πολλά", 1, 1, 1, 1]]
    with pytest.raises(DataError) as raised:
        lift_with(write_workbook(tmp_path / "budget.xlsx", bad), "excel")
    assert str(raised.value.location).endswith("sheet 'Εκτέλεση', row 5, column 4")
    assert "'πολλά' in column 'Προϋπολογισθέντα'" in raised.value.message


def test_unknown_sheet_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(Exception, match="no sheet 'Έσοδα'; the sheets are: Εκτέλεση"):
        lift_with(write_workbook(tmp_path / "budget.xlsx", ROWS), "excel", sheet="Έσοδα")


def test_skip_invalid_rows_leaves_them_out(tmp_path: Path) -> None:
    bad = [ROWS[0], ["20", "6262.01", "Συντήρηση", "1.2.3", "1", "1", "1", "1"]]
    rejects: list[Reject] = []
    graph = lift_with(write_csv(tmp_path / "budget.csv", bad), "csv", rejects=rejects)
    good = lift_with(write_csv(tmp_path / "good.csv", ROWS[:1]), "csv")
    assert isomorphic(graph, good)
    (reject,) = rejects
    assert str(reject.location).endswith("budget.csv, line 3, column 4")
    assert reject.cells[3] == "1.2.3"


def test_a_column_morph_kgc_overwrites_is_refused(tmp_path: Path) -> None:
    """Regression: a table column named `subject` came out as the subject's IRI."""
    import demoi.lifting as lifting

    table = lifting.Table(["subject"], [["x"]], "utf-8", [1])
    with pytest.raises(RuntimeError, match="column named 'subject'"):
        lifting._check_column_names({"source": table}, get_mapping("budget-expense"))
