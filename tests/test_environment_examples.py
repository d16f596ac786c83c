"""The environment example workbooks are made by tools/make_environment_examples.py. A workbook's
bytes change with every save, so the generator is run into a temporary folder and the cell
values of every sheet are compared with the committed files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import openpyxl

from conftest import REPO

TOOL = REPO / "tools" / "make_environment_examples.py"


def cells(path: Path) -> dict[str, list[tuple[object, ...]]]:
    workbook = openpyxl.load_workbook(path, read_only=True)
    try:
        return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in workbook}
    finally:
        workbook.close()


def test_environment_examples_are_current(tmp_path: Path) -> None:
    completed = subprocess.run(
        [sys.executable, TOOL, "--out", tmp_path], capture_output=True, text=True, check=False
    )
    assert completed.returncode == 0, completed.stderr
    made = sorted(path.relative_to(tmp_path) for path in tmp_path.rglob("*.xlsx"))
    assert Path("examples/environment/0701-air-quality.xlsx") in made
    for relative in made:
        committed = REPO / relative
        assert committed.is_file(), f"{relative} is missing: run python {TOOL.name}"
        assert cells(tmp_path / relative) == cells(committed), f"run python tools/{TOOL.name}"
