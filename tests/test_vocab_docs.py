"""`demoi vocab docs` and the served /standards/ site (docs/vocab-docs.md): every term of the
standards has its section in both languages, every standards IRI's HTML is that section, and the
written site works offline."""

from __future__ import annotations

import html
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from flask import Flask
from flask.testing import FlaskClient
from markupsafe import escape

from conftest import REPO
from demoi.cli import cli
from demoi.server import app_store, create_app
from demoi.vocab.docs_changelog import parse_changelog
from demoi.vocab.docs_pages import TEXT, file_name
from demoi.vocab.site import Site, build_site

W3ID = "https://w3id.org/demoi/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
OWL = "http://www.w3.org/2002/07/owl#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
SH = "http://www.w3.org/ns/shacl#"
LABELS = (RDFS + "label", SKOS + "prefLabel", SH + "name")
SHAPE_TYPES = {SH + "NodeShape", SH + "PropertyShape"}


# -- the standards, read here independently of demoi.vocab -----------------------------------


@dataclass(frozen=True)
class Term:
    iri: str
    kind: str
    labels: dict[str, str]

    def label(self, language: str) -> str:
        other = "en" if language == "el" else "el"
        return self.labels.get(language) or self.labels.get(other) or ""


def _kind(types: set[str], shapes_file: bool) -> str | None:
    if shapes_file:
        return "shape" if types & SHAPE_TYPES else None
    if types & {OWL + "Class", RDFS + "Class"}:
        return "class"
    if SKOS + "Concept" in types:
        return "concept"
    if any(t.endswith("Property") for t in types):
        return "property"
    return None


def standards_terms(root: Path) -> list[Term]:
    """Every class, property, concept and shape (an IRI typed as one) of the Turtle files."""
    files = [
        *sorted((root / "ontologies").rglob("*.ttl")),
        *sorted((root / "shapes").glob("*.ttl")),
    ]
    found: dict[str, Term] = {}
    for path in files:
        triples = list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
        types: dict[str, set[str]] = {}
        labels: dict[str, dict[str, str]] = {}
        for triple in triples:
            subject, value = triple.subject, triple.object
            if not isinstance(subject, ox.NamedNode):
                continue
            if triple.predicate.value == RDF_TYPE:
                types.setdefault(subject.value, set()).add(value.value)
            if triple.predicate.value in LABELS and isinstance(value, ox.Literal):
                if value.language:
                    labels.setdefault(subject.value, {}).setdefault(value.language, value.value)
        for iri, its_types in types.items():
            kind = _kind(its_types, path.parent.name == "shapes")
            if kind and iri not in found:
                found[iri] = Term(iri, kind, labels.get(iri, {}))
    return list(found.values())


TERMS = standards_terms(REPO)


def test_the_standards_have_every_kind_of_term() -> None:
    kinds = {term.kind for term in TERMS}
    assert kinds == {"class", "property", "concept", "shape"}
    assert len(TERMS) > 4000


# -- the written site ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def site() -> Site:
    return build_site(REPO)


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("docs") / "site"
    result = CliRunner().invoke(cli, ["vocab", "docs", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert f"written to {out}" in result.output
    return out


SECTION_START = re.compile(r'<(?:section|tr)\b[^>]*\bid="([^"]*)"')


def sections_of(text: str) -> dict[str, str]:
    """A page's sections (and table rows) by their id, each up to the next one."""
    starts = list(SECTION_START.finditer(text))
    ends = [m.start() for m in starts[1:]] + [len(text)]
    return {m.group(1): text[m.start() : end] for m, end in zip(starts, ends, strict=True)}


class Pages:
    """The written pages, each split into its sections by anchor (read once)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.sections: dict[Path, dict[str, str]] = {}

    def section(self, page: Path, anchor: str) -> str | None:
        if page not in self.sections:
            self.sections[page] = sections_of(page.read_text(encoding="utf-8"))
        return self.sections[page].get(str(escape(anchor)))


def test_every_term_has_its_section_with_its_label_in_both_languages(
    site: Site, written: Path
) -> None:
    pages = Pages(written)
    missing = []
    for term in TERMS:
        target = site.index.get(term.iri)
        if target is None or target.anchor is None:
            missing.append(f"{term.iri}: no section")
            continue
        for language in ("el", "en"):
            section = pages.section(written / language / file_name(target.page), target.anchor)
            if section is None:
                missing.append(f"{term.iri}: no #{target.anchor} in {language}/{target.page}")
            elif str(escape(term.label(language))) not in section:
                missing.append(f"{term.iri}: no {language} label {term.label(language)!r}")
    assert not missing, "\n".join(missing[:20])


def _links(page: Path) -> list[str]:
    """The page's links, as written (entities decoded, percent-encoding kept)."""
    text = page.read_text(encoding="utf-8")
    return [html.unescape(link) for link in re.findall(r'\b(?:href|src)="([^"]*)"', text)]


def _standards_iris(root: Path) -> set[str]:
    iris = set()
    for path in [*(root / "ontologies").rglob("*.ttl"), *(root / "shapes").glob("*.ttl")]:
        for triple in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE):
            iris.update(t.value for t in triple if isinstance(t, ox.NamedNode))
    return iris


def test_the_written_site_loads_nothing_from_elsewhere(written: Path) -> None:
    named = _standards_iris(REPO)
    pages = sorted(written.rglob("*.html"))
    assert len(pages) > 90
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert "<script" not in text and "<link" not in text and "@import" not in text, page
        assert not re.search(r"\bsrc=", text), page
        assert set(re.findall(r"url\(([^)]*)\)", text)) <= {
            "#diagram-subclass-arrow",
            "#diagram-property-arrow",
        }, page
        for link in _links(page):
            if urlsplit(link).scheme:
                # Only the IRIs the standards themselves name: terms, sources, references.
                assert link in named, f"{page.name}: external link {link}"


def test_every_relative_link_of_the_written_site_resolves(written: Path) -> None:
    pages = Pages(written)
    ids_of: dict[Path, set[str]] = {}
    broken = []
    for page in sorted(written.rglob("*.html")):
        for link in set(_links(page)):
            if urlsplit(link).scheme:
                continue
            path, _, anchor = unquote(link).partition("#")
            target = (page.parent / path).resolve() if path else page
            if not target.is_file():
                broken.append(f"{page.relative_to(written)}: {link}")
                continue
            if anchor:
                if target not in ids_of:
                    ids_of[target] = set(
                        re.findall(r'\bid="([^"]*)"', target.read_text(encoding="utf-8"))
                    )
                if str(escape(anchor)) not in ids_of[target]:
                    broken.append(f"{page.relative_to(written)}: {link} (no such anchor)")
    assert not broken, "\n".join(sorted(broken)[:20])
    assert pages.root == written


def test_the_written_site_has_both_languages_and_switches_between_them(written: Path) -> None:
    chooser = (written / "index.html").read_text(encoding="utf-8")
    assert 'href="el/index.html"' in chooser and 'href="en/index.html"' in chooser
    greek = (written / "el" / "finance.html").read_text(encoding="utf-8")
    english = (written / "en" / "finance.html").read_text(encoding="utf-8")
    assert '<html lang="el">' in greek and '<html lang="en">' in english
    assert "<h1>Λεξιλόγιο οικονομικών demoi</h1>" in greek
    assert "<h1>demoi finance vocabulary</h1>" in english
    assert 'href="../en/finance.html"' in greek and 'href="../el/finance.html"' in english


def test_an_area_page_has_its_diagram_rules_and_examples(written: Path) -> None:
    page = (written / "en" / "finance.html").read_text(encoding="utf-8")
    diagram = page.split('<section id="diagram">')[1].split("</section>")[0]
    assert "<svg" in diagram and 'href="#BudgetLine"' in diagram
    rule = Pages(written).section(
        written / "en" / "finance.html", "ExpenditureLine-kaeCode-pattern"
    )
    assert rule is not None
    assert "matching the pattern" in rule and "<code>^[6-9]" in rule
    assert "severity" in rule and "Violation" in rule
    assert 'lang="el">«' in rule and 'lang="en">“' in rule  # the message in both languages
    count = Pages(written).section(written / "el" / "finance.html", "BudgetLine-kaeCode-count")
    assert count is not None and "ακριβώς 1 τιμή" in count and "Παράβαση" in count
    examples = page.split('<section id="examples">')[1]
    assert "valid-expense" in examples and "fin:ExpenditureLine" in examples
    reused = page.split('<section id="reused">')
    assert len(reused) == 1, "finance declares no reused term: statistics.ttl holds qb:"
    statistics = (written / "en" / "statistics.html").read_text(encoding="utf-8")
    assert 'id="qb-Observation"' in statistics.split('<section id="reused">')[1]


def test_the_changelog_page_lists_the_releases_in_its_language(written: Path) -> None:
    greek = (written / "el" / "changelog.html").read_text(encoding="utf-8")
    english = (written / "en" / "changelog.html").read_text(encoding="utf-8")
    assert "0.1.0 — 2026-11-23" in greek and "Πρώτη έκδοση" in greek
    assert "First release" in english and "Πρώτη έκδοση" not in english


def test_the_changelog_subset_of_markdown_is_rendered_and_escaped() -> None:
    changelog = parse_changelog(
        "# Changelog\n\nintro\n\n## 1.2.0 — 2027-01-02\n<!-- released from git revision x -->\n\n"
        "### Ελληνικά\n- **Ασύμβατη αλλαγή** — νέο `fin:x`,\n  σε δύο γραμμές\n\n"
        "### English\n- a <b>label</b> with `code`\n"
    )
    (release,) = changelog.releases
    assert (release.version, release.date) == ("1.2.0", "2027-01-02")
    assert release.changes_in("el") == [
        "<strong>Ασύμβατη αλλαγή</strong> — νέο <code>fin:x</code>, σε δύο γραμμές"
    ]
    assert release.changes_in("en") == ["a &lt;b&gt;label&lt;/b&gt; with <code>code</code>"]


# -- a standards tree of the test's own ----------------------------------------------------

EVIL = "<script>alert(1)</script>"
TREE_VOCABULARY = f"""
@prefix ev: <https://w3id.org/demoi/def/evil#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix vann: <http://purl.org/vocab/vann/> .
<https://w3id.org/demoi/def/evil> a owl:Ontology ;
    dcterms:title "Κακό {EVIL}"@el , "Evil {EVIL}"@en ;
    vann:preferredNamespaceUri "https://w3id.org/demoi/def/evil#" .
ev:Thing a owl:Class ; rdfs:label "πράγμα {EVIL}"@el , "thing {EVIL}"@en ;
    skos:definition "ορισμός & {EVIL}"@el , "definition & {EVIL}"@en ;
    rdfs:isDefinedBy <https://w3id.org/demoi/def/evil> .
ev:part a owl:ObjectProperty ; rdfs:label "μέρος"@el , "part {EVIL}"@en ;
    rdfs:domain ev:Thing ; rdfs:range ev:Thing .
"""
TREE_SHAPES = f"""
@prefix ev: <https://w3id.org/demoi/def/evil#> .
@prefix evsh: <https://w3id.org/demoi/shapes/evil#> .
@prefix sh: <http://www.w3.org/ns/shacl#> .
evsh:ThingShape a sh:NodeShape ; sh:targetClass ev:Thing ; sh:property evsh:Thing-part-count .
evsh:Thing-part-count a sh:PropertyShape ; sh:path ev:part ; sh:minCount 1 ;
    sh:pattern "{EVIL}" ; sh:severity sh:Violation ;
    sh:message "λάθος {EVIL}"@el , "wrong {EVIL}"@en .
"""


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "standards"
    (root / "ontologies" / "codelists").mkdir(parents=True)
    (root / "shapes").mkdir()
    (root / "ontologies" / "evil.ttl").write_text(TREE_VOCABULARY, encoding="utf-8")
    (root / "shapes" / "evil.ttl").write_text(TREE_SHAPES, encoding="utf-8")
    return root


def docs(*args: str | Path) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["vocab", "docs", *map(str, args)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


def test_a_hostile_label_is_text_everywhere(tree: Path, tmp_path: Path) -> None:
    code, output = docs("--standards", tree, "--out", tmp_path / "out")
    assert code == 0, output
    for page in (tmp_path / "out").rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "<script" not in text, page
    english = (tmp_path / "out" / "en" / "evil.html").read_text(encoding="utf-8")
    escaped = "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert f"thing {escaped}" in english  # the section, and the diagram's box
    assert english.count(f"thing {escaped}") >= 2
    assert f"wrong {escaped}" in english and f"<code>{escaped}</code>" in english
    assert "definition &amp; " in english


def test_a_tree_without_examples_or_changelog_says_so(tree: Path, tmp_path: Path) -> None:
    assert docs("--standards", tree, "--out", tmp_path / "out")[0] == 0
    english = (tmp_path / "out" / "en" / "evil.html").read_text(encoding="utf-8")
    assert "No examples: the example cases" in english
    greek = (tmp_path / "out" / "el" / "changelog.html").read_text(encoding="utf-8")
    assert "Δεν έχει γίνει ακόμη καμία έκδοση" in greek


def test_out_replaces_an_earlier_site_and_refuses_anything_else(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert docs("--standards", tree, "--out", out)[0] == 0
    stale = out / "en" / "gone.html"
    stale.write_text("from an earlier run", encoding="utf-8")
    assert docs("--standards", tree, "--out", out)[0] == 0
    assert not stale.exists() and (out / "en" / "evil.html").is_file()

    other = tmp_path / "other"
    other.mkdir()
    (other / "notes.txt").write_text("mine", encoding="utf-8")
    code, output = docs("--standards", tree, "--out", other)
    assert code == 2 and "holds other files" in output and "Traceback" not in output
    assert [p.name for p in other.iterdir()] == ["notes.txt"]

    code, output = docs("--standards", tree, "--out", other / "notes.txt")
    assert code == 2 and "is a file" in output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other", "out", "standards"]


def test_a_standards_file_that_does_not_parse_names_its_line_and_writes_nothing(
    tree: Path, tmp_path: Path
) -> None:
    with (tree / "shapes" / "evil.ttl").open("a", encoding="utf-8") as file:
        file.write("evsh:Broken a ;\n")
    code, output = docs("--standards", tree, "--out", tmp_path / "out")
    assert code == 1
    assert output.startswith("error: shapes/evil.ttl, line 9, column")
    assert "Traceback" not in output
    assert not (tmp_path / "out").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["standards"]


def test_the_pages_have_every_string_in_both_languages() -> None:
    assert TEXT["el"].keys() == TEXT["en"].keys()
    assert all(TEXT["el"][key] != TEXT["en"][key] for key in TEXT["el"] if key != "iri")


def test_docs_help_documents_the_exit_codes() -> None:
    result = CliRunner().invoke(cli, ["vocab", "docs", "--help"])
    assert "Exit codes: 0" in result.output and "--standards" in result.output


# -- served --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def docs_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    app = create_app(
        {
            "STORE": str(tmp_path_factory.mktemp("docs-store") / "store"),
            "BASE_URI": "http://demoi.test/",
            "RATE_LIMIT": "",
        }
    )
    yield app
    app_store(app).close()


@pytest.fixture
def docs_client(docs_app: Flask) -> FlaskClient:
    return docs_app.test_client()


def _sections(client: FlaskClient, url: str, cache: dict[str, dict[str, str]]) -> dict[str, str]:
    if url not in cache:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.mimetype == "text/html"
        cache[url] = sections_of(response.get_data(as_text=True))
    return cache[url]


def test_every_demoi_term_iri_dereferences_to_its_section(docs_client: FlaskClient) -> None:
    pages: dict[str, dict[str, str]] = {}
    wrong = []
    ours = [term for term in TERMS if term.iri.startswith(W3ID)]
    assert len(ours) > 4000
    for term in ours:
        document, _, fragment = term.iri.removeprefix(W3ID).partition("#")
        response = docs_client.get("/" + document, headers={"Accept": "text/html"})
        if response.status_code != 303:
            wrong.append(f"{term.iri}: {response.status_code}")
            continue
        location = response.headers["Location"]
        url, _, anchor = location.partition("#")
        assert url.startswith("/standards/") and "lang=el" in url
        if fragment:  # the browser keeps the IRI's fragment: it must be the anchor
            assert not anchor, location
            anchor = fragment
        section = _sections(docs_client, url, pages).get(str(escape(unquote(anchor))))
        if section is None:
            wrong.append(f"{term.iri}: no #{anchor} on {url}")
        elif str(escape(term.label("el"))) not in section:
            wrong.append(f"{term.iri}: its label is not in its section on {url}")
    assert not wrong, "\n".join(wrong[:20])


def test_a_vocabulary_a_code_and_a_shapes_file_go_to_their_sections(
    docs_client: FlaskClient,
) -> None:
    def location(path: str) -> str:
        response = docs_client.get(path, headers={"Accept": "text/html"})
        assert response.status_code == 303
        return response.headers["Location"]

    assert location("/def/finance?lang=en") == "/standards/finance?lang=en"
    assert location("/def/finance.html") == "/standards/finance?lang=el"
    assert location("/code/municipality/4401") == "/standards/code/municipality?lang=el#4401"
    assert location("/code/decision-type/%CE%91.2") == (
        "/standards/code/decision-type?lang=el#%CE%91.2"
    )
    assert location("/code/kae") == "/standards/code/kae?lang=el"
    assert location("/shapes/finance-recommended?lang=en") == "/standards/finance/rules?lang=en"
    rules = docs_client.get("/standards/finance/rules?lang=en").get_data(as_text=True)
    assert rules.index('<section id="rules">') < rules.index('<section id="classes">')
    assert 'id="BudgetLine-paid-maxCount"' in rules
    assert 'href="/standards/finance/rules?lang=el"' in rules  # the language switch


def test_a_municipality_keeps_its_resource_page_with_incoming_links(
    docs_client: FlaskClient,
) -> None:
    page = docs_client.get(
        "/resource?iri=https%3A%2F%2Fw3id.org%2Fdemoi%2Fcode%2Fmunicipality%2F4401&lang=en"
    )
    assert page.status_code == 200 and "Municipality of Kalamata" in page.get_data(as_text=True)
    section = docs_client.get("/standards/code/municipality?lang=en").get_data(as_text=True)
    assert "/resource?iri=https%3A%2F%2Fw3id.org%2Fdemoi%2Fcode%2Fmunicipality%2F4401" in section


def test_the_rdf_of_a_vocabulary_is_unchanged(docs_client: FlaskClient) -> None:
    turtle = docs_client.get("/def/finance", headers={"Accept": "text/turtle"})
    assert turtle.status_code == 200 and turtle.mimetype == "text/turtle"
    assert "Location" not in turtle.headers
    # The same description /resource gives, which the documentation site does not touch.
    plain = docs_client.get(
        "/resource?iri=https%3A%2F%2Fw3id.org%2Fdemoi%2Fdef%2Ffinance",
        headers={"Accept": "text/turtle"},
    )
    assert turtle.data == plain.data
    served = {
        t for t in ox.parse(turtle.data, ox.RdfFormat.TURTLE) if not _blank(t.subject, t.object)
    }
    source = {
        t
        for t in ox.parse(path=str(REPO / "ontologies" / "finance.ttl"), format=ox.RdfFormat.TURTLE)
        if not _blank(t.subject, t.object)
    }
    assert source <= served
    for extension, media_type in (("ttl", "text/turtle"), ("jsonld", "application/ld+json")):
        response = docs_client.get(f"/def/finance.{extension}")
        assert response.status_code == 200 and response.mimetype == media_type


def _blank(*terms: object) -> bool:
    return any(isinstance(term, ox.BlankNode) for term in terms)


def test_the_served_pages_follow_lang_and_load_nothing_from_elsewhere(
    docs_client: FlaskClient,
) -> None:
    greek = docs_client.get("/standards/?lang=el")
    english = docs_client.get("/standards/?lang=en").get_data(as_text=True)
    assert greek.headers["Vary"] == "Accept-Language"
    assert '<html lang="el">' in greek.get_data(as_text=True)
    assert '<html lang="en">' in english and "Functional areas" in english
    assert 'href="/standards/finance?lang=en"' in english
    assert 'href="/standards/code/municipality?lang=en"' in english
    assert 'href="/standards/changelog?lang=en"' in english
    assert 'href="/standards/?lang=el"' in english  # the language switch
    area = docs_client.get("/standards/finance?lang=en").get_data(as_text=True)
    assert "<script" not in area and not re.search(r"\bsrc=", area)
    assert docs_client.get("/standards/no-such-area").status_code == 404
    assert docs_client.get("/standards/code/no-such-list").status_code == 404


def test_the_served_site_is_built_once_per_app(docs_client: FlaskClient, docs_app: Flask) -> None:
    from demoi.server.standards_docs import served_site

    docs_client.get("/standards/finance")
    with docs_app.test_request_context():
        first = served_site(docs_app)
    docs_client.get("/standards/statistics")
    with docs_app.test_request_context():
        assert served_site(docs_app) is first


def test_a_site_is_written_from_a_copy_of_the_standards_without_tests(tmp_path: Path) -> None:
    root = tmp_path / "standards"
    for folder in ("ontologies", "shapes"):
        shutil.copytree(REPO / folder, root / folder)
    site = build_site(root)
    assert not site.has_examples
    assert all(area.examples is None for area in site.areas)


# -- regressions of review R3 --------------------------------------------------------------

HOSTILE_IRIS = """
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<javascript:alert(7)//> a owl:Class ; rdfs:label "x"@en , "x"@el ;
    rdfs:isDefinedBy <javascript:alert(8)> .
"""
HOSTILE_CODE_LIST = """
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<javascript:alert(9)> a skos:ConceptScheme ; skos:prefLabel "κακός"@el , "bad"@en .
<javascript:alert(10)> a skos:Concept ; skos:inScheme <javascript:alert(9)> ;
    skos:prefLabel "κακή"@el , "bad one"@en .
"""


def test_a_javascript_iri_in_a_standards_tree_is_text_not_a_link(
    tree: Path, tmp_path: Path
) -> None:
    with (tree / "ontologies" / "evil.ttl").open("a", encoding="utf-8") as file:
        file.write(HOSTILE_IRIS)
    (tree / "ontologies" / "codelists" / "bad.ttl").write_text(HOSTILE_CODE_LIST, "utf-8")
    code, output = docs("--standards", tree, "--out", tmp_path / "out")
    assert code == 0, output
    pages = {p: p.read_text(encoding="utf-8") for p in (tmp_path / "out").rglob("*.html")}
    for page, text in pages.items():
        assert not re.search(r"href=\"(?!https?:|[^\":]*(?:[#?\"]|$))", text), page
    english = pages[tmp_path / "out" / "en" / "evil.html"]
    assert "<code>javascript:alert(7)//</code>" in english
    assert "<code>javascript:alert(10)</code>" in pages[tmp_path / "out" / "en" / "code-bad.html"]


def _case(folder: Path, expected: str = '{"results": []}', data: str = "") -> Path:
    folder.mkdir(parents=True)
    (folder / "expected.json").write_text(expected, encoding="utf-8")
    (folder / "data.ttl").write_text(data or "<http://x.test/a> <http://x.test/b> 1 .\n", "utf-8")
    return folder


def test_a_symlinked_example_file_or_case_is_not_published(tree: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-KEY\n", encoding="utf-8")
    cases = tree / "tests" / "cases" / "shapes" / "evil"
    _case(cases / "valid-real")
    leak = _case(cases / "valid-leak")
    (leak / "data.ttl").unlink()
    (leak / "data.ttl").symlink_to(secret)
    elsewhere = _case(tmp_path / "elsewhere" / "valid-linked", data="# SECRET-KEY\n")
    (cases / "valid-linked").symlink_to(elsewhere, target_is_directory=True)
    code, output = docs("--standards", tree, "--out", tmp_path / "out")
    assert code == 0, output
    english = (tmp_path / "out" / "en" / "evil.html").read_text(encoding="utf-8")
    assert "valid-real" in english
    assert "SECRET" not in english and "valid-leak" not in english


def test_the_code_column_shows_the_notation_not_the_iri_segment(written: Path) -> None:
    page = (written / "en" / "code-media-types.html").read_text(encoding="utf-8")
    codes = re.findall(r'<tr id="[^"]*"><td><a href="[^"]*"><code>([^<]*)', page)
    assert "text/csv" in codes and "application/ld+json" in codes
    assert "csv" not in codes


def test_the_code_standard_page_lists_the_members_of_its_scheme(site: Site) -> None:
    page = site.code_list("standard")
    assert page is not None and len(page.concepts) == 16
    assert any(t.iri == "https://w3id.org/demoi/shapes/finance" for t in page.concepts)


def test_an_inverse_path_in_a_nested_phrase_has_no_commas(written: Path) -> None:
    page = (written / "en" / "catalogue.html").read_text(encoding="utf-8")
    section = sections_of(page)["Distribution-license-hvd"]
    assert "property ^<a" in section and "^, " not in section


FLAGGED_SHAPES = """
@prefix ev: <https://w3id.org/demoi/def/evil#> .
@prefix evsh: <https://w3id.org/demoi/shapes/evil#> .
@prefix sh: <http://www.w3.org/ns/shacl#> .
evsh:A-caseless a sh:PropertyShape ; sh:path ev:part ; sh:pattern "^x$" ; sh:flags "i" .
evsh:B-exact a sh:PropertyShape ; sh:path ev:part ; sh:pattern "^x$" .
"""


def test_sh_flags_are_shown_on_their_own_shape_not_one_with_the_same_pattern(
    tree: Path,
) -> None:
    (tree / "shapes" / "evil-recommended.ttl").write_text(FLAGGED_SHAPES, encoding="utf-8")
    area = build_site(tree).area("evil")
    assert area is not None
    shown = {
        rule.anchor: [v.text.en for p in rule.phrases for v in p.values if v.kind == "text"]
        for rule in area.property_rules
    }
    assert shown["A-caseless"] == ["^x$  (flags: i)"]
    assert shown["B-exact"] == ["^x$"]


def test_an_area_named_like_another_page_gets_a_file_of_its_own(tree: Path, tmp_path: Path) -> None:
    names = ["index", "changelog", "area/index", "area/changelog", "area/code-kae", "code/kae"]
    names += ["area/area-index", "area/finance", "code/a/b", "code/a-b"]
    assert len({file_name(key) for key in names}) == len(names)
    vocabulary = TREE_VOCABULARY.replace("def/evil", "def/index")
    (tree / "ontologies" / "index.ttl").write_text(vocabulary, encoding="utf-8")
    assert docs("--standards", tree, "--out", tmp_path / "out")[0] == 0
    index = (tmp_path / "out" / "en" / "index.html").read_text(encoding="utf-8")
    assert "Functional areas" in index and 'href="area-index.html"' in index
    assert (tmp_path / "out" / "en" / "area-index.html").is_file()


@pytest.mark.parametrize(
    "given",
    ["link", ".", "..", "../../earlier", "/proc/demoi-docs", "file/sub", "file"],
)
def test_out_onto_an_odd_target_is_a_usage_error_that_touches_nothing(
    tree: Path, tmp_path: Path, given: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "work"
    (work / "empty").mkdir(parents=True)
    (work / "link").symlink_to(work / "empty", target_is_directory=True)
    (work / "file").write_text("mine", encoding="utf-8")
    earlier = work / "earlier"
    monkeypatch.chdir(work)
    assert docs("--standards", tree, "--out", earlier)[0] == 0
    # Inside an earlier site, which . (from its top) and .. (from el/) would replace.
    monkeypatch.chdir(earlier if given == "." else earlier / "el")
    before = sorted(str(p) for p in tmp_path.rglob("*"))
    code, output = docs(
        "--standards",
        tree,
        "--out",
        given if given.startswith((".", "/")) else work / given,
    )
    assert code == 2, output
    assert output.startswith("error: --out") and "Traceback" not in output
    assert sorted(str(p) for p in tmp_path.rglob("*")) == before
    assert (work / "link").is_symlink() and not any((work / "empty").iterdir())


CHANGELOG_HEAD = "# Changelog\n\n## 1.0.0 — 2027-01-02\n\n### English\n"


@pytest.mark.parametrize(
    ("case", "where", "expected"),
    [
        ("expected-not-json", "expected.json", "expected.json, line 1, column 13"),
        ("expected-array", "expected.json", "expected.json, line 1, column 1: expected a JSON"),
        ("data-not-utf8", "data.ttl", "data.ttl, line 2, column 3: not UTF-8"),
        ("data-not-turtle", "data.ttl", "valid-x/data.ttl, line 1, column"),
        ("changelog-not-utf8", "CHANGELOG.md", "ontologies/CHANGELOG.md, line 6: not UTF-8"),
        ("shapes-triple-term", "shapes", "shapes/evil.ttl: an RDF 1.2 triple term"),
    ],
)
def test_bad_input_in_a_standards_tree_is_a_located_data_error(
    tree: Path, tmp_path: Path, case: str, where: str, expected: str
) -> None:
    folder = tree / "tests" / "cases" / "shapes" / "evil" / "valid-x"
    if case == "expected-not-json":
        _case(folder, expected='{"results": ]}')
    elif case == "expected-array":
        _case(folder, expected="[]")
    elif case == "data-not-utf8":
        _case(folder)
        (folder / "data.ttl").write_bytes(b"# a\n# \xff\n<http://x.test/a> <http://x.test/b> 1 .\n")
    elif case == "data-not-turtle":
        _case(folder, data="<http://x.test/a> broken .\n")
    elif case == "changelog-not-utf8":
        (tree / "ontologies" / "CHANGELOG.md").write_bytes(CHANGELOG_HEAD.encode() + b"- caf\xe9\n")
    else:
        with (tree / "shapes" / "evil.ttl").open("a", encoding="utf-8") as file:
            file.write("ev:a ev:b <<( ev:a ev:b ev:c )>> .\n")
    code, output = docs("--standards", tree, "--out", tmp_path / "out")
    assert code == 1, output
    assert output.startswith("error: ") and expected in output, output
    assert where in output and "Traceback" not in output
    assert not (tmp_path / "out").exists()


def test_a_folder_without_ontologies_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    code, output = docs("--standards", tmp_path / "empty", "--out", tmp_path / "out")
    assert code == 2 and "no ontologies/ folder" in output, output
    assert not (tmp_path / "out").exists()


def test_a_value_with_a_comment_opener_cannot_hide_changelog_text() -> None:
    changelog = parse_changelog(
        CHANGELOG_HEAD.replace("\n\n###", "\n<!-- released from git revision abc -->\n\n###")
        + "- label `<!--` added\n- hidden?\n- value `-->` added\n"
        "<!--\na block comment\n-->\n- after the block\n"
    )
    (release,) = changelog.releases
    assert [str(c) for c in release.changes_in("en")] == [
        "label <code>&lt;!--</code> added",
        "hidden?",
        "value <code>--&gt;</code> added",
        "after the block",
    ]


def test_a_missing_standards_page_is_a_bilingual_404(docs_client: FlaskClient) -> None:
    page = docs_client.get("/standards/nosuch?lang=en", headers={"Accept": "text/html"})
    assert page.status_code == 404 and page.mimetype == "text/html"
    text = page.get_data(as_text=True)
    assert '<html lang="en">' in text and "No such page" in text
    greek = docs_client.get("/standards/nosuch?lang=el", headers={"Accept": "text/html"})
    assert "Η σελίδα δεν υπάρχει" in greek.get_data(as_text=True)
    answer = docs_client.get("/standards/code/nosuch", headers={"Accept": "application/json"})
    assert answer.status_code == 404 and answer.mimetype == "application/json"
    message = answer.get_json()["error"]["message"]
    assert "τα πρότυπα δεν έχουν σελίδα" in message and "the standards have no page" in message


def test_a_standards_page_has_an_etag_and_cache_control_and_answers_304(
    docs_client: FlaskClient,
) -> None:
    first = docs_client.get("/standards/finance?lang=en")
    etag = first.headers["ETag"]
    assert first.status_code == 200 and "max-age" in first.headers["Cache-Control"]
    again = docs_client.get("/standards/finance?lang=en", headers={"If-None-Match": etag})
    assert again.status_code == 304 and not again.data
    greek = docs_client.get("/standards/finance?lang=el")
    assert greek.headers["ETag"] != etag
