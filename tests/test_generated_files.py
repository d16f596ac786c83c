"""Files made by tools/ are committed; these tests fail when they drift from their generator."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from conftest import REPO


def test_municipality_code_list_is_current(shared_data: Path, tmp_path: Path) -> None:
    out = tmp_path / "municipalities.ttl"
    completed = subprocess.run(
        [
            sys.executable,
            REPO / "tools" / "derive_codelists.py",
            "--data",
            shared_data,
            "--out",
            out,
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    committed = REPO / "ontologies" / "codelists" / "municipalities.ttl"
    assert out.read_bytes() == committed.read_bytes(), "run python tools/derive_codelists.py"


def test_budget_examples_are_current() -> None:
    completed = subprocess.run(
        [sys.executable, REPO / "tools" / "make_budget_examples.py", "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr


def test_code_list_has_332_municipalities_and_the_named_four() -> None:
    from demoi.municipalities import municipalities

    known = municipalities()
    assert len(known) == 332
    assert known["4401"].label_el == "Δήμος Καλαμάτας"
    assert known["0701"].label_el == "Δήμος Θεσσαλονίκης"
    assert known["4501"].label_el == "Δήμος Αθηναίων"
    # Two municipalities are called Ηρακλείου: the labels say which (the plain name is an altLabel).
    assert known["7101"].label_el == "Δήμος Ηρακλείου (Κρήτη)"
    store = ox.Store()
    store.load(
        path=str(REPO / "ontologies/codelists/municipalities.ttl"), format=ox.RdfFormat.TURTLE
    )
    regions = store.query(
        "ASK { <https://w3id.org/demoi/code/municipality/7101> "
        "<http://www.w3.org/2004/02/skos/core#broader>+ <https://w3id.org/demoi/code/region/EL43> }"
    )
    assert bool(regions)


@pytest.mark.parametrize(
    "tool",
    [
        "make_finance_codelists.py",
        "derive_catalogue_codelists.py",
        "derive_decision_types.py",
        "derive_centroids.py",
    ],
)
def test_generated_code_lists_are_current(tool: str, shared_data: Path) -> None:
    completed = subprocess.run(
        [sys.executable, REPO / "tools" / tool, "--check", "--data", shared_data],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
