"""The serving benchmark's pieces on the demo store: every query of the mix parses and returns
rows, the clients reach a real server, and the percentile helper is right. No timing is
asserted: benchmarks/serve.py only prints numbers."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from urllib.parse import urlsplit

import pyoxigraph as ox
import pytest
from flask import Flask
from flask.testing import FlaskClient

from conftest import load_benchmark, served


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return load_benchmark("serve")  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def demo_iris(bench: ModuleType, demo_store_path: Path) -> list[str]:
    return bench.sample_iris(ox.Store.read_only(str(demo_store_path)), 20)  # type: ignore[no-any-return]


@pytest.fixture
def demo_endpoint(bench: ModuleType, demo_app: Flask) -> Iterator[object]:
    with served(demo_app) as url:
        yield bench.Endpoint("127.0.0.1", urlsplit(url).port, "/sparql")


def test_the_mix_has_the_seven_queries_of_the_issue(bench: ModuleType) -> None:
    assert bench.MIX == (
        "lookup",
        "filter_order_limit",
        "aggregate",
        "join",
        "optional",
        "count_distinct",
        "path",
    )


def test_lookups_sample_distinct_real_iris(bench: ModuleType, demo_iris: list[str]) -> None:
    assert len(demo_iris) == 20
    assert len(set(demo_iris)) == 20
    assert all(iri.startswith("http://demoi.test/id/") for iri in demo_iris)


@pytest.mark.parametrize(
    "name",
    ["lookup", "filter_order_limit", "aggregate", "join", "optional", "count_distinct", "path"],
)
def test_each_query_of_the_mix_returns_rows_on_the_demo(
    bench: ModuleType, demo_client: FlaskClient, demo_iris: list[str], name: str
) -> None:
    response = demo_client.get(
        "/sparql",
        query_string={"query": bench.query_text(name, demo_iris[0])},
        headers={"Accept": bench.RESULTS_JSON},
    )
    assert response.status_code == 200, response.get_data(as_text=True)
    assert json.loads(response.data)["results"]["bindings"], f"{name} returned no rows"


def test_clients_send_the_mix_to_a_real_server(
    bench: ModuleType, demo_endpoint: object, demo_iris: list[str]
) -> None:
    samples, elapsed = bench.run_http(
        demo_endpoint, bench.mix_workload(demo_iris), clients=2, duration=0.5, processes=2
    )
    assert elapsed >= 0.5
    assert samples and all(sample.ok for sample in samples)
    assert {sample.label for sample in samples} <= set(bench.MIX)
    assert len({sample.label for sample in samples}) > 1  # the clients cycle through the mix


def test_inprocess_runs_serialise_every_query(bench: ModuleType, demo_iris: list[str]) -> None:
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode(demo_iris[0]), ox.NamedNode("urn:p"), ox.Literal("x")))
    samples, _elapsed = bench.run_inprocess(
        store, bench.single_query("lookup", demo_iris), threads=2, duration=0.2
    )
    assert samples and {sample.label for sample in samples} == {"lookup"}


def test_the_portal_workload_is_zipf_over_forty_queries(
    bench: ModuleType, demo_iris: list[str]
) -> None:
    portal = bench.portal_workload(demo_iris * 3)
    assert len(portal.variants) == 40
    assert len({text for texts in portal.variants.values() for text in texts}) == 26
    weights = list(portal.weights.values())
    assert weights == sorted(weights, reverse=True)
    assert weights[0] / weights[9] == pytest.approx(10**1.1)


@pytest.mark.parametrize(
    ("values", "p", "expected"),
    [
        (list(range(1, 101)), 50, 50.5),
        (list(range(1, 101)), 95, 95.05),
        (list(range(1, 101)), 99, 99.01),
        (list(range(100, 0, -1)), 99, 99.01),  # order does not matter
        ([4.0, 1.0, 3.0, 2.0], 50, 2.5),
        ([7.0], 99, 7.0),
        ([1.0, 2.0], 100, 2.0),
    ],
)
def test_percentile_interpolates_between_ranks(
    bench: ModuleType, values: list[float], p: float, expected: float
) -> None:
    assert bench.percentile(values, p) == pytest.approx(expected)


def test_percentile_of_nothing_is_an_error(bench: ModuleType) -> None:
    with pytest.raises(ValueError):
        bench.percentile([], 50)


def test_summary_counts_failures_by_status(bench: ModuleType) -> None:
    samples = [bench.Sample("q", 0.010, True), bench.Sample("q", 0.020, True)]
    samples += [bench.Sample("q", 0.001, False, 503)] * 3
    measured = bench.summarise("system", 8, "q", samples, elapsed=2.0)
    assert (measured.requests, measured.rate, measured.errors) == (2, 1.0, "3 (503×3)")
    assert measured.p50 == pytest.approx(15.0)
