"""/indicators and /indicators/<id>: the Catalogue of Indicators on the web, over the demo store
(Kalamata, 4401), and drafts behind an admin token over a store of its own.

The definitions are read with read_definitions, never listed here: more are being written.
budget-execution-rate is the one whose value is known (4401, 2024: 85.9 %, provisional: one
line's payment is unknown).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from urllib.parse import parse_qs, urlsplit
from xml.etree import ElementTree

import pyoxigraph as ox
import pytest
from flask import Flask
from flask.testing import FlaskClient
from markupsafe import escape
from playwright.sync_api import Browser, expect

import test_browser
from conftest import DEMO_BASE, lift_example_file, served
from demoi import tokens
from demoi.dcat.model import mappings_by_dataset
from demoi.errors import DemoiError
from demoi.indicators.charts import format_number
from demoi.indicators.compute import Gap, Value
from demoi.indicators.definitions import Definition, indicators_folder, read_definitions
from demoi.indicators.publication import publish_indicators
from demoi.indicators.results import Results, results
from demoi.publishing import publish_lifted
from demoi.server import app_store, create_app, indicators_page
from demoi.server.i18n import CHROME_TEXT
from demoi.store import OxigraphStore
from test_browser import Watched

KNOWN = "budget-execution-rate"
SVG = "{http://www.w3.org/2000/svg}"
QB_OBSERVATION = "http://purl.org/linked-data/cube#Observation"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def approved() -> dict[str, Definition]:
    return {i: d for i, d in read_definitions(DEMO_BASE).items() if d.is_public}


def published(demo_app: Flask, identifier: str) -> Results:
    definition = read_definitions(DEMO_BASE)[identifier]
    return results(app_store(demo_app), DEMO_BASE, definition)


def charts(page: str) -> dict[str, ElementTree.Element]:
    """The inline SVG charts of a page by kind (bar, series), parsed as XML."""
    found = {}
    for match in re.finditer(r"<svg .*?</svg>", page, flags=re.S):
        element = ElementTree.fromstring(match.group(0))
        kind = element.get("class", "").rsplit("demoi-chart-", 1)[-1]
        found[kind] = element
    return found


# --- the catalogue --------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["el", "en"])
def test_the_catalogue_lists_every_approved_indicator(
    demo_client: FlaskClient, language: str
) -> None:
    response = demo_client.get(f"/indicators?lang={language}")
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    assert f'<html lang="{language}">' in page
    assert ("Κατάλογος δεικτών" if language == "el" else "Catalogue of indicators") in page
    for identifier, definition in approved().items():
        assert f'<tr id="{identifier}">' in page
        assert str(escape(definition.labels[language])) in page
    hidden = [d for d in read_definitions(DEMO_BASE).values() if not d.is_public]
    for definition in hidden:
        assert f'id="{definition.identifier}"' not in page
        status = 410 if definition.status == "withdrawn" else 404
        assert demo_client.get(f"/indicators/{definition.identifier}").status_code == status
    assert "<script" not in page


def test_the_catalogue_says_when_and_where_each_indicator_has_values(
    demo_client: FlaskClient, demo_app: Flask
) -> None:
    document = demo_client.get("/indicators", headers={"Accept": "application/json"}).get_json()
    entries = {entry["indicator"]: entry for entry in document["indicators"]}
    assert set(entries) == set(approved())
    known = entries[KNOWN]
    assert known["latest_period"] == "2024"
    assert known["municipalities"] == 1
    assert known["areas"] == ["finance"]
    assert known["direction"] == "higher-is-better"
    assert known["label"]["el"] == "Ποσοστό εκτέλεσης προϋπολογισμού εξόδων"
    assert known["summary"]["en"].startswith("The year's payments as a percentage")
    assert known["downloads"]["csv"] == f"/indicators/{KNOWN}.csv"
    for identifier, entry in entries.items():
        found = published(demo_app, identifier)
        assert entry["latest_period"] == found.latest_period()


def test_the_catalogue_is_filtered_by_area(demo_client: FlaskClient) -> None:
    finance = demo_client.get("/indicators?format=json&area=finance").get_json()["indicators"]
    expected = {i for i, d in approved().items() if "finance" in d.areas}
    assert {entry["indicator"] for entry in finance} == expected
    assert KNOWN in expected
    page = demo_client.get("/indicators?area=finance&lang=en").get_data(as_text=True)
    assert f'<tr id="{KNOWN}">' in page
    others = [i for i, d in approved().items() if "finance" not in d.areas]
    assert all(f'<tr id="{i}">' not in page for i in others)
    wrong = demo_client.get("/indicators?area=nowhere")
    assert wrong.status_code == 400
    assert "nowhere" in wrong.get_json()["error"]["message"]


# --- one indicator --------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["el", "en"])
def test_the_page_shows_the_definition_formula_and_sources(
    demo_client: FlaskClient, language: str
) -> None:
    definition = read_definitions(DEMO_BASE)[KNOWN]
    response = demo_client.get(f"/indicators/{KNOWN}?lang={language}")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert f"<h1>{escape(definition.labels[language])}</h1>" in page
    for text in (definition.definitions, definition.method, definition.notes):
        assert str(escape(text[language])) in page
    # The formula, escaped, in a <pre>, and a link that opens it in the query page.
    assert "&lt;https://w3id.org/demoi/def/finance#&gt;" in page
    assert re.search(r'<pre class="formula">PREFIX fin:', page)
    link = re.search(r'<a href="(/query\?query=[^"]+)">', page)
    assert link is not None
    query = parse_qs(urlsplit(link.group(1).replace("&amp;", "&")).query)
    assert query["query"] == [definition.formula]
    title = mappings_by_dataset()["budget-expense"].title[language]
    assert title in page
    assert definition.accepted is not None
    assert f'<time datetime="{definition.accepted.isoformat()}">' in page
    assert definition.approved_by[language] in page
    assert ("Εγκεκριμένος" if language == "el" else "Approved") in page
    assert "<script" not in page


def test_the_bar_chart_has_a_bar_per_municipality_with_a_value(
    demo_client: FlaskClient, demo_app: Flask
) -> None:
    for identifier in approved():
        found = published(demo_app, identifier)
        latest = found.latest_period()
        page = demo_client.get(f"/indicators/{identifier}?lang=el").get_data(as_text=True)
        if latest is None:
            assert "Δεν υπάρχουν ακόμη τιμές" in page
            continue
        bar = charts(page)["bar"]
        bars = bar.findall(f".//{SVG}g[@class='bar']") + bar.findall(
            f".//{SVG}g[@class='bar highlight']"
        )
        assert len(bars) == len(found.for_period(latest)) > 0, identifier
        assert latest in bar.findtext(f"{SVG}title", "")


def test_the_known_value_is_drawn_and_tabled_in_each_language(demo_client: FlaskClient) -> None:
    greek = demo_client.get(f"/indicators/{KNOWN}?lang=el").get_data(as_text=True)
    english = demo_client.get(f"/indicators/{KNOWN}?lang=en").get_data(as_text=True)
    assert "Δήμος Καλαμάτας: 85,9 %" in charts(greek)["bar"].findtext(f".//{SVG}g/{SVG}title", "")
    assert "85.9" in ElementTree.tostring(charts(english)["bar"], encoding="unicode")
    assert charts(greek)["series"] is not None
    assert re.search(r'data-municipality="4401" data-period="2024">.*?85,9', greek, flags=re.S)
    assert re.search(r'data-municipality="4401" data-period="2024">.*?85\.9', english, flags=re.S)
    assert 'href="/graph/4401/budget-expense/2024"' in greek


def test_the_values_table_matches_the_cube(demo_client: FlaskClient, demo_app: Flask) -> None:
    for identifier, definition in approved().items():
        found = published(demo_app, identifier)
        page = demo_client.get(f"/indicators/{identifier}?lang=en").get_data(as_text=True)
        rows = re.findall(
            r'<tr data-municipality="(\d{4})" data-period="([^"]+)">.*?'
            r'<td class="n value">([^<]+)',
            page,
            flags=re.S,
        )
        expected = {
            (v.code, v.period, format_number(v.value, definition.decimals, "en"))
            for v in found.values
        }
        assert {(code, period, value.strip()) for code, period, value in rows} == expected


def test_the_year_switch_and_a_year_without_values(demo_client: FlaskClient) -> None:
    page = demo_client.get(f"/indicators/{KNOWN}?year=2024&lang=en").get_data(as_text=True)
    assert '<strong aria-current="page">2024</strong>' in page
    empty = demo_client.get(f"/indicators/{KNOWN}?year=1999&lang=en")
    assert empty.status_code == 200
    text = empty.get_data(as_text=True)
    assert "There are no values for 1999. Years with values: 2024." in text
    assert charts(text)["bar"].find(f".//{SVG}g[@class='bar']") is None
    for wrong in ("20x", "2024-01-01", "١٢٣٤"):
        response = demo_client.get(f"/indicators/{KNOWN}", query_string={"year": wrong})
        assert response.status_code == 400
        assert "year" in response.get_json()["error"]["message"]


def test_the_series_shows_the_municipalities_asked_for(demo_client: FlaskClient) -> None:
    page = demo_client.get(f"/indicators/{KNOWN}?municipality=4401&lang=en").get_data(as_text=True)
    series = charts(page)["series"]
    names = [
        g.findtext(f"{SVG}title") for g in series.iter(f"{SVG}g") if g.get("class") == "series"
    ]
    assert names == ["Municipality of Kalamata"]
    assert 'value="4401" checked' in page
    # One municipality asked for is the one the bar chart highlights.
    assert charts(page)["bar"].find(f".//{SVG}g[@class='bar highlight']") is not None
    other = demo_client.get(f"/indicators/{KNOWN}?municipality=7101&lang=en").get_data(as_text=True)
    assert "No values" in ElementTree.tostring(charts(other)["series"], encoding="unicode")
    for wrong in ("9999", "44O1", "<b>"):
        response = demo_client.get(f"/indicators/{KNOWN}", query_string={"municipality": wrong})
        assert response.status_code == 400


# --- downloads ------------------------------------------------------------------------------------


def test_the_csv_download(demo_client: FlaskClient, demo_app: Flask) -> None:
    response = demo_client.get(f"/indicators/{KNOWN}.csv")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"] == f'attachment; filename="{KNOWN}.csv"'
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    found = published(demo_app, KNOWN)
    assert [(r["municipality"], r["period"], r["value"]) for r in rows] == [
        (v.code, v.period, str(v.value)) for v in found.values
    ]
    assert rows[0]["name"] == "Δήμος Καλαμάτας"
    english = demo_client.get(f"/indicators/{KNOWN}.csv?lang=en").get_data(as_text=True)
    assert "Municipality of Kalamata" in english


def test_the_json_download(demo_client: FlaskClient) -> None:
    response = demo_client.get(f"/indicators/{KNOWN}.json")
    assert response.mimetype == "application/json"
    assert response.headers["Content-Disposition"] == f'attachment; filename="{KNOWN}.json"'
    document = json.loads(response.get_data(as_text=True))
    assert document["indicator"] == KNOWN
    assert document["published"] is True
    kalamata = [v for v in document["values"] if v["municipality"] == "4401"]
    assert [(v["period"], v["value"]) for v in kalamata] == [("2024", "85.9")]


def test_the_turtle_download_is_the_cube(demo_client: FlaskClient, demo_app: Flask) -> None:
    response = demo_client.get(f"/indicators/{KNOWN}.ttl")
    assert response.mimetype == "text/turtle"
    assert response.headers["Content-Disposition"] == f'attachment; filename="{KNOWN}.ttl"'
    triples = list(ox.parse(response.get_data(), ox.RdfFormat.TURTLE))
    observations = {
        t.subject
        for t in triples
        if t.predicate.value == RDF_TYPE and t.object.value == QB_OBSERVATION
    }
    assert len(observations) == len(published(demo_app, KNOWN).values) > 0
    assert ox.NamedNode(f"{DEMO_BASE}id/indicator-observation/{KNOWN}/4401/2024") in observations


@pytest.mark.parametrize(
    ("query", "accept", "media_type"),
    [
        ("?format=csv", None, "text/csv"),
        ("?format=json", None, "application/json"),
        ("?format=ttl", None, "text/turtle"),
        ("", "text/turtle", "text/turtle"),
        ("", "text/csv", "text/csv"),
        ("", "application/json;q=0.9, text/html;q=0.5", "application/json"),
        ("", "*/*", "text/html"),
    ],
)
def test_the_formats_by_parameter_or_accept(
    demo_client: FlaskClient, query: str, accept: str | None, media_type: str
) -> None:
    headers = {"Accept": accept} if accept else {}
    response = demo_client.get(f"/indicators/{KNOWN}{query}", headers=headers)
    assert response.status_code == 200
    assert response.mimetype == media_type
    if not query:
        assert "Accept" in response.headers["Vary"]


def test_formats_it_does_not_have(demo_client: FlaskClient) -> None:
    assert demo_client.get(f"/indicators/{KNOWN}.xlsx").status_code == 404
    assert demo_client.get(f"/indicators/{KNOWN}?format=xlsx").status_code == 400
    refused = demo_client.get(f"/indicators/{KNOWN}", headers={"Accept": "image/png"})
    assert refused.status_code == 406


@pytest.mark.parametrize("kind", ["bar", "series"])
def test_a_chart_alone_is_an_svg_that_runs_nothing(demo_client: FlaskClient, kind: str) -> None:
    response = demo_client.get(f"/indicators/{KNOWN}/chart.svg?kind={kind}&year=2024&lang=en")
    assert response.status_code == 200
    assert response.mimetype == "image/svg+xml"
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "script-src" not in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    svg = ElementTree.fromstring(response.get_data())
    assert svg.tag == f"{SVG}svg"
    assert svg.get("lang") == "en"
    assert f"demoi-chart-{kind}" in svg.get("class", "")
    assert "Municipality of Kalamata" in response.get_data(as_text=True)
    assert "script" not in response.get_data(as_text=True).lower()
    assert demo_client.get(f"/indicators/{KNOWN}/chart.svg?kind=pie").status_code == 400


# --- what is not there ----------------------------------------------------------------------------


def test_an_unknown_indicator_is_a_404(demo_client: FlaskClient) -> None:
    for path in ("/indicators/no-such-thing", "/indicators/no-such-thing.csv"):
        response = demo_client.get(path)
        assert response.status_code == 404
        error = response.get_json()["error"]
        assert error["status"] == 404 and error["code"] == "not-found"
        assert "no-such-thing" in error["message"]
    assert demo_client.get("/indicators/no-such-thing/chart.svg").status_code == 404
    browser = demo_client.get("/indicators/<b>x?lang=en", headers={"Accept": "text/html,*/*;q=0.8"})
    assert browser.status_code == 404
    assert browser.mimetype == "text/html"
    page = browser.get_data(as_text=True)
    assert "<h1>Not found</h1>" in page
    assert "<b>x" not in page and "&lt;b&gt;x" in page


# --- drafts, withdrawn indicators, tokens ---------------------------------------------------------

DRAFT = "budget-execution-draft"
WITHDRAWN = "budget-execution-withdrawn"
#: The English label of the approved copy: markup and quotes, shown as text.
MARKED_UP = 'Budget <b>execution</b> & "rate"'


def _variant(folder: Path, identifier: str, status: str, english: str | None = None) -> None:
    text = (indicators_folder() / f"{KNOWN}.ttl").read_text(encoding="utf-8")
    text = text.replace(KNOWN, identifier)
    text = text.replace("indicator-status/approved", f"indicator-status/{status}")
    if english is not None:
        escaped = english.replace('"', '\\"')
        text = text.replace('"Budget execution rate"@en', f'"{escaped}"@en')
    (folder / f"{identifier}.ttl").write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def committee(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Flask, Path]]:
    """An app over a store with the budgets of Kalamata and Thessaloniki, a folder of three
    definitions (the known one approved and published, a draft, a withdrawn one) and a tokens
    file; yields the app and the tokens file."""
    root = tmp_path_factory.mktemp("committee")
    folder = root / "indicators"
    folder.mkdir()
    _variant(folder, KNOWN, "approved", MARKED_UP)
    _variant(folder, DRAFT, "draft")
    _variant(folder, WITHDRAWN, "withdrawn")
    store = OxigraphStore(root / "store")
    try:
        for source, code in (
            ("budget/4401-2024-expense.utf8.csv", "4401"),
            ("budget/0701-2024-expense.cp1253.csv", "0701"),
        ):
            lifted = lift_example_file(source, "budget-expense", code, DEMO_BASE, {"year": "2024"})
            publish_lifted(store, lifted, base_uri=DEMO_BASE)
        definitions = read_definitions(DEMO_BASE, folder).values()
        list(publish_indicators(store, DEMO_BASE, definitions))
    finally:
        store.close()
    tokens_path = root / "tokens.json"
    app = create_app(
        {
            "STORE": str(root / "store"),
            "BASE_URI": DEMO_BASE,
            "TOKENS": str(tokens_path),
            "INDICATORS_DIR": str(folder),
            "RATE_LIMIT": "",
            "TOKEN_RATE_LIMIT": "",
        }
    )
    yield app, tokens_path
    app_store(app).close()


def _bearer(secret: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {secret}"}


def test_a_draft_is_hidden_without_an_admin_token(committee: tuple[Flask, Path]) -> None:
    app, tokens_path = committee
    client = app.test_client()
    municipal = tokens.create(tokens_path, "4401")[1]
    for headers in ({}, _bearer(municipal), {"Authorization": "Basic dXNlcjpwYXNz"}):
        listed = client.get("/indicators?format=json", headers=headers)
        assert [e["indicator"] for e in listed.get_json()["indicators"]] == [KNOWN]
        assert "Authorization" in listed.headers["Vary"]
        page = client.get("/indicators?lang=en", headers=headers).get_data(as_text=True)
        assert DRAFT not in page
        for path in (
            f"/indicators/{DRAFT}",
            f"/indicators/{DRAFT}.csv",
            f"/indicators/{DRAFT}/chart.svg",
        ):
            response = client.get(path, headers=headers)
            assert response.status_code == 404, (path, headers)
            assert "Authorization" in response.headers["Vary"]
    # The same answer as for an identifier that does not exist: nothing tells a draft is there.
    unknown = client.get("/indicators/budget-execution-nothing").get_json()["error"]["message"]
    hidden = client.get(f"/indicators/{DRAFT}").get_json()["error"]["message"]
    assert hidden == unknown.replace("budget-execution-nothing", DRAFT)


def test_an_admin_sees_a_draft_computed_now_and_private(committee: tuple[Flask, Path]) -> None:
    app, tokens_path = committee
    client = app.test_client()
    admin = _bearer(tokens.create(tokens_path, tokens.ADMIN)[1])
    listed = client.get("/indicators?format=json", headers=admin)
    entries = {e["indicator"]: e for e in listed.get_json()["indicators"]}
    assert set(entries) == {KNOWN, DRAFT}
    assert entries[DRAFT]["status"] == "draft"
    assert entries[DRAFT]["municipalities"] == 2
    assert listed.headers["Cache-Control"] == "private, no-store"
    catalogue = client.get("/indicators?lang=en", headers=admin).get_data(as_text=True)
    assert f'<tr id="{DRAFT}" class="draft">' in catalogue
    assert "(draft)" in catalogue
    response = client.get(f"/indicators/{DRAFT}?lang=en", headers=admin)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "private, no-store"
    assert response.headers["X-Robots-Tag"] == "noindex"
    assert "Authorization" in response.headers["Vary"]
    page = response.get_data(as_text=True)
    assert "Draft, not published" in page
    assert len(charts(page)["bar"].findall(f".//{SVG}g[@class='bar']")) == 2
    assert re.search(r'data-municipality="4401" data-period="2024">.*?85\.9', page, flags=re.S)
    document = client.get(f"/indicators/{DRAFT}.json", headers=admin).get_json()
    assert document["published"] is False and document["status"] == "draft"
    turtle = client.get(f"/indicators/{DRAFT}.ttl", headers=admin)
    assert turtle.headers["Cache-Control"] == "private, no-store"
    triples = list(ox.parse(turtle.get_data(), ox.RdfFormat.TURTLE))
    assert sum(t.object.value == QB_OBSERVATION for t in triples) == 2
    chart = client.get(f"/indicators/{DRAFT}/chart.svg", headers=admin)
    assert chart.status_code == 200 and chart.headers["X-Robots-Tag"] == "noindex"
    # Nothing of the draft was written to the store.
    graphs = {info.iri for info in app_store(app).graphs()}
    assert f"{DEMO_BASE}graph/indicators/{DRAFT}" not in graphs
    assert f"{DEMO_BASE}graph/indicators/{KNOWN}" in graphs


def test_a_public_answer_is_not_private(committee: tuple[Flask, Path]) -> None:
    app, _ = committee
    response = app.test_client().get(f"/indicators/{KNOWN}")
    assert response.status_code == 200
    assert "Cache-Control" not in response.headers
    assert "X-Robots-Tag" not in response.headers


def test_a_wrong_or_revoked_token_is_a_401(committee: tuple[Flask, Path]) -> None:
    app, tokens_path = committee
    client = app.test_client()
    token, secret = tokens.create(tokens_path, tokens.ADMIN)
    tokens.revoke(tokens_path, token.id)
    for headers in (_bearer("not-a-token"), _bearer(secret), {"Authorization": "Bearer "}):
        for path in ("/indicators", f"/indicators/{KNOWN}", f"/indicators/{DRAFT}"):
            response = client.get(path, headers=headers)
            assert response.status_code == 401, (path, headers)
            assert response.headers["WWW-Authenticate"] == 'Bearer realm="demoi"'
            assert response.get_json()["error"]["code"] == "unauthorized"


def test_a_server_without_tokens_knows_no_admin(demo_client: FlaskClient) -> None:
    response = demo_client.get("/indicators", headers=_bearer("anything"))
    assert response.status_code == 401


def test_a_withdrawn_indicator_is_gone(committee: tuple[Flask, Path]) -> None:
    app, tokens_path = committee
    client = app.test_client()
    admin = _bearer(tokens.create(tokens_path, tokens.ADMIN)[1])
    for headers in ({}, admin):
        response = client.get(f"/indicators/{WITHDRAWN}", headers=headers)
        assert response.status_code == 410
        assert response.get_json()["error"]["code"] == "gone"
        listed = client.get("/indicators?format=json", headers=headers).get_json()
        assert WITHDRAWN not in {e["indicator"] for e in listed["indicators"]}
    page = client.get(f"/indicators/{WITHDRAWN}?lang=el", headers={"Accept": "text/html"})
    assert page.status_code == 410 and "<h1>Αποσύρθηκε</h1>" in page.get_data(as_text=True)


def test_labels_from_files_are_escaped(committee: tuple[Flask, Path]) -> None:
    app, _ = committee
    client = app.test_client()
    escaped = "Budget &lt;b&gt;execution&lt;/b&gt; &amp; &#34;rate&#34;"
    for path in ("/indicators?lang=en", f"/indicators/{KNOWN}?lang=en"):
        page = client.get(path).get_data(as_text=True)
        assert MARKED_UP not in page and "<b>execution" not in page
        assert escaped in page, path
    svg = client.get(f"/indicators/{KNOWN}/chart.svg?lang=en").get_data(as_text=True)
    assert "<b>" not in svg and "Budget &lt;b&gt;execution&lt;/b&gt; &amp;" in svg


# --- in a real browser ----------------------------------------------------------------------------


# tests/test_browser.py's Chromium fixture, as tests/test_browser_validate.py uses it.
browser = test_browser.browser


def test_the_charts_render_without_javascript(browser: Browser, demo_app: Flask) -> None:
    context = browser.new_context(locale="el-GR", java_script_enabled=False)
    try:
        watched = Watched(context.new_page())
        page = watched.page
        with served(demo_app) as url:
            page.goto(f"{url}indicators?lang=el")
            page.click(f'tr[id="{KNOWN}"] th a')
            page.wait_for_url(f"**/indicators/{KNOWN}*")
            expect(page.locator("h1")).to_have_text("Ποσοστό εκτέλεσης προϋπολογισμού εξόδων")
            for kind in ("bar", "series"):
                chart = page.locator(f"svg.demoi-chart-{kind}")
                expect(chart).to_be_visible()
                box = chart.bounding_box()
                assert box is not None and box["width"] > 100 and box["height"] > 50
            bar = page.locator("svg.demoi-chart-bar g.bar rect").first
            bar_box = bar.bounding_box()
            assert bar_box is not None and bar_box["width"] > 10
            expect(page.locator("svg.demoi-chart-bar")).to_contain_text("Δήμος Καλαμάτας")
            expect(page.locator("table.values")).to_contain_text("85,9")
        assert watched.off_host == []
        assert watched.console_errors == []
    finally:
        context.close()


def test_both_languages_have_every_string() -> None:
    assert indicators_page.TEXT["el"].keys() == indicators_page.TEXT["en"].keys()
    assert CHROME_TEXT["el"].keys() == CHROME_TEXT["en"].keys()
    assert "indicators" in CHROME_TEXT["el"]


def test_every_page_links_to_the_catalogue_of_indicators(demo_client: FlaskClient) -> None:
    for path, name in (("/?lang=el", "Δείκτες"), ("/inventory?lang=en", "Indicators")):
        page = demo_client.get(path).get_data(as_text=True)
        assert re.search(rf'<nav>.*<a href="/indicators\?lang=\w\w">{name}</a>', page, re.S)


def test_a_404_for_a_client_accepting_neither_json_nor_html_is_still_a_404(
    demo_client: FlaskClient,
) -> None:
    """It was a 500: choosing the error's format raised a 406 inside the 404's handler."""
    response = demo_client.get("/indicators/no-such-thing", headers={"Accept": "image/png"})
    assert response.status_code == 404
    assert response.get_json()["error"]["code"] == "not-found"


def test_the_catalogue_is_in_alphabetical_order_in_greek(demo_client: FlaskClient) -> None:
    assert sorted(["Ζώνες", "Έσοδα", "Αστικά", "Δαπάνες"], key=indicators_page.sort_key) == [
        "Αστικά",
        "Δαπάνες",
        "Έσοδα",
        "Ζώνες",
    ]
    page = demo_client.get("/indicators?lang=el").get_data(as_text=True)
    shown = re.findall(r'<tr id="([a-z0-9-]+)"', page)
    labels = {i: d.labels["el"] for i, d in approved().items()}
    assert shown == sorted(labels, key=lambda i: indicators_page.sort_key(labels[i]))


def test_the_summary_is_the_definitions_first_sentence() -> None:
    first = indicators_page.first_sentence
    assert first("Οι ημέρες, π.χ. οι αργίες. Μετρούν όλες.") == "Οι ημέρες, π.χ. οι αργίες."
    assert first("Days, e.g. holidays. All count.") == "Days, e.g. holidays."
    assert first("One sentence only") == "One sentence only"


def test_a_provisional_value_is_marked_with_its_coverage(demo_app: Flask) -> None:
    definition = read_definitions(DEMO_BASE)[KNOWN]
    found = Results(
        definition,
        (Value("4401", "2025", Decimal("41.25"), Decimal("0.5"), ()),),
        (Gap("7101", "2025", "Λείπει ο προϋπολογισμός.", "The budget is missing."),),
        published=True,
    )
    with demo_app.test_request_context(f"/indicators/{KNOWN}?lang=en"):
        page = indicators_page._indicator_html(found)
    row = re.search(r'<tr data-municipality="4401" data-period="2025">.*?</tr>', page, re.S)
    assert row is not None
    assert "41.3" in row.group(0) and "(provisional)" in row.group(0)
    assert "50 %" in row.group(0)
    assert "Municipality of Heraklion" in page and "The budget is missing." in page


# --- regressions from the security review ---------------------------------------------------------


def test_a_store_without_cubes_shows_no_values_not_an_error(
    make_app: Callable[..., Flask],
) -> None:
    """A fresh store (or one not computed yet) once answered 400 outbound-refused everywhere:
    the cube graph it asked for did not exist."""
    client = make_app(BASE_URI=DEMO_BASE, RATE_LIMIT="").test_client()
    listed = client.get("/indicators?format=json")
    assert listed.status_code == 200
    assert {e["latest_period"] for e in listed.get_json()["indicators"]} == {None}
    page = client.get(f"/indicators/{KNOWN}?lang=en")
    assert page.status_code == 200
    for suffix in (".csv", ".json", ".ttl", "/chart.svg"):
        assert client.get(f"/indicators/{KNOWN}{suffix}").status_code == 200, suffix


def test_a_broken_definition_stops_the_server_at_its_start(
    make_app: Callable[..., Flask], tmp_path: Path
) -> None:
    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / "broken.ttl").write_text("@prefix x: <http://x/> .\nx:a x:b\n", encoding="utf-8")
    with pytest.raises(DemoiError) as raised:
        make_app(BASE_URI=DEMO_BASE, INDICATORS_DIR=str(folder))
    assert raised.value.location is not None and raised.value.location.file.endswith("broken.ttl")


def test_a_definition_broken_after_the_start_shows_no_paths(
    make_app: Callable[..., Flask], tmp_path: Path
) -> None:
    folder = tmp_path / "catalogue"
    folder.mkdir()
    (folder / f"{KNOWN}.ttl").write_bytes((indicators_folder() / f"{KNOWN}.ttl").read_bytes())
    client = make_app(BASE_URI=DEMO_BASE, INDICATORS_DIR=str(folder), RATE_LIMIT="").test_client()
    assert client.get("/indicators").status_code == 200
    (folder / "later.ttl").write_text("not turtle at all\n", encoding="utf-8")
    response = client.get("/indicators?format=json")
    assert response.status_code == 500
    assert str(tmp_path) not in response.get_data(as_text=True)


def test_links_do_not_repeat_unknown_parameters(demo_client: FlaskClient) -> None:
    """Every year link once carried the whole query string (a 180 KB request, a 450 KB page);
    only the language switch, which every page has, keeps it."""
    page = demo_client.get(f"/indicators/{KNOWN}?lang=en&junk={'x' * 5000}").get_data(as_text=True)
    assert page.count("x" * 5000) <= 1


def test_a_token_cannot_describe_the_catalogues_iris(make_app: Callable[..., Flask]) -> None:
    """A municipality's token wrote a description of a draft's IRI into its own graph, and the
    IRI's linked-data page turned from 404 into a page titled by the token."""
    app = make_app(BASE_URI=DEMO_BASE, RATE_LIMIT="")
    draft = f"{DEMO_BASE}id/indicator/{DRAFT}"
    app_store(app).update(
        f"""INSERT DATA {{ GRAPH <{DEMO_BASE}graph/4401/notes> {{
  <{draft}> a <https://w3id.org/demoi/def/statistics#Indicator> ;
    <http://www.w3.org/2004/02/skos/core#prefLabel> "Forged draft"@en }} }}"""
    )
    client = app.test_client()
    response = client.get(f"/id/indicator/{DRAFT}", headers={"Accept": "text/turtle"})
    assert response.status_code == 404
    assert "Forged" not in response.get_data(as_text=True)


def test_an_approved_indicators_iri_has_its_page(demo_client: FlaskClient) -> None:
    response = demo_client.get(f"/id/indicator/{KNOWN}?lang=en")
    assert response.status_code == 200
    assert "Budget execution rate" in response.get_data(as_text=True)
    observation = demo_client.get(
        f"/id/indicator-observation/{KNOWN}/4401/2024", headers={"Accept": "text/turtle"}
    )
    assert observation.status_code == 200


def test_csv_and_json_values_have_the_definitions_decimals() -> None:
    """Downloads once wrote 399.1 where the page showed 399,10 (decimals 2)."""
    from demoi.indicators.results import as_csv, as_json

    definition = read_definitions(DEMO_BASE)["expenditure-per-inhabitant"]
    found = Results(definition, (Value("4401", "2024", Decimal("399.1"), None, ()),), (), True)
    assert "399.10" in as_csv(found, "en")
    assert json.loads(as_json(found, "en"))["values"][0]["value"] == "399.10"


def test_the_default_year_is_one_most_municipalities_have() -> None:
    """With two municipalities, one's 2027 once became everyone's default year."""
    definition = read_definitions(DEMO_BASE)[KNOWN]
    values = (
        Value("4401", "2024", Decimal(1), None, ()),
        Value("0701", "2024", Decimal(2), None, ()),
        Value("4401", "2027", Decimal(3), None, ()),
    )
    assert Results(definition, values, (), True).latest_period() == "2024"
    assert Results(definition, values[:1], (), True).latest_period() == "2024"


def test_a_year_that_is_not_plausible_is_a_bad_request(demo_client: FlaskClient) -> None:
    for year in ("9999", "1200"):
        assert demo_client.get(f"/indicators/{KNOWN}?year={year}").status_code == 400, year


def test_a_minority_year_names_who_is_missing_from_it(demo_app: Flask) -> None:
    """A year only some municipalities have is noted in no cube; its page once showed one
    municipality alone without saying the others had no value for it."""
    from demoi.server.indicators_page import _absent_in_year

    definition = read_definitions(DEMO_BASE)[KNOWN]
    values = (
        Value("4401", "2023", Decimal(1), None, ()),
        Value("4401", "2024", Decimal(1), None, ()),
        Value("0701", "2024", Decimal(2), None, ()),
    )
    found = Results(definition, values, (), True)
    with demo_app.test_request_context():
        assert "Thessaloniki" in (_absent_in_year(found, "2023", "en") or "")
        assert _absent_in_year(found, "2024", "en") is None
