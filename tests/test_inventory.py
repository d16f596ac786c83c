"""The inventory municipality × functional area (demoi.inventory, /inventory, `demoi inventory`)
on a real store built here: Kalamata (4401) facilities and Thessaloniki (0701) budget lifted
from examples/, read before and after `demoi validate --store`; then a places graph of 0701
made from a failing shape case (as tests/test_store_conformance.py makes it), so one cell does
not conform; and the demo store of the fixtures."""

from __future__ import annotations

import csv
import io
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from flask import Flask
from flask.testing import FlaskClient

from conftest import DEMO_BASE, lift_example_file
from demoi.cli import cli
from demoi.inventory import (
    CONFORMING,
    CSV_COLUMNS,
    MISSING,
    NOT_CONFORMING,
    UNCHECKED,
    inventory,
)
from demoi.publishing import publish_lifted
from demoi.server import app_store
from demoi.server import inventory_page as page_module
from demoi.server.example_queries import functional_areas
from demoi.store import OxigraphStore
from test_store_conformance import case_data, publish_by_hand

BASE = "http://demoi.test/"
BROKEN = f"{BASE}graph/0701/facilities"
AREAS = len(functional_areas())
FACILITIES = ("places/4401-facilities.qgis.csv", "facilities", "4401", {})
BUDGET = ("budget/0701-2024-expense.cp1253.csv", "budget-expense", "0701", {"year": "2024"})


def publish(path: Path, source: str, mapping: str, code: str, parameters: dict[str, str]) -> None:
    store = OxigraphStore(path)
    try:
        publish_lifted(
            store, lift_example_file(source, mapping, code, BASE, parameters), base_uri=BASE
        )
    finally:
        store.close()


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), env={"DEMOI_BASE_URI": BASE})


def validate(path: Path) -> None:
    """`demoi validate --store`: exit 1 is a result (some graph has violations; it checks
    demoi's own catalogue graphs too, which no inventory cell counts), not a failure."""
    result = run("validate", "--store", str(path), "--base-uri", BASE)
    assert result.exit_code in (0, 1), result.output


def read_json(path: Path) -> dict[str, Any]:
    result = run("inventory", "--store", str(path), "--format", "json")
    assert result.exit_code == 0, result.output
    found: dict[str, Any] = json.loads(result.stdout)
    return found


def state(found: dict[str, Any], code: str, area: str) -> str:
    (municipality,) = [m for m in found["municipalities"] if m["code"] == code]
    cell_state: str = municipality["areas"][area]["state"]
    return cell_state


@pytest.fixture(scope="module")
def stages(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, dict[str, Any]]]:
    """The store through its life, with the inventory (JSON of the CLI) at each stage; the
    store ends with 0701's failing places graph checked."""
    path = tmp_path_factory.mktemp("inventory") / "store"
    publish(path, *FACILITIES)
    publish(path, *BUDGET)
    seen = {"lifted": read_json(path)}
    validate(path)
    seen["validated"] = read_json(path)
    store = OxigraphStore(path)
    try:
        publish_by_hand(
            store, BROKEN, "0701", "places", case_data("capacity-negative-min-inclusive")
        )
    finally:
        store.close()
    seen["broken"] = read_json(path)
    validate(path)
    seen["checked"] = read_json(path)
    return path, seen


# ---------------------------------------------------------------------------------------------
# The cells


def test_a_published_graph_is_unchecked_until_the_store_is_validated(
    stages: tuple[Path, dict[str, dict[str, Any]]],
) -> None:
    lifted = stages[1]["lifted"]
    assert state(lifted, "4401", "places") == UNCHECKED
    assert state(lifted, "0701", "finance") == UNCHECKED
    assert lifted["summary"]["states"] == {
        CONFORMING: 0,
        NOT_CONFORMING: 0,
        UNCHECKED: 2,
        MISSING: 332 * AREAS - 2,
    }


def test_cells_after_validation(stages: tuple[Path, dict[str, dict[str, Any]]]) -> None:
    validated = stages[1]["validated"]
    assert state(validated, "4401", "places") == CONFORMING
    assert state(validated, "0701", "finance") == CONFORMING
    assert state(validated, "4401", "finance") == MISSING
    assert state(validated, "0101", "places") == MISSING
    (kalamata,) = [m for m in validated["municipalities"] if m["code"] == "4401"]
    places = kalamata["areas"]["places"]
    assert places["datasets"] == ["facilities"]
    assert places["graphs"] == 1 and places["triples"] == 368 and places["violations"] == 0
    assert places["modified"].startswith("20")
    assert kalamata["areas"]["finance"] == {
        "state": MISSING,
        "datasets": [],
        "graphs": 0,
        "triples": 0,
        "modified": None,
        "violations": 0,
    }


def test_a_graph_with_violations_makes_its_cell_not_conform(
    stages: tuple[Path, dict[str, dict[str, Any]]],
) -> None:
    seen = stages[1]
    # Published after the last check: unchecked, not conforming by an old report.
    assert state(seen["broken"], "0701", "places") == UNCHECKED
    checked = seen["checked"]
    assert state(checked, "0701", "places") == NOT_CONFORMING
    (thessaloniki,) = [m for m in checked["municipalities"] if m["code"] == "0701"]
    assert thessaloniki["areas"]["places"]["violations"] >= 1
    assert thessaloniki["areas"]["places"]["datasets"] == ["facilities"]
    assert state(checked, "0701", "finance") == CONFORMING
    assert thessaloniki["total"]["states"][NOT_CONFORMING] == 1
    assert thessaloniki["total"]["published"] == 2


def test_summary_numbers(stages: tuple[Path, dict[str, dict[str, Any]]]) -> None:
    summary = stages[1]["checked"]["summary"]
    assert summary["municipalities"] == 332
    assert summary["municipalities_publishing"] == 2
    assert summary["areas"] == AREAS
    assert summary["cells"] == 332 * AREAS
    assert summary["published"] == 3
    assert summary["graphs"] == 3
    assert summary["states"][CONFORMING] == 2
    assert summary["states"][NOT_CONFORMING] == 1
    places = summary["per_area"]["places"]
    assert places["published"] == 2
    assert places["coverage_percent"] == round(100 * 2 / 332, 1) == 0.6
    assert summary["per_area"]["finance"]["states"][CONFORMING] == 1
    assert summary["per_area"]["culture"]["coverage_percent"] == 0.0


def test_a_report_older_than_the_last_publication_does_not_count(tmp_path: Path) -> None:
    # A graph published again after its check holds something nobody checked.
    path = tmp_path / "store"
    publish(path, *FACILITIES)
    validate(path)
    assert state(read_json(path), "4401", "places") == CONFORMING
    time.sleep(1.1)  # records keep seconds: a second later, the publication is newer
    publish(path, *FACILITIES)
    assert state(read_json(path), "4401", "places") == UNCHECKED


def test_demois_own_catalogue_graph_does_not_make_a_cell_published(
    stages: tuple[Path, dict[str, dict[str, Any]]],
) -> None:
    # Every publishing municipality has {base}graph/<code>/catalogue, checked against the
    # catalogue profile; the catalogue column is the municipality's own data inventory.
    checked = stages[1]["checked"]
    assert state(checked, "4401", "catalogue") == MISSING
    assert state(checked, "0701", "catalogue") == MISSING


def test_one_query_for_the_whole_matrix(stages: tuple[Path, dict[str, dict[str, Any]]]) -> None:
    store = OxigraphStore(stages[0])
    calls: list[str] = []
    query = store.query

    def counted(text: str, **options: Any) -> Any:
        calls.append(text)
        return query(text, **options)

    store.query = counted  # type: ignore[method-assign]
    try:
        found = inventory(store, BASE)
    finally:
        store.close()
    assert len(calls) == 1
    assert len(found.cells) == 332 * AREAS


# ---------------------------------------------------------------------------------------------
# The CLI


def test_cli_csv_has_a_row_per_municipality_and_area(
    stages: tuple[Path, dict[str, dict[str, Any]]],
) -> None:
    result = run("inventory", "--store", str(stages[0]))
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert tuple(rows[0].keys()) == CSV_COLUMNS
    assert len(rows) == 332 * AREAS
    assert len({(row["code"], row["area"]) for row in rows}) == 332 * AREAS
    by_cell = {(row["code"], row["area"]): row for row in rows}
    places = by_cell[("0701", "places")]
    assert places["municipality_el"] == "Δήμος Θεσσαλονίκης"
    assert places["municipality_en"] == "Municipality of Thessaloniki"
    assert places["area_el"] == "Τόποι και εγκαταστάσεις"
    assert places["state"] == NOT_CONFORMING and int(places["violations"]) >= 1
    assert by_cell[("0701", "finance")]["datasets"] == "budget-expense"
    assert by_cell[("0701", "finance")]["triples"] == "101"
    assert by_cell[("4501", "finance")]["state"] == MISSING


def test_cli_one_municipality(stages: tuple[Path, dict[str, dict[str, Any]]]) -> None:
    result = run("inventory", "--store", str(stages[0]), "--municipality", "4401")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [row["area"] for row in rows] == list(functional_areas())
    assert {row["code"] for row in rows} == {"4401"}
    found = json.loads(
        run(
            "inventory", "--store", str(stages[0]), "--municipality", "4401", "--format", "json"
        ).stdout
    )
    assert [m["code"] for m in found["municipalities"]] == ["4401"]
    assert found["summary"]["municipalities"] == 1


@pytest.mark.parametrize(
    ("language", "title", "words"),
    [
        ("el", "Απογραφή: δήμοι × λειτουργικά πεδία", "δεν συμμορφώνεται"),
        ("en", "Inventory: municipalities × functional areas", "does not conform"),
    ],
)
def test_cli_html_document(
    stages: tuple[Path, dict[str, dict[str, Any]]], language: str, title: str, words: str
) -> None:
    result = run("inventory", "--store", str(stages[0]), "--format", "html", "--lang", language)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("<!doctype html>")
    assert f'<html lang="{language}">' in result.stdout
    assert title in result.stdout
    assert words in result.stdout


def test_cli_unknown_municipality_is_a_usage_error(
    stages: tuple[Path, dict[str, dict[str, Any]]],
) -> None:
    result = run("inventory", "--store", str(stages[0]), "--municipality", "9999")
    assert result.exit_code == 2
    assert "unknown municipality '9999'" in result.output
    assert "Traceback" not in result.output


def test_cli_without_a_store_is_a_usage_error(tmp_path: Path) -> None:
    result = run("inventory", "--store", str(tmp_path / "none"))
    assert result.exit_code == 2 and "no store there" in result.output
    assert not (tmp_path / "none").exists()


# ---------------------------------------------------------------------------------------------
# /inventory


@pytest.fixture
def client(
    stages: tuple[Path, dict[str, dict[str, Any]]], make_app: Callable[..., Flask]
) -> FlaskClient:
    app = make_app(STORE=str(stages[0]), BASE_URI=BASE, RATE_LIMIT="", TOKEN_RATE_LIMIT="")
    return app.test_client()


def row_of(page: str, code: str) -> str:
    start = page.index(f'<tr data-code="{code}">')
    return page[start : page.index("</tr>", start)]


def cell_of(row: str, area: str) -> str:
    start = row.index(f'data-area="{area}"')
    return row[row.rindex("<td", 0, start) : row.index("</td>", start)]


@pytest.mark.parametrize(
    ("language", "conforms", "fails", "missing"),
    [
        ("el", "συμμορφώνεται", "δεν συμμορφώνεται", "λείπει"),
        ("en", "conforms", "does not conform", "missing"),
    ],
)
def test_page_in_both_languages(
    client: FlaskClient, language: str, conforms: str, fails: str, missing: str
) -> None:
    response = client.get(f"/inventory?lang={language}")
    assert response.status_code == 200
    assert response.content_type == "text/html; charset=utf-8"
    page = response.get_data(as_text=True)
    assert f'<html lang="{language}">' in page
    assert "<caption>" in page and '<th scope="row">' in page
    kalamata = row_of(page, "4401")
    places = cell_of(kalamata, "places")
    # Colour (the class) and words, never colour alone.
    assert 'class="state-published-conforming"' in places and conforms in places
    assert "facilities" in places
    thessaloniki = row_of(page, "0701")
    failing = cell_of(thessaloniki, "places")
    assert 'class="state-published-not-conforming"' in failing and fails in failing
    empty = cell_of(kalamata, "finance")
    assert 'class="state-missing"' in empty and missing in empty


def test_page_lists_municipalities_with_data_first(client: FlaskClient) -> None:
    page = client.get("/inventory?lang=en").get_data(as_text=True)
    order = [part.split('"', 1)[0] for part in page.split('<tr data-code="')[1:]]
    assert len(order) == 332
    # Thessaloniki has two areas with data, Kalamata one.
    assert order[:2] == ["0701", "4401"]


def test_page_narrowed_to_a_region(client: FlaskClient) -> None:
    from demoi.server.home import regions_of_municipalities

    region = regions_of_municipalities()["4401"].code
    page = client.get(f"/inventory?lang=en&region={region}").get_data(as_text=True)
    assert '<tr data-code="4401">' in page and '<tr data-code="0701">' not in page
    assert f'<option value="{region}" selected>' in page
    rows = list(
        csv.DictReader(
            io.StringIO(client.get(f"/inventory?region={region}&format=csv").get_data(as_text=True))
        )
    )
    assert {row["code"] for row in rows} == {
        code for code, home in regions_of_municipalities().items() if home.code == region
    }


@pytest.mark.parametrize(
    ("accept", "media_type"),
    [
        ("text/csv", "text/csv"),
        ("application/json", "application/json"),
        ("text/html", "text/html"),
        ("*/*", "text/html"),
        ("", "text/html"),
        ("text/*;q=0.5, application/json", "application/json"),
        ("*/*, text/html;q=0", "text/csv"),
    ],
)
def test_content_negotiation(client: FlaskClient, accept: str, media_type: str) -> None:
    response = client.get("/inventory", headers={"Accept": accept})
    assert response.status_code == 200
    assert response.mimetype == media_type
    assert "Accept" in response.headers["Vary"]


def test_not_acceptable(client: FlaskClient) -> None:
    response = client.get("/inventory", headers={"Accept": "image/png"})
    assert response.status_code == 406
    assert response.get_json()["error"]["code"] == "not-acceptable"


def test_format_parameter_wins_over_accept(client: FlaskClient) -> None:
    response = client.get("/inventory?format=json", headers={"Accept": "text/csv"})
    assert response.status_code == 200 and response.mimetype == "application/json"
    assert response.get_json()["summary"]["municipalities_publishing"] == 2
    csv_text = client.get("/inventory?format=csv", headers={"Accept": "image/png"})
    assert csv_text.status_code == 200 and csv_text.mimetype == "text/csv"
    assert len(list(csv.DictReader(io.StringIO(csv_text.get_data(as_text=True))))) == 332 * AREAS


@pytest.mark.parametrize(
    "query", ["format=xml", "municipality=9999", "region=nowhere"], ids=["format", "code", "region"]
)
def test_bad_parameters_are_400(client: FlaskClient, query: str) -> None:
    response = client.get(f"/inventory?{query}")
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == "usage-error"


def test_page_is_computed_again_after_a_write(client: FlaskClient) -> None:
    assert client.get("/inventory?format=json").get_json()["summary"]["graphs"] == 3
    store = app_store(client.application)
    publish_by_hand(
        store, f"{BASE}graph/4501/facilities", "4501", "places", case_data("valid-library-kalamata")
    )
    found = client.get("/inventory?format=json").get_json()
    assert found["summary"]["graphs"] == 4
    assert state(found, "4501", "places") == UNCHECKED


def test_texts_have_the_same_keys_in_both_languages() -> None:
    assert page_module.TEXT["el"].keys() == page_module.TEXT["en"].keys()
    assert page_module.STATE_TEXT["el"].keys() == page_module.STATE_TEXT["en"].keys()


# ---------------------------------------------------------------------------------------------
# The demo store


def test_demo_store_inventory_matches_the_home_page(demo_client: FlaskClient) -> None:
    found = demo_client.get("/inventory?format=json").get_json()
    assert found["base"] == DEMO_BASE
    summary = found["summary"]
    assert summary["municipalities_publishing"] == 1
    (kalamata,) = [m for m in found["municipalities"] if m["total"]["published"]]
    assert kalamata["code"] == "4401"
    # The demo publishes every area, and nothing validates it: every cell is unchecked.
    assert {cell["state"] for cell in kalamata["areas"].values()} == {UNCHECKED}
    from demoi.server.home import grouped_number

    home = demo_client.get("/?lang=en").get_data(as_text=True)
    assert f'<dd id="total-graphs">{grouped_number(summary["graphs"])}</dd>' in home
    assert f'<dd id="total-triples">{grouped_number(summary["triples"])}</dd>' in home


def test_demo_store_page(demo_client: FlaskClient) -> None:
    response = demo_client.get("/inventory?lang=el&municipality=4401")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert page.count("<tr data-code=") == 1
    assert page.count('<td class="state-published-unchecked"') == AREAS
