"""The Guide of art. 67 of law 4727/2020 (demoi.guide, /guide/<code>, `demoi guide`): on the demo
store of the fixtures (Kalamata, 4401), through the app, with every link to the server followed;
on a store built here (Kalamata's facilities and Thessaloniki's budget lifted from examples/,
then checked) for the command and the conformance of each graph; printed to PDF by a real
headless Chromium."""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
import stat
from collections import defaultdict
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pyoxigraph as ox
import pytest
from click.testing import CliRunner, Result
from flask import Flask
from flask.testing import FlaskClient

from conftest import DEMO_BASE, DEMO_MUNICIPALITY, REPO, lift_example_file, served
from demoi.catalogue import catalogue_graph
from demoi.cli import cli
from demoi.dcat import vocabulary as v
from demoi.dcat.hvd import STATUS_LABELS, municipality_report
from demoi.dcat.model import mappings_by_dataset, read_catalogues
from demoi.guide import (
    REUSES,
    TEXT,
    Link,
    as_html,
    as_markdown,
    guide,
    guides,
    municipal_query,
)
from demoi.publishing import publish_lifted
from demoi.server import app_store, guide_page
from demoi.server.example_queries import example_queries, functional_areas
from demoi.store import OxigraphStore
from demoi.store.sparql_text import insert_data

#: A municipality the demo store holds nothing of.
EMPTY = "7101"
BASE = "http://demoi.test/"


class Links(HTMLParser):
    """The hrefs of a document, and the dataset ids under each functional area's section."""

    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.datasets: dict[str, list[str]] = defaultdict(list)
        self._area: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "a" and found.get("href"):
            self.hrefs.append(str(found["href"]))
        if tag == "section":
            self._area = found.get("data-area")
        if tag == "article" and self._area and found.get("data-dataset"):
            self.datasets[self._area].append(str(found["data-dataset"]))


def parsed(html: str) -> Links:
    links = Links()
    links.feed(html)
    return links


@pytest.fixture(scope="module")
def pages(demo_app: Flask) -> dict[str, str]:
    client = demo_app.test_client()
    found = {}
    for language in ("el", "en"):
        response = client.get(f"/guide/{DEMO_MUNICIPALITY}?lang={language}")
        assert response.status_code == 200, response.get_data(as_text=True)[:500]
        assert response.mimetype == "text/html"
        found[language] = response.get_data(as_text=True)
    return found


@pytest.fixture(scope="module")
def catalogue_datasets(demo_app: Flask) -> dict[str, set[str]]:
    (catalogue,) = read_catalogues(app_store(demo_app), DEMO_BASE, DEMO_MUNICIPALITY)
    by_area: dict[str, set[str]] = defaultdict(set)
    for dataset in catalogue.datasets:
        by_area[dataset.area].add(dataset.dataset_id)
    assert len(by_area) >= 10, "the demo publishes in (almost) every area"
    return by_area


# ---------------------------------------------------------------------------------------------
# The page


def test_guide_in_both_languages(pages: dict[str, str]) -> None:
    assert '<html lang="el">' in pages["el"]
    assert "Οδηγός ανοικτών δεδομένων: Δήμος Καλαμάτας" in pages["el"]
    assert "Άδειες και χρεώσεις" in pages["el"] and "Licences and charges" not in pages["el"]
    assert '<html lang="en">' in pages["en"]
    assert "Open data guide: Municipality of Kalamata" in pages["en"]
    assert "Licences and charges" in pages["en"] and "Άδειες και χρεώσεις" not in pages["en"]


def test_language_from_accept_language(demo_client: FlaskClient) -> None:
    response = demo_client.get(f"/guide/{DEMO_MUNICIPALITY}", headers={"Accept-Language": "en"})
    assert "Open data guide" in response.get_data(as_text=True)


def test_bilingual_document_greek_first(demo_client: FlaskClient) -> None:
    text = demo_client.get(f"/guide/{DEMO_MUNICIPALITY}?lang=el,en").get_data(as_text=True)
    assert 0 < text.index('id="guide-el"') < text.index('id="guide-en"')


def test_every_dataset_appears_under_its_area(
    pages: dict[str, str], catalogue_datasets: dict[str, set[str]]
) -> None:
    for language, html in pages.items():
        found = parsed(html).datasets
        assert {area: set(ids) for area, ids in found.items()} == catalogue_datasets, language
        for ids in found.values():
            assert len(ids) == len(set(ids)), "a dataset shown twice"


def test_each_area_names_its_profile_and_the_vocabularies_it_reuses(pages: dict[str, str]) -> None:
    for area in ("finance", "environment", "mobility"):
        section = pages["en"].split(f'data-area="{area}"', 1)[1].split("</section>", 1)[0]
        assert f'href="https://w3id.org/demoi/shapes/{area}"' in section
        assert ", ".join(REUSES[area]) in section


def test_reuses_as_docs_standards_lists_them() -> None:
    docs = (REPO / "docs" / "standards.md").read_text(encoding="utf-8")
    table = docs.split("| area | prefix | vocabulary | shapes prefix | reuses |", 1)[1]
    rows = re.findall(r"^\| `(\w+)` \| `\w+:` \| `[^`]+` \| `\w+:` \| (.+) \|$", table, re.M)
    documented = {area: reuses.replace("`", "") for area, reuses in rows[: len(REUSES)]}
    assert documented == {area: ", ".join(names) for area, names in REUSES.items()}


def test_terms_hvd_contact_and_date(pages: dict[str, str], demo_app: Flask) -> None:
    html = pages["en"]
    assert "Creative Commons Attribution 4.0 International (CC BY 4.0)" in html
    assert "commercial use included" in html  # what CC BY 4.0 allows, from the licence list
    assert "Marginal-cost charge" in html and "Library, museum or archive" in html
    hvd = html.split('id="hvd-en"', 1)[1].split("</section>", 1)[0]
    # Kalamata's demo publishes air quality, waste, public transport and the census, each
    # high-value under the mapping's category.
    (catalogue,) = read_catalogues(app_store(demo_app), DEMO_BASE, DEMO_MUNICIPALITY)
    report = {
        status.dataset: status for status in municipality_report(catalogue, DEMO_BASE).datasets
    }
    for dataset in ("air-quality", "waste-quantities", "public-transport", "population-census"):
        row = hvd.split(f'<tr data-dataset="{dataset}">', 1)[1].split("</tr>", 1)[0]
        assert f"<code>{dataset}</code>" in row
        assert f"<td>{STATUS_LABELS[report[dataset].status]['en']}</td>" in row
        for finding in report[dataset].findings:
            assert finding.problem["en"] in row
    contact = html.split('id="contact-en"', 1)[1].split("</section>", 1)[0]
    assert "Municipality of Kalamata" in contact and f"{DEMO_BASE}guide/4401" in contact
    assert re.search(r"Generated: <time>\d{4}-\d\d-\d\d \d\d:\d\d UTC</time>", html)


def test_print_css(pages: dict[str, str]) -> None:
    html = pages["el"]
    css = html.split("<style>", 1)[1].split("</style>", 1)[0]
    printed = css.split("@media print", 1)[1]
    assert "size: A4" in printed
    assert re.search(r"nav[^{]*\{ display: none", printed)
    assert 'a[href]::after { content: " <" attr(href) ">"' in printed
    assert re.search(r"section\.area[^{]*\{ break-before: page", printed)
    assert re.search(r"table[^{]*\{ break-inside: avoid", printed)
    assert "<link" not in html and "<script" not in html, "the document must stand alone"


def test_every_link_to_the_server_answers(pages: dict[str, str], demo_client: FlaskClient) -> None:
    hrefs = {href for html in pages.values() for href in parsed(html).hrefs}
    own = sorted(href for href in hrefs if href.startswith(DEMO_BASE) or href.startswith("/"))
    # The dumps last: another blueprint, and the heaviest answers.
    own.sort(key=lambda href: "/dump/" in href)
    kinds = {urlsplit(href).path.split("/")[1] for href in own}
    assert {"dump", "sparql", "query", "catalog", "graph", "guide"} <= kinds
    failed = {}
    for href in own:
        parts = urlsplit(href)
        response = demo_client.get(parts.path, query_string=parts.query)
        if response.status_code != 200:
            failed[href] = response.status_code
    assert failed == {}


def test_example_queries_are_narrowed_to_the_municipality(demo_client: FlaskClient) -> None:
    finance = next(e for e in example_queries() if e.name == "finance-paid-per-kae-chapter")
    narrowed = municipal_query(finance, "0701", [])
    assert "VALUES ?municipality { <https://w3id.org/demoi/code/municipality/0701> }" in narrowed
    response = demo_client.get(
        "/sparql",
        query_string={"query": narrowed},
        headers={"Accept": "application/sparql-results+json"},
    )
    assert response.status_code == 200 and response.get_json()["results"]["bindings"] == []
    units = next(e for e in example_queries() if e.name == "organisation-units")
    graph = f"{DEMO_BASE}graph/4401/diavgeia-units"
    assert f"FROM <{graph}>\nWHERE" in municipal_query(units, "4401", [graph])
    assert not municipal_query(units, "4401", [graph]).startswith("#"), "header kept"


def test_the_examples_of_the_guide_find_the_municipalitys_data(
    pages: dict[str, str], demo_client: FlaskClient
) -> None:
    runs = [href for href in parsed(pages["en"]).hrefs if href.startswith(f"{DEMO_BASE}sparql?")]
    assert len(runs) >= len(functional_areas())
    empty = []
    for href in runs:
        response = demo_client.get(
            "/sparql",
            query_string=urlsplit(href).query,
            headers={"Accept": "application/sparql-results+json"},
        )
        assert response.status_code == 200
        if not response.get_json()["results"]["bindings"]:
            empty.append(href)
    assert empty == []


# ---------------------------------------------------------------------------------------------
# Markdown


def test_markdown_renders_the_same_datasets(
    demo_client: FlaskClient, pages: dict[str, str], catalogue_datasets: dict[str, set[str]]
) -> None:
    by_parameter = demo_client.get(f"/guide/{DEMO_MUNICIPALITY}?format=md&lang=en")
    by_accept = demo_client.get(
        f"/guide/{DEMO_MUNICIPALITY}?lang=en", headers={"Accept": "text/markdown"}
    )
    for response in (by_parameter, by_accept):
        assert response.status_code == 200 and response.mimetype == "text/markdown"
    markdown = by_parameter.get_data(as_text=True)
    assert markdown == by_accept.get_data(as_text=True)
    assert markdown.startswith("# Open data guide: Municipality of Kalamata\n")
    shown = set(re.findall(r"^- Identifier: `([^`]+)`$", markdown, re.M))
    assert shown == {ids for area in catalogue_datasets.values() for ids in area}
    html_links = {h for h in parsed(pages["en"]).hrefs if "/dump/" in h}
    assert html_links == set(re.findall(r"\(<(http://demoi\.test/dump/[^>]+)>\)", markdown))
    for area in catalogue_datasets:
        assert f"\n## {functional_areas()[area].label('en')}\n" in markdown


def test_markdown_escapes_what_markdown_would_read(demo_app: Flask) -> None:
    (en,) = guides(app_store(demo_app), DEMO_BASE, DEMO_MUNICIPALITY, ("en",))
    markdown = as_markdown(en)
    # The personal-data statement of Diavgeia's units names the column units.parent_id.
    assert "units.parent\\_id" in markdown and "units.parent_id" not in markdown


def test_both_languages_have_the_same_strings() -> None:
    assert TEXT["el"].keys() == TEXT["en"].keys()
    assert guide_page.TEXT["el"].keys() == guide_page.TEXT["en"].keys()


def test_not_acceptable(demo_client: FlaskClient) -> None:
    response = demo_client.get(f"/guide/{DEMO_MUNICIPALITY}", headers={"Accept": "image/png"})
    assert response.status_code == 406


# ---------------------------------------------------------------------------------------------
# An empty municipality, an unknown one


def test_empty_municipality_still_has_a_guide(demo_client: FlaskClient) -> None:
    response = demo_client.get(f"/guide/{EMPTY}?lang=en")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "Municipality of Heraklion (Crete)" in html
    assert TEXT["en"]["nothing"] in html
    assert 'class="area"' not in html
    expected = {name for name, mapping in mappings_by_dataset().items() if mapping.hvd_categories}
    missing = html.split('class="hvd-missing"', 1)[1].split("</table>", 1)[0]
    assert set(re.findall(r'data-dataset="([^"]+)"', missing)) == expected
    markdown = demo_client.get(f"/guide/{EMPTY}?format=md&lang=el").get_data(as_text=True)
    assert TEXT["el"]["nothing"][:40] in markdown


def test_missing_high_value_datasets_were_titled_from_their_description(
    demo_client: FlaskClient,
) -> None:
    """The Guide cut its own titles out of the descriptions; the catalogue names a dataset by
    its descriptor's short title, and so does the Guide now."""
    html = demo_client.get(f"/guide/{EMPTY}?lang=en").get_data(as_text=True)
    missing = html.split('class="hvd-missing"', 1)[1].split("</table>", 1)[0]
    titled = dict(re.findall(r'data-dataset="([^"]+)"><td>([^<]+) \(<code>', missing))
    expected = {
        name: mapping.title["en"]
        for name, mapping in mappings_by_dataset().items()
        if mapping.hvd_categories
    }
    assert titled == expected


def test_missing_high_value_datasets_are_those_not_published(pages: dict[str, str]) -> None:
    missing = pages["en"].split('class="hvd-missing"', 1)
    published = {"air-quality", "waste-quantities", "public-transport", "population-census"}
    expected = {name for name, mapping in mappings_by_dataset().items() if mapping.hvd_categories}
    shown = (
        set(re.findall(r'data-dataset="([^"]+)"', missing[1].split("</table>")[0]))
        if len(missing) == 2
        else set()
    )
    assert shown == expected - published


def test_unknown_code_is_404(demo_client: FlaskClient) -> None:
    response = demo_client.get("/guide/9999")
    assert response.status_code == 404
    error = response.get_json()["error"]
    assert error["status"] == 404 and "9999" in error["message"]


# ---------------------------------------------------------------------------------------------
# The command


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), env={"DEMOI_BASE_URI": BASE})


@pytest.fixture(scope="module")
def lifted_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Kalamata's facilities and Thessaloniki's budget, then `demoi validate --store`."""
    path = tmp_path_factory.mktemp("guide") / "store"
    store = OxigraphStore(path)
    try:
        for source, mapping, code, parameters in (
            ("places/4401-facilities.qgis.csv", "facilities", "4401", {}),
            ("budget/0701-2024-expense.cp1253.csv", "budget-expense", "0701", {"year": "2024"}),
        ):
            lifted = lift_example_file(source, mapping, code, BASE, parameters)
            publish_lifted(store, lifted, base_uri=BASE)
    finally:
        store.close()
    checked = run("validate", "--store", str(path), "--base-uri", BASE)
    assert checked.exit_code in (0, 1), checked.output
    contact = run(
        "catalog",
        "contact",
        "0701",
        "--name-el",
        "Τμήμα Ανοικτών Δεδομένων",
        "--name-en",
        "Open Data Unit",
        "--email",
        "opendata@thessaloniki.gr",
        "--store",
        str(path),
    )
    assert contact.exit_code == 0, contact.output
    terms = run(
        "catalog",
        "terms",
        "0701",
        "budget-expense",
        "--distribution",
        "csv",
        "--charging",
        "marginal-cost",
        "--basis-el",
        "Απόφαση 12/2025",
        "--basis-en",
        "Decision 12/2025",
        "--store",
        str(path),
    )
    assert terms.exit_code == 0, terms.output
    return path


def test_cli_prints_the_markdown(lifted_store: Path) -> None:
    result = run("guide", "--municipality", "4401", "--store", str(lifted_store))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Οδηγός ανοικτών δεδομένων: Δήμος Καλαμάτας\n")
    assert "# Open data guide: Municipality of Kalamata" in result.stdout
    assert "- Identifier: `facilities`" in result.stdout
    # Checked after its publication, without violations.
    graph = f"{BASE}graph/4401/facilities"
    assert re.search(
        rf"\[{re.escape(graph)}\]\(<{re.escape(graph)}>\): conforms \(checked", result.stdout
    )
    english = run("guide", "--municipality", "0701", "--lang", "en", "--store", str(lifted_store))
    assert english.exit_code == 0 and "Οδηγός" not in english.stdout
    assert (
        "- Identifier: `budget-expense`" in english.stdout and "- Periods: 2024" in english.stdout
    )


def test_cli_out_writes_the_files(lifted_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "guides"
    result = run("guide", "--municipality", "0701", "--out", str(out), "--store", str(lifted_store))
    assert result.exit_code == 0, result.output
    names = {
        "guide.html",
        "guide.md",
        "guide-el.html",
        "guide-el.md",
        "guide-en.html",
        "guide-en.md",
    }
    assert {path.name for path in (out / "0701").iterdir()} == names
    both = (out / "0701" / "guide.html").read_text(encoding="utf-8")
    assert both.index("Δήμος Θεσσαλονίκης") < both.index("Municipality of Thessaloniki")
    assert "Οδηγός" not in (out / "0701" / "guide-en.md").read_text(encoding="utf-8")
    assert "Open data guide" not in (out / "0701" / "guide-el.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o002, 0o664)])
def test_cli_out_files_were_private_to_their_owner(
    lifted_store: Path, tmp_path: Path, umask: int, mode: int
) -> None:
    """mkstemp made them 0600: a web server running as another user could not serve them."""
    out = tmp_path / "guides"
    before = os.umask(umask)
    try:
        result = run(
            "guide", "--municipality", "0701", "--out", str(out), "--store", str(lifted_store)
        )
    finally:
        os.umask(before)
    assert result.exit_code == 0, result.output
    written = list((out / "0701").iterdir())
    assert len(written) == 6
    assert {stat.S_IMODE(path.stat().st_mode) for path in written} == {mode}


def test_cli_out_where_nothing_can_be_written_was_an_internal_error(lifted_store: Path) -> None:
    result = run(
        "guide", "--municipality", "0701", "--out", "/proc/nope", "--store", str(lifted_store)
    )
    assert result.exit_code == 2, result.output
    assert "cannot write the Guide in /proc/nope/0701" in result.output
    assert "Traceback" not in result.output


def test_cli_out_that_fails_midway_leaves_no_file_half_written(
    lifted_store: Path, tmp_path: Path
) -> None:
    """A target that cannot be replaced (here a folder where guide.html goes) fails the write:
    the other files stay as they were and no temporary file is left behind."""
    folder = tmp_path / "guides" / "0701"
    (folder / "guide.html").mkdir(parents=True)
    (folder / "guide.md").write_text("the old Guide\n", encoding="utf-8")
    result = run(
        "guide", "--municipality", "0701", "--out", str(tmp_path / "guides"),
        "--store", str(lifted_store),
    )  # fmt: skip
    assert result.exit_code == 2, result.output
    assert f"cannot write the Guide in {folder}" in result.output
    assert sorted(path.name for path in folder.iterdir()) == ["guide.html", "guide.md"]
    assert (folder / "guide.md").read_text(encoding="utf-8") == "the old Guide\n"


def test_cli_out_under_a_file_is_a_usage_error(lifted_store: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "guides"
    blocked.write_text("a file, not a folder\n", encoding="utf-8")
    out = blocked / "deeper"
    result = run("guide", "--municipality", "0701", "--out", str(out), "--store", str(lifted_store))
    assert result.exit_code == 2, result.output
    assert f"cannot write the Guide in {out / '0701'}" in result.output
    assert blocked.read_text(encoding="utf-8") == "a file, not a folder\n"


def test_cli_out_that_fails_after_making_its_folders_removes_them(
    lifted_store: Path, tmp_path: Path
) -> None:
    """Folders just short of PATH_MAX can be made, but no file fits in them (ENAMETOOLONG):
    the folders the command made are removed again."""
    room = os.pathconf(tmp_path, "PC_PATH_MAX") - 20 - len(str(tmp_path / "0701"))
    out = tmp_path.joinpath(*["d" * 199] * (room // 200), "d" * (room % 200 or 1))
    assert len(str(out / "0701")) < os.pathconf(tmp_path, "PC_PATH_MAX")
    result = run("guide", "--municipality", "0701", "--out", str(out), "--store", str(lifted_store))
    assert result.exit_code == 2, result.output
    assert "cannot write the Guide in" in result.output and "too long" in result.output
    assert list(tmp_path.iterdir()) == []


def test_contact_and_terms_the_municipality_set(lifted_store: Path) -> None:
    result = run("guide", "--municipality", "0701", "--lang", "en", "--store", str(lifted_store))
    assert result.exit_code == 0, result.output
    contact = result.stdout.split("\n## Contact\n", 1)[1]
    assert "- Responsible: Open Data Unit" in contact
    assert "(<mailto:opendata@thessaloniki.gr>)" in contact
    assert (
        "- Terms of a distribution: CSV table: Creative Commons Attribution 4.0 International "
        "(CC BY 4.0); Marginal-cost charge (Basis of the charge: Decision 12/2025)"
    ) in result.stdout
    # The dataset itself stays free of charge.
    assert "- Charging: Free of charge" in result.stdout


def test_cli_unknown_municipality_is_a_usage_error(lifted_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "guides"
    result = run("guide", "--municipality", "9999", "--out", str(out), "--store", str(lifted_store))
    assert result.exit_code == 2
    assert "unknown municipality '9999'" in result.output
    assert not out.exists()


def test_cli_without_a_store_is_a_usage_error(tmp_path: Path) -> None:
    result = run("guide", "--municipality", "4401", "--store", str(tmp_path / "none"))
    assert result.exit_code == 2 and "no store there" in result.output


SCRIPT = "javascript:alert(document.domain)//"


def test_a_javascript_licence_iri_from_the_store_was_rendered_as_a_link(
    lifted_store: Path, tmp_path: Path
) -> None:
    path = tmp_path / "store"
    shutil.copytree(lifted_store, path)
    store = OxigraphStore(path)
    try:
        graph = ox.NamedNode(catalogue_graph(BASE, "4401"))
        terms = ox.NamedNode(v.terms_iri(BASE, "4401", "facilities"))
        store.update(
            insert_data(
                [
                    ox.Quad(terms, v.dcterms("relation"),
                            ox.NamedNode(v.dataset_iri(BASE, "4401", "facilities")), graph),
                    ox.Quad(terms, v.dcterms("license"), ox.NamedNode(SCRIPT), graph),
                ]
            )
        )  # fmt: skip
        found = guides(store, BASE, "4401", ("el", "en"))
    finally:
        store.close()
    assert {dataset.licence.iri for one in found for dataset in one.datasets} == {SCRIPT}
    html = as_html(*found)
    markdown = as_markdown(*found)
    hrefs = parsed(html).hrefs
    assert hrefs and all(href.startswith(("http://", "https://", "mailto:")) for href in hrefs)
    assert not [href for href in hrefs if "javascript" in href.lower()]
    # Shown as text (labelled with the IRI's last part, as any IRI no code list describes).
    assert "<td>javascript:alert(document.domain)</td>" in html
    assert f"<{SCRIPT}>" not in markdown and f"(<{SCRIPT}>)" not in markdown
    assert "- Licence: javascript:alert(document.domain)\n" in markdown
    assert "(javascript:alert(document.domain)//)" in markdown


def test_only_web_and_mailto_addresses_become_links(lifted_store: Path) -> None:
    store = OxigraphStore(lifted_store)
    try:
        found = guide(store, BASE, "0701", "en")
    finally:
        store.close()
    hostile = dataclasses.replace(
        found,
        contact=dataclasses.replace(found.contact, email="a@b.gr?bcc=c@d.gr", url=SCRIPT),
        licences=tuple(
            dataclasses.replace(
                entry, licence=dataclasses.replace(entry.licence, see_also="data:text/html,x")
            )
            for entry in found.licences
        ),
        areas=tuple(
            dataclasses.replace(
                area,
                datasets=tuple(
                    dataclasses.replace(
                        dataset,
                        iri="vbscript:x",
                        dumps=(Link("Turtle", SCRIPT), Link("CSV", "https://x.gr/a b")),
                    )
                    for dataset in area.datasets
                ),
            )
            for area in found.areas
        ),
    )
    html, markdown = as_html(hostile), as_markdown(hostile)
    hrefs = parsed(html).hrefs
    assert hrefs and all(href.startswith(("http://", "https://")) for href in hrefs)
    assert "data:text/html,x" in html and "a@b.gr?bcc=c@d.gr" in html
    addresses = re.findall(r"\]\(<([^>]*)>\)", markdown) + re.findall(r" <([^>\s]+)>", markdown)
    assert addresses and all(a.startswith(("http://", "https://")) for a in addresses)
    for text in ("data:text/html,x", "vbscript:x", "Turtle", "a@b.gr?bcc=c@d.gr"):
        assert text in markdown
    # and a plain address still is one
    plain = dataclasses.replace(found, contact=dataclasses.replace(found.contact, url=None))
    assert 'href="mailto:opendata@thessaloniki.gr"' in as_html(plain)


def test_library_guide_in_one_language(lifted_store: Path) -> None:
    store = OxigraphStore(lifted_store)
    try:
        found = guide(store, BASE, "0701", "en")
    finally:
        store.close()
    assert found.language == "en" and [d.dataset_id for d in found.datasets] == ["budget-expense"]
    html = as_html(found)
    assert html.count('class="language"') == 1


# ---------------------------------------------------------------------------------------------
# Printed by a real browser


@pytest.fixture(scope="module")
def demo_server(demo_app: Flask) -> Iterator[str]:
    with served(demo_app) as url:
        yield url


def pdf_pages(pdf: bytes) -> list[tuple[float, float]]:
    """The size of each page of a PDF, in points. Chromium (Skia) writes each page object and
    the document's information dictionary uncompressed, so no PDF library is needed."""
    boxes = re.findall(rb"/Type /Page\b.*?/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf, re.S)
    return [(float(width), float(height)) for width, height in boxes]


def pdf_title(pdf: bytes) -> str:
    """The /Title of the information dictionary: Chromium writes the document's <title>, as
    UTF-16BE in hex when it is not ASCII."""
    found = re.search(rb"/Title (?:<([0-9A-Fa-f]+)>|\((.*?)\))", pdf, re.S)
    assert found is not None, "no /Title in the PDF"
    if found[1] is not None:
        return bytes.fromhex(found[1].decode()).decode("utf-16")
    return found[2].decode("latin-1")


def test_chromium_prints_the_guide_to_pdf(demo_server: str, tmp_path: Path) -> None:
    from playwright.sync_api import Route, sync_playwright

    from test_browser import CHROMIUM, CHROMIUM_ARGS

    assert CHROMIUM.is_file(), f"{CHROMIUM} is missing: install Debian's chromium (apt)"
    off_host: list[str] = []

    def only_loopback(route: Route) -> None:
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            off_host.append(route.request.url)
            route.abort()

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.route("**/*", only_loopback)
            page.goto(f"{demo_server}guide/{DEMO_MUNICIPALITY}?lang=el,en")
            page.emulate_media(media="print")
            assert page.locator("nav.guide-nav").is_hidden()
            after = page.evaluate(
                "getComputedStyle(document.querySelector('a.dump'), '::after').content"
            )
            assert f"{DEMO_BASE}dump/{DEMO_MUNICIPALITY}/" in after, "link addresses printed"
            # The page size the document's own @page rule asks for, as a browser prints it.
            pdf = page.pdf(prefer_css_page_size=True, print_background=True)
        finally:
            browser.close()
    assert off_host == []
    sizes = pdf_pages(pdf)
    # A page break before each area with data, in each language, and the terms after them.
    assert len(sizes) > 2 * 10
    for width, height in sizes:  # A4 is 595.3 x 841.9 points; Chromium rounds up
        assert abs(width - 595.3) < 1.5 and abs(height - 841.9) < 1.5, (width, height)
    title = pdf_title(pdf)
    assert "Δήμος Καλαμάτας" in title and "Municipality of Kalamata" in title
