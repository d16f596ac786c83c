"""Shared fixtures: a real Oxigraph store in a temporary folder, a fresh app per test, and a
real HTTP server on an ephemeral loopback port."""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.serving import make_server

from demoi.demo.generated import GeneratedSource
from demoi.lifting import Lifted, get_mapping, lift
from demoi.server import app_store, create_app
from demoi.store import OxigraphStore

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"
SHARED_DATA = REPO.parent / "shared" / "data" / "external"


def edited_example(name: str, line: int, cell: int, value: str) -> str:
    """The text of examples/budget/<name> with one cell (1-based line and cell) replaced."""
    lines = (EXAMPLES / "budget" / name).read_text(encoding="utf-8").splitlines()
    cells = lines[line - 1].split(";")
    cells[cell - 1] = value
    lines[line - 1] = ";".join(cells)
    return "\n".join(lines) + "\n"


@pytest.fixture(autouse=True)
def hermetic_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests see only the DEMOI_* variables they set themselves (make exports some)."""
    for name in list(os.environ):
        if name.startswith("DEMOI_"):
            monkeypatch.delenv(name)


@pytest.fixture
def shared_data() -> Path:
    """The real data beside the project (../shared/data/external); CI always has it."""
    assert SHARED_DATA.is_dir(), f"{SHARED_DATA} is missing: tests read real data from there"
    return SHARED_DATA


DEMO_BASE = "http://demoi.test/"
DEMO_MUNICIPALITY = "4401"


@pytest.fixture(scope="session")
def demo_store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding the demo of Kalamata (4401) at a tenth of its size, every area and the
    standards, built once per test run under DEMO_BASE. Read-only: a test that writes copies it
    first (``demo_store_copy``)."""
    from demoi.demo import DemoOptions, build_demo

    path = tmp_path_factory.mktemp("demo") / "store"
    store = OxigraphStore(path)
    try:
        options = DemoOptions(municipalities=[DEMO_MUNICIPALITY], scale=0.1)
        for _line in build_demo(store, base_uri=DEMO_BASE, options=options):
            pass
    finally:
        store.close()
    return path


@pytest.fixture(scope="session")
def demo_app(demo_store_path: Path) -> Flask:
    """One app over the demo store for the tests that only read it; no rate limit, since many
    tests share it."""
    return create_app(
        {
            "STORE": str(demo_store_path),
            "BASE_URI": DEMO_BASE,
            "RATE_LIMIT": "",
            "TOKEN_RATE_LIMIT": "",
        }
    )


@pytest.fixture
def demo_client(demo_app: Flask) -> FlaskClient:
    return demo_app.test_client()


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "store"


@pytest.fixture
def store(store_path: Path) -> Iterator[OxigraphStore]:
    opened = OxigraphStore(store_path)
    yield opened
    opened.close()


@pytest.fixture
def app(store_path: Path) -> Iterator[Flask]:
    app = create_app({"TESTING": True, "STORE": str(store_path), "BASE_URI": "http://demoi.test/"})
    yield app
    app_store(app).close()


@pytest.fixture
def make_app(tmp_path: Path) -> Iterator[Callable[..., Flask]]:
    """A factory for apps with their own settings (upper-case keys), each on a fresh store;
    every store is closed at the end of the test."""
    made: list[Flask] = []

    def make(**config: object) -> Flask:
        config.setdefault("STORE", str(tmp_path / f"store-{len(made)}"))
        made.append(create_app(config))
        return made[-1]

    yield make
    for app in made:
        app_store(app).close()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@contextmanager
def served(app: Flask) -> Iterator[str]:
    """``app`` behind real HTTP on 127.0.0.1 and a port the OS picks; yields its base URL."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture
def live_server(app: Flask) -> Iterator[str]:
    with served(app) as url:
        yield url


def workbook(path: Path, sheets: dict[str, Sequence[Sequence[object]]]) -> Path:
    """Write an .xlsx with these sheets (name -> rows), for workbook readers' tests."""
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, content in sheets.items():
        sheet = book.create_sheet(name)
        for row in content:
            sheet.append(list(row))
    book.save(path)
    return path


def lift_example_file(
    source: str,
    mapping: str,
    code: str,
    base_uri: str,
    parameters: dict[str, str] | None = None,
    **options: Any,
) -> Lifted:
    """Lift ``examples/<source>`` with ``mapping`` for municipality ``code``."""
    return lift(
        EXAMPLES / source,
        get_mapping(mapping),
        municipality=code,
        parameters=parameters or {},
        base_uri=base_uri,
        **options,
    )


def lift_generated(source: GeneratedSource, code: str, folder: Path, base_uri: str) -> Lifted:
    """Write a demo generator's file into ``folder`` and lift it as `demoi demo` would."""
    path = folder / source.filename
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(source.content)
    return lift(
        path,
        get_mapping(source.mapping),
        municipality=code,
        parameters=source.parameters,
        base_uri=base_uri,
        sheet=source.sheet,
        dataset=source.dataset,
    )


def load_benchmark(name: str) -> Any:
    """benchmarks/<name>.py as a module (the benchmarks are scripts, not a package), for the
    tests that run them at a tiny scale so that they cannot rot."""
    import importlib.util

    path = REPO / "benchmarks" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"benchmark_{name}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def canary() -> Iterator[Any]:
    """A loopback HTTP server that records every request (tests/test_canary.py): named where
    demoi must not fetch, it proves nothing was fetched."""
    from test_canary import Canary

    server = Canary()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


FRESH_PROCESS = "DEMOI_TEST_FRESH_PROCESS"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests marked ``fresh_process`` run in a pytest of their own, one per test file: the
    parallel validation forks only from a process with no other thread (demoi.parallel_shapes),
    and a test run has the threads of every store the other tests opened."""
    if os.environ.get(FRESH_PROCESS) == "1":
        return
    for item in items:
        if item.get_closest_marker("fresh_process") is not None:
            item.runtest = functools.partial(_outcome_in_fresh_process, item)  # type: ignore[method-assign]


def _outcome_in_fresh_process(item: pytest.Item) -> None:
    outcome = _fresh_outcomes(str(item.path)).get(item.name, "did not run")
    assert outcome == "passed", f"in a fresh process: {outcome}"


@functools.cache
def _fresh_outcomes(test_file: str) -> dict[str, str]:
    """Each test of ``test_file`` and how it went, from one pytest run in a new process."""
    import subprocess
    import tempfile
    import xml.etree.ElementTree as ElementTree

    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.xml"
        finished = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", "-p", "no:cacheprovider",
             test_file, f"--junitxml={report}"],
            env={**os.environ, FRESH_PROCESS: "1"},
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=1800,
            check=False,
        )  # fmt: skip
        if not report.is_file():
            return {"": finished.stdout[-2000:] + finished.stderr[-2000:]}
        outcomes = {}
        for case in ElementTree.parse(report).iter("testcase"):
            problem = next(iter(case), None)
            outcomes[case.get("name", "")] = (
                "passed" if problem is None else f"{problem.tag}: {problem.get('message')}"
            )
        return outcomes


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """The W3C SHACL core pass counts, when tests/test_w3c_shacl.py ran (docs/validation.md)."""
    w3c = sys.modules.get("test_w3c_shacl")
    for line in w3c.summary_lines() if w3c is not None else []:
        terminalreporter.write_line(line)


def git(repository: Path, *args: str) -> str:
    """Run git in a throwaway repository of a test, as a named committer."""
    return subprocess.run(
        [
            "git",
            "-C",
            str(repository),
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@example.org",
            *args,
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
