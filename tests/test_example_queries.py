"""The example queries of the home page: each runs on the demo store through /sparql and
answers rows; every functional area has one; the header format is checked; the query page
preloads them."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from demoi.errors import DataError
from demoi.server import home, query_page
from demoi.server.example_queries import (
    AREA_ORDER,
    QUERIES,
    ExampleQuery,
    example_queries,
    functional_areas,
    load_examples,
)

EXAMPLES = example_queries()


@pytest.mark.parametrize("example", EXAMPLES, ids=[example.name for example in EXAMPLES])
def test_example_answers_rows_on_the_demo(demo_client: FlaskClient, example: ExampleQuery) -> None:
    answer = demo_client.post(
        "/sparql",
        data={"query": example.text},
        headers={"Accept": "application/sparql-results+json"},
    )
    assert answer.status_code == 200, answer.get_data(as_text=True)
    bindings = answer.get_json()["results"]["bindings"]
    assert bindings, f"{example.name} answers no rows on the demo"
    # A row of nothing but unbound variables is no answer either.
    assert any(row for row in bindings)


def test_every_functional_area_has_an_example() -> None:
    covered = {example.area for example in EXAMPLES}
    assert covered == set(functional_areas())


def test_area_order_is_the_code_lists() -> None:
    assert set(AREA_ORDER) == set(functional_areas())
    assert list(functional_areas()) == list(AREA_ORDER)


def test_every_example_has_both_languages() -> None:
    for example in EXAMPLES:
        for language in ("el", "en"):
            assert example.title(language) and example.description(language)
        assert example.title("el") != example.title("en")


def test_the_guide_lists_every_example() -> None:
    guide = (Path(__file__).parent.parent / "docs" / "pages.md").read_text(encoding="utf-8")
    for example in EXAMPLES:
        assert f"| `{example.name}` |" in guide


def test_a_header_line_in_the_wrong_shape_names_file_and_line(tmp_path: Path) -> None:
    good = (QUERIES / "finance-paid-per-kae-chapter.rq").read_text(encoding="utf-8")
    lines = good.splitlines()
    lines[2] = "# descripton@el: misspelt"
    (tmp_path / "finance-broken.rq").write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load_examples(tmp_path)
    assert "finance-broken.rq, line 3" in str(raised.value)


def test_a_missing_translation_is_named(tmp_path: Path) -> None:
    good = (QUERIES / "finance-paid-per-kae-chapter.rq").read_text(encoding="utf-8")
    without_english_title = "\n".join(
        line for line in good.splitlines() if not line.startswith("# title@en")
    )
    (tmp_path / "finance-untranslated.rq").write_text(without_english_title, encoding="utf-8")
    with pytest.raises(DataError, match="lacks title@en"):
        load_examples(tmp_path)


def test_a_file_outside_the_areas_is_refused(tmp_path: Path) -> None:
    (tmp_path / "gardening-roses.rq").write_text("SELECT * WHERE { ?s ?p ?o }", encoding="utf-8")
    with pytest.raises(DataError, match="gardening-roses.rq.*functional area"):
        load_examples(tmp_path)


def test_the_home_page_links_every_example(demo_client: FlaskClient) -> None:
    page = demo_client.get("/?lang=en").get_data(as_text=True)
    for example in EXAMPLES:
        assert f'href="/query?example={example.name}&amp;lang=en"' in page
        assert html.escape(example.title("en"), quote=False) in page


def test_the_query_page_preloads_an_example(demo_client: FlaskClient) -> None:
    example = EXAMPLES[0]
    page = demo_client.get(f"/query?example={example.name}&lang=el").get_data(as_text=True)
    preloaded = re.search(r'<textarea id="initial-query" hidden>(.*?)</textarea>', page, re.S)
    assert preloaded and html.unescape(preloaded[1]) == example.text
    assert f'<option value="{example.name}" selected>' in page


def test_the_query_page_preloads_a_query_parameter(demo_client: FlaskClient) -> None:
    page = demo_client.get("/query", query_string={"query": "ASK { <a:b> ?p <c:d> }"})
    assert "ASK { &lt;a:b&gt; ?p &lt;c:d&gt; }" in page.get_data(as_text=True)


def test_the_query_page_names_an_unknown_example(demo_client: FlaskClient) -> None:
    page = demo_client.get("/query?example=nothing-here&lang=en").get_data(as_text=True)
    assert "There is no example named “nothing-here”." in page


def test_the_query_page_loads_yasgui_from_this_server_only(demo_client: FlaskClient) -> None:
    answer = demo_client.get("/query")
    page = answer.get_data(as_text=True)
    assert '<script src="/static/vendor/yasgui/yasgui.min.js"></script>' in page
    assert '<script src="/static/query.js"></script>' in page
    assert "<script>" not in page  # the CSP allows no inline script
    assert "script-src 'self'" in answer.headers["Content-Security-Policy"]
    for asset in ("vendor/yasgui/yasgui.min.js", "vendor/yasgui/yasgui.min.css", "query.js"):
        with demo_client.get(f"/static/{asset}") as served:
            assert served.status_code == 200


@pytest.mark.parametrize("text", [home.TEXT, query_page.TEXT], ids=["home", "query_page"])
def test_page_strings_exist_in_both_languages(text: dict[str, dict[str, str]]) -> None:
    assert set(text["el"]) == set(text["en"])
