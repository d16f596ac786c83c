"""The wheel carries the standards and works outside the repository.

Builds the wheel, installs it with `uv pip install` and the README's overrides into a fresh
virtual environment in a temporary folder, and runs the installed `demoi`: --help, then a demo
store built from the packaged ontologies, shapes, mappings and examples, then a query.
Offline: every package comes from uv's cache, which `make test`'s `uv sync` filled.
"""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from conftest import REPO

pytestmark = pytest.mark.slow


def uv() -> list[str]:
    """The uv the Makefile found (it exports UV), else uv on PATH."""
    return shlex.split(os.environ.get("UV", "uv"))


def run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    completed = subprocess.run(
        [str(arg) for arg in args], cwd=cwd, capture_output=True, text=True, env=env, timeout=600
    )
    assert completed.returncode == 0, f"{args}\n{completed.stdout}\n{completed.stderr}"
    return completed.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    run(*uv(), "build", "--wheel", "--offline", "--out-dir", out, str(REPO), cwd=REPO)
    (built,) = out.glob("demoi-*.whl")
    return built


def test_the_wheel_holds_the_standards(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    for expected in (
        "demoi/py.typed",
        "demoi/_standards/ontologies/finance.ttl",
        "demoi/_standards/ontologies/codelists/municipalities.ttl",
        "demoi/_standards/shapes/finance.ttl",
        "demoi/_standards/mappings/finance/budget-expense.toml",
        "demoi/_standards/mappings/finance/budget-expense.yarrrml.yml",
        "demoi/_standards/examples/budget/4401-2024-expense.utf16.csv",
    ):
        assert expected in names


def test_overrides_txt_is_the_pyproject_list() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    lines = (REPO / "overrides.txt").read_text(encoding="utf-8").splitlines()
    requirements = [line for line in lines if line and not line.startswith("#")]
    assert requirements == config["tool"]["uv"]["override-dependencies"]


def test_installed_wheel_runs_outside_the_repo(wheel: Path, tmp_path: Path) -> None:
    # The versions uv.lock pins, which `uv sync` cached, so the install needs no network.
    locked = tmp_path / "locked.txt"
    run(
        *uv(),
        "export",
        "--frozen",
        "--no-dev",
        "--no-emit-project",
        "--no-hashes",
        "--format",
        "requirements-txt",
        "--quiet",
        "--output-file",
        locked,
        cwd=REPO,
    )
    venv = tmp_path / "venv"
    run(*uv(), "venv", "--offline", "--python", sys.executable, venv, cwd=tmp_path)
    python = venv / "bin" / "python"
    # As the README tells anyone installing the wheel, plus the lock's versions as constraints.
    run(
        *uv(),
        "pip",
        "install",
        "--offline",
        "--python",
        python,
        "--override",
        REPO / "overrides.txt",
        "--constraint",
        locked,
        wheel,
        cwd=tmp_path,
    )
    demoi = venv / "bin" / "demoi"
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DEMOI_", "VIRTUAL_ENV"))
    }

    assert "lift" in run(demoi, "--help", cwd=tmp_path, env=env)
    store = tmp_path / "store"
    built = run(demoi, "demo", "--store", store, cwd=tmp_path, env=env)
    assert "graph/4401/budget-expense/2024" in built
    vocabularies = len(list((REPO / "ontologies").rglob("*.ttl")))
    assert f"from {vocabularies} files in ontologies/" in built
    answer = run(
        demoi,
        "query",
        "--store",
        store,
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
        cwd=tmp_path,
        env=env,
    )
    assert int(json.loads(answer)["results"]["bindings"][0]["n"]["value"]) > 1000
    # The package found its standards inside itself, not in this checkout.
    where = run(
        python,
        "-c",
        "import demoi.resources as r; print(r.standards_root())",
        cwd=tmp_path,
        env=env,
    )
    assert "_standards" in where and str(REPO) not in where
