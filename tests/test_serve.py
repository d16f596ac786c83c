"""`demoi serve` as operators run it: a real process on a free port, stopped by a signal."""

from __future__ import annotations

import json
import os
import re
import select
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from demoi.errors import StoreBusy
from demoi.store import OxigraphStore

#: The console script `uv run demoi` runs, from the environment running the tests.
DEMOI = str(Path(sys.executable).with_name("demoi"))
STARTUP_SECONDS = 60
SERVING = re.compile(
    r"^demoi serving (?P<store>\S+) on (?P<url>http://\S+/) \(SPARQL: /sparql\); Ctrl-C stops$"
)


class Served:
    def __init__(self, process: subprocess.Popen[str], url: str, line: str, log: Path):
        self.process = process
        self.url = url
        self.line = line
        self.log = log  # its standard error

    def get(self, path: str) -> tuple[int, dict[str, str], bytes]:
        with urllib.request.urlopen(self.url + path, timeout=30) as answer:
            return answer.status, dict(answer.headers), answer.read()

    def stop(self, signal_number: int = signal.SIGTERM) -> int:
        self.process.send_signal(signal_number)
        return self.process.wait(timeout=30)


def _first_line(process: subprocess.Popen[str]) -> str:
    assert process.stdout is not None
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        ready, _, _ = select.select([process.stdout], [], [], 0.5)
        if ready:
            return process.stdout.readline()
        if process.poll() is not None:
            break
    raise AssertionError(f"demoi serve printed nothing (exit code {process.poll()})")


def _wait_healthy(url: str) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while True:
        try:
            with urllib.request.urlopen(url + "healthz", timeout=5) as answer:
                if answer.status == 200:
                    return
        except OSError:
            if time.monotonic() > deadline:
                raise
        time.sleep(0.2)


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[Callable[..., Served]]:
    started: list[subprocess.Popen[str]] = []

    def start(*options: str) -> Served:
        log = tmp_path / f"serve-{len(started)}.log"
        with log.open("w") as stderr:
            process = subprocess.Popen(
                [DEMOI, "serve", "--port", "0", *options],
                stdout=subprocess.PIPE,
                stderr=stderr,
                text=True,
                cwd=tmp_path,
                start_new_session=True,  # its own process group: the reloader's child is in it
            )
        started.append(process)
        line = _first_line(process)
        match = SERVING.match(line)
        assert match, line + log.read_text()
        _wait_healthy(match["url"])
        return Served(process, match["url"], line, log)

    yield start
    for process in started:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        assert process.stdout is not None
        process.stdout.close()
        _wait_group_gone(process.pid)


def _wait_group_gone(group: int) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)
    raise AssertionError(f"processes of group {group} still run")


def _reopens(store: Path) -> bool:
    opened = OxigraphStore(store)
    opened.close()
    return True


def test_serve_runs_waitress_with_its_threads_and_stops_cleanly_on_sigterm(
    serve: Callable[..., Served],
    tmp_path: Path,
) -> None:
    store = tmp_path / "store"
    served = serve("--threads", "3", "--store", str(store))
    assert served.line == f"demoi serving {store} on {served.url} (SPARQL: /sparql); Ctrl-C stops\n"
    assert "waitress, 3 threads" in served.log.read_text()
    status, headers, body = served.get("healthz")
    assert status == 200 and headers["Server"] == "waitress"
    assert json.loads(body)["status"] == "ok"
    status, _, body = served.get("sparql?query=ASK%7B%7D&format=json")
    assert status == 200 and json.loads(body)["boolean"] is True
    assert '"GET /sparql?query=ASK%7B%7D&format=json HTTP/1.1" 200' in served.log.read_text()
    with pytest.raises(StoreBusy):  # one process owns the store while it serves
        OxigraphStore(store)
    assert served.stop(signal.SIGTERM) == 0
    _wait_group_gone(served.process.pid)
    assert _reopens(store)  # closed, and its lock released


def test_ctrl_c_stops_it_cleanly_too(serve: Callable[..., Served], tmp_path: Path) -> None:
    store = tmp_path / "store"
    served = serve("--store", str(store))
    assert "waitress, 8 threads" in served.log.read_text()  # the threads setting's default
    assert served.stop(signal.SIGINT) == 0
    _wait_group_gone(served.process.pid)
    assert _reopens(store)


def test_threads_come_from_the_environment(
    serve: Callable[..., Served],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DEMOI_THREADS", "2")
    served = serve("--store", str(tmp_path / "store"))
    assert "waitress, 2 threads" in served.log.read_text()
    assert served.stop() == 0


def test_port_zero_mints_iris_on_the_port_really_taken(
    serve: Callable[..., Served], tmp_path: Path
) -> None:
    served = serve("--store", str(tmp_path / "store"))
    status, _, body = served.get("sparql")  # the service description names its endpoint
    assert status == 200 and f"{served.url}sparql".encode() in body
    assert ":0/" not in served.url
    assert served.stop() == 0


def test_dev_runs_the_reloading_development_server(
    serve: Callable[..., Served], tmp_path: Path
) -> None:
    store = tmp_path / "store"
    served = serve("--dev", "--store", str(store))
    assert "development server, restarting on code changes" in served.log.read_text()
    status, headers, _ = served.get("healthz")
    assert status == 200 and headers["Server"].startswith("Werkzeug")
    status, _, body = served.get("sparql?query=ASK%7B%7D&format=json")
    assert status == 200 and json.loads(body)["boolean"] is True
    assert served.stop(signal.SIGTERM) == 0
    _wait_group_gone(served.process.pid)
    assert _reopens(store)
    assert "Debugger is active" not in served.log.read_text()


def test_a_busy_port_is_a_usage_error_and_touches_no_store(
    serve: Callable[..., Served],
    tmp_path: Path,
) -> None:
    served = serve("--store", str(tmp_path / "store"))
    port = served.url.rsplit(":", 1)[1].rstrip("/")
    other = tmp_path / "other"
    result = subprocess.run(
        [DEMOI, "serve", "--port", port, "--store", str(other)],
        capture_output=True,
        text=True,
        timeout=STARTUP_SECONDS,
    )
    assert result.returncode == 2
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr
    assert not other.exists()
    assert served.stop() == 0
