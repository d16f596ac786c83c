"""The validation reports (demoi.validation_report) and the default messages
(demoi.shape_messages), on real outcomes of demoi.conformance.check over files on disk."""

from __future__ import annotations

import json
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree as ET

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.collection import Collection
from rdflib.namespace import RDF, SH

from conftest import REPO, SHARED_DATA
from demoi import conformance, profiles, shape_messages, validation_report
from demoi.errors import UsageError

CATALOGUE_CASES = REPO / "tests" / "cases" / "shapes" / "catalogue"
DV = rdflib.Namespace("https://w3id.org/demoi/def/validation#")
DATASET = "http://127.0.0.1:8000/id/budget-expense/4401/2024"
SCRIPT = "<script>alert('x')</script>"
BROKEN_CASES = (  # each a patch.ru on the valid dataset; together four rules broken
    "dataset-title-untagged",
    "dataset-without-publisher",
    "dataset-two-greek-titles",
    "dataset-without-theme",
)
JSON_KEYS = {
    "conforms",
    "strict",
    "language",
    "profiles",
    "inputs",
    "triples",
    "checkedAt",
    "seconds",
    "counts",
    "passes",
    "byShape",
    "results",
    "notes",
}
RESULT_KEYS = {
    "severity",
    "focusNode",
    "resultPath",
    "value",
    "valueTerm",
    "message",
    "messages",
    "sourceShape",
    "sourceConstraintComponent",
    "section",
    "pass",
    "profile",
}

# Shapes of our own, to reach what the catalogue cases do not: a dozen failing nodes of one rule,
# a blank-node focus, an inverse path, a typed value, a SPARQL constraint (left to pySHACL).
CUSTOM_SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ex: <http://example.org/> .
@prefix dct: <http://purl.org/dc/terms/> .

ex:ThingShape a sh:NodeShape ;
    sh:targetClass ex:Thing ;
    sh:property ex:Thing-title , ex:Thing-size , ex:Thing-owner .

ex:Thing-title sh:path dct:title ; sh:minCount 1 ;
    sh:name "Τίτλος"@el , "Title"@en ;
    sh:description "Ο τίτλος όπως εμφανίζεται στον κατάλογο."@el ,
        "The title as the catalogue shows it."@en .
ex:Thing-size sh:path ex:size ; sh:datatype xsd:integer ; sh:severity sh:Warning .
ex:Thing-owner sh:path [ sh:inversePath ex:owns ] ; sh:maxCount 1 .

ex:PartShape a sh:NodeShape ;
    sh:targetClass ex:Part ;
    sh:property [ sh:path ex:code ; sh:pattern "^[A-Z]+$" ; sh:message "Code in capitals" ] .

ex:SparqlShape a sh:NodeShape ;
    sh:targetClass ex:Checked ;
    sh:sparql [ sh:select "SELECT $this WHERE { $this <http://example.org/bad> true }" ] .
"""


def custom_data() -> str:
    things = "\n".join(f"ex:thing{n:02} a ex:Thing ." for n in range(12))
    return f"""
@prefix ex: <http://example.org/> .
@prefix dct: <http://purl.org/dc/terms/> .
{things}
ex:thing00 ex:size "twelve"@en .
ex:thing01 ex:size "{SCRIPT}" .
ex:alice ex:owns ex:thing02 . ex:bob ex:owns ex:thing02 .
[] a ex:Part ; ex:code "abc" .
ex:checked a ex:Checked ; ex:bad true .
"""


@pytest.fixture(scope="module")
def broken_catalogue(tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = ox.Store()
    store.load(path=str(CATALOGUE_CASES / "valid-dataset" / "data.ttl"), format=ox.RdfFormat.TURTLE)
    for case in BROKEN_CASES:
        store.update((CATALOGUE_CASES / case / "patch.ru").read_text(encoding="utf-8"))
    path = tmp_path_factory.mktemp("report") / "catalogue.ttl"
    path.write_bytes(store.dump(format=ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph()))
    return path


@pytest.fixture(scope="module")
def outcome(broken_catalogue: Path) -> conformance.Outcome:
    return conformance.check(
        [conformance.Source(str(broken_catalogue))], profiles.load("catalogue")
    )


@pytest.fixture(scope="module")
def conforming() -> conformance.Outcome:
    data = CATALOGUE_CASES / "valid-dataset" / "data.ttl"
    return conformance.check([conformance.Source(str(data))], profiles.load("catalogue"))


def custom_outcome(tmp_path: Path, *, strict: bool = False) -> conformance.Outcome:
    shapes_file = tmp_path / "shapes.ttl"
    shapes_file.write_text(CUSTOM_SHAPES, encoding="utf-8")
    data_file = tmp_path / "data.ttl"
    data_file.write_text(custom_data(), encoding="utf-8")
    profile, notes = conformance.read_shapes(conformance.Source(str(shapes_file)))
    return conformance.check(
        [conformance.Source(str(data_file))], [profile], strict=strict, notes=notes
    )


@pytest.fixture(scope="module")
def custom(tmp_path_factory: pytest.TempPathFactory) -> conformance.Outcome:
    return custom_outcome(tmp_path_factory.mktemp("custom"))


def test_the_fixtures_break_what_the_tests_expect(
    outcome: conformance.Outcome, custom: conformance.Outcome
) -> None:
    assert outcome.counts == {"Violation": 3, "Warning": 1, "Info": 0}
    assert {r.pass_number for r in outcome.results} == {1}
    components = Counter(r.component for r in custom.results)
    assert components == {
        "MinCountConstraintComponent": 12,
        "DatatypeConstraintComponent": 2,
        "MaxCountConstraintComponent": 1,
        "PatternConstraintComponent": 1,
        "SPARQLConstraintComponent": 1,
    }


# ---------------------------------------------------------------------------------------------
# Messages


def test_every_result_has_a_greek_and_an_english_message(custom: conformance.Outcome) -> None:
    for result in custom.results:
        languages = dict(result.messages)
        assert set(languages) == {"el", "en"}, result
        assert all(text and "(" + result.shape not in text for text in languages.values())


def test_default_messages_are_filled_with_the_shape_parameters() -> None:
    shapes = rdflib.Graph().parse(data=CUSTOM_SHAPES, format="turtle")
    title = "http://example.org/Thing-title"
    messages = dict(shape_messages.default_messages(shapes, title, "MinCountConstraintComponent"))
    assert messages["en"] == (
        "At least 1 value of «Title» (dct:title) is required. The title as the catalogue shows it."
    )
    assert messages["el"] == (
        "Απαιτείται τουλάχιστον 1 τιμή για το «Τίτλος» (dct:title). "
        "Ο τίτλος όπως εμφανίζεται στον κατάλογο."
    )
    size = dict(
        shape_messages.default_messages(
            shapes, "http://example.org/Thing-size", "DatatypeConstraintComponent"
        )
    )
    assert size["en"] == (
        "The value of http://example.org/size must be a literal of datatype xsd:integer."
    )
    assert "xsd:integer" in size["el"]
    owner = dict(
        shape_messages.default_messages(
            shapes, "http://example.org/Thing-owner", "MaxCountConstraintComponent"
        )
    )
    assert owner["en"] == "At most 1 value of ^http://example.org/owns is allowed."


EVERY_PARAMETER = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ex: <http://example.org/> .
ex:All sh:path ex:p ; sh:minCount 1 ; sh:maxCount 2 ; sh:class ex:C ; sh:datatype xsd:string ;
    sh:nodeKind sh:IRI ; sh:in (ex:a ex:b) ; sh:hasValue ex:a ; sh:pattern "^a" ;
    sh:minLength 1 ; sh:maxLength 5 ; sh:minInclusive 0 ; sh:minExclusive 0 ;
    sh:maxInclusive 9 ; sh:maxExclusive 9 ; sh:languageIn ("el" "en") ; sh:uniqueLang true ;
    sh:node ex:Named ; sh:not ex:Named ; sh:and (ex:Named ex:Anonymous) ;
    sh:or (ex:Named ex:Anonymous) ; sh:xone (ex:Named ex:Anonymous) ;
    sh:qualifiedValueShape ex:Named ; sh:qualifiedMinCount 1 ; sh:qualifiedMaxCount 2 ;
    sh:equals ex:q ; sh:disjoint ex:q ; sh:lessThan ex:q ; sh:lessThanOrEquals ex:q ;
    sh:closed true .
ex:Named sh:name "Διεύθυνση"@el , "Address"@en .
ex:Anonymous sh:path ex:r ; sh:minCount 1 .
"""


@pytest.mark.parametrize("component", sorted(shape_messages.MESSAGES))
def test_every_component_has_a_message_in_both_languages(component: str) -> None:
    shapes = rdflib.Graph().parse(data=EVERY_PARAMETER, format="turtle")
    messages = dict(
        shape_messages.default_messages(
            shapes, "http://example.org/All", f"{component}ConstraintComponent"
        )
    )
    assert set(messages) == {"el", "en"}
    assert messages["el"] != messages["en"]
    for text in messages.values():
        assert "?" not in text and text.endswith(".")
    if component in {"Node", "Not", "QualifiedMinCount", "QualifiedMaxCount"}:
        assert "«Διεύθυνση»" in messages["el"] and "«Address»" in messages["en"]
    if component in {"And", "Or", "Xone"}:
        assert "ex:r" not in messages["en"]  # not a well-known vocabulary…
        assert "at least 1 value of http://example.org/r is required" in messages["en"]


def test_an_unknown_component_still_gets_a_message() -> None:
    shapes = rdflib.Graph().parse(data=EVERY_PARAMETER, format="turtle")
    messages = dict(
        shape_messages.default_messages(
            shapes, "http://example.org/All", "http://example.org/MyConstraintComponent"
        )
    )
    assert "http://example.org/p" in messages["en"] and "http://example.org/p" in messages["el"]


def test_an_untagged_message_of_the_shape_stands_for_both_languages(
    custom: conformance.Outcome,
) -> None:
    (pattern,) = [r for r in custom.results if r.component == "PatternConstraintComponent"]
    assert dict(pattern.messages) == {"el": "Code in capitals", "en": "Code in capitals"}


def test_a_sparql_constraint_left_to_pyshacl_gets_the_default_messages(
    custom: conformance.Outcome,
) -> None:
    (sparql,) = [r for r in custom.results if r.component == "SPARQLConstraintComponent"]
    assert sparql.message("en").startswith("The shape's SPARQL rule is not met")
    assert sparql.message("el").startswith("Δεν τηρείται ο κανόνας SPARQL")


def test_messages_for_eu_shapes_are_bilingual(broken_catalogue: Path) -> None:
    """The EU shapes give no sh:message: every result still reads in Greek and in English."""
    (profile,) = profiles.load("dcat-ap", eu_shapes_dir=str(SHARED_DATA))
    found = conformance.check([conformance.Source(str(broken_catalogue))], [profile])
    assert found.results
    for result in found.results:
        languages = dict(result.messages)
        assert set(languages) == {"el", "en"}
        assert languages["el"] != languages["en"]
        assert result.component.removesuffix("ConstraintComponent") + " (" not in languages["en"]
    report = json.loads(validation_report.render(found, "json", "el"))
    assert all(r["messages"]["el"] and r["messages"]["en"] for r in report["results"])


# ---------------------------------------------------------------------------------------------
# JSON


def test_json_has_the_documented_keys_and_values(outcome: conformance.Outcome) -> None:
    report = json.loads(validation_report.render(outcome, "json", "en"))
    assert set(report) == JSON_KEYS
    assert report["conforms"] is False
    assert report["strict"] is False
    assert report["counts"] == {"Violation": 3, "Warning": 1, "Info": 0}
    assert report["profiles"][0]["name"] == "catalogue"
    assert report["profiles"][0]["documentation"] == "https://w3id.org/demoi/shapes/catalogue"
    assert report["inputs"] == [{"name": outcome.inputs[0].name, "triples": outcome.triples}]
    assert [(p["pass"], p["profile"]) for p in report["passes"]] == [
        (1, "catalogue"),
        (2, "catalogue"),
    ]
    assert report["passes"][1]["backgroundTriples"] > 0
    assert sum(group["count"] for group in report["byShape"]) == len(outcome.results)
    assert len(report["results"]) == len(outcome.results)
    for result in report["results"]:
        assert set(result) == RESULT_KEYS
        assert result["sourceConstraintComponent"].startswith(str(SH))
        assert set(result["messages"]) == {"el", "en"}
        assert result["message"] == result["messages"]["en"]
        assert result["section"] is not None and result["section"]["url"].startswith("http")
    untagged = next(r for r in report["results"] if r["value"] is not None)
    assert untagged["focusNode"] == DATASET
    assert untagged["resultPath"] == "http://purl.org/dc/terms/title"
    assert untagged["valueTerm"] == '"Εκτέλεση προϋπολογισμού 2024"'
    assert untagged["sourceConstraintComponent"] == str(SH.DatatypeConstraintComponent)
    assert report == validation_report.as_json(outcome, "en")  # the API returns exactly this


def test_json_speaks_the_language_asked(outcome: conformance.Outcome) -> None:
    greek = validation_report.as_json(outcome, "el")
    english = validation_report.as_json(outcome, "en")
    assert greek["language"] == "el"
    assert [r["message"] for r in greek["results"]] != [  # type: ignore[attr-defined]
        r["message"]
        for r in english["results"]  # type: ignore[attr-defined]
    ]
    assert "έλεγχος" in json.dumps(greek["passes"], ensure_ascii=False).lower()


# ---------------------------------------------------------------------------------------------
# Turtle


def parsed_report(outcome: conformance.Outcome) -> tuple[rdflib.Graph, rdflib.term.Node]:
    graph = rdflib.Graph().parse(
        data=validation_report.render(outcome, "ttl", "en"), format="turtle"
    )
    (report,) = graph.subjects(RDF.type, SH.ValidationReport)
    return graph, report


def test_turtle_is_a_shacl_report_with_every_result(outcome: conformance.Outcome) -> None:
    graph, report = parsed_report(outcome)
    assert graph.value(report, SH.conforms) == rdflib.Literal(False)
    assert graph.value(report, rdflib.namespace.PROV.generatedAtTime) is not None
    assert (
        report,
        rdflib.namespace.DCTERMS.conformsTo,
        rdflib.URIRef("https://w3id.org/demoi/shapes/catalogue"),
    ) in graph
    found = Counter()
    for node in graph.objects(report, SH.result):
        assert graph.value(node, RDF.type) == SH.ValidationResult
        value = graph.value(node, SH.value)
        found[
            (
                str(graph.value(node, SH.focusNode)),
                str(graph.value(node, SH.resultPath)),
                str(value) if value is not None else None,
                graph.value(node, SH.resultSeverity),
                graph.value(node, SH.sourceConstraintComponent),
                graph.value(node, SH.sourceShape),
            )
        ] += 1
        languages = {m.language for m in graph.objects(node, SH.resultMessage)}
        assert languages == {"el", "en"}
        assert graph.value(node, DV["pass"]) == rdflib.Literal(1)
        assert isinstance(graph.value(node, DV.section), rdflib.URIRef)
    assert found == Counter(
        (
            r.focus,
            str(r.path),
            r.value,
            SH[r.severity],
            SH[r.component],
            rdflib.URIRef(r.shape),
        )
        for r in outcome.results
    )


def test_turtle_keeps_the_kind_of_each_term(custom: conformance.Outcome) -> None:
    graph, report = parsed_report(custom)
    by_component = {
        str(graph.value(node, SH.sourceConstraintComponent)).rpartition("#")[2]: node
        for node in graph.objects(report, SH.result)
        if graph.value(node, SH.sourceConstraintComponent) != SH.DatatypeConstraintComponent
    }
    pattern = by_component["PatternConstraintComponent"]
    assert isinstance(graph.value(pattern, SH.focusNode), rdflib.BNode)
    assert graph.value(pattern, SH.value) == rdflib.Literal("abc")
    assert isinstance(graph.value(pattern, SH.sourceShape), rdflib.BNode)
    owner = by_component["MaxCountConstraintComponent"]
    path = graph.value(owner, SH.resultPath)
    assert graph.value(path, SH.inversePath) == rdflib.URIRef("http://example.org/owns")
    values = {
        graph.value(node, SH.value)
        for node in graph.objects(report, SH.result)
        if graph.value(node, SH.sourceConstraintComponent) == SH.DatatypeConstraintComponent
    }
    assert rdflib.Literal(SCRIPT) in values


def test_turtle_an_access_url_given_as_a_string_stays_a_string(tmp_path: Path) -> None:
    """Regression: a value failing sh:nodeKind sh:IRI reads like an IRI, but is a literal."""
    store = ox.Store()
    store.load(path=str(CATALOGUE_CASES / "valid-dataset" / "data.ttl"), format=ox.RdfFormat.TURTLE)
    patch = CATALOGUE_CASES / "distribution-access-url-as-text" / "patch.ru"
    store.update(patch.read_text(encoding="utf-8"))
    data = tmp_path / "data.ttl"
    data.write_bytes(store.dump(format=ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph()))
    found = conformance.check([conformance.Source(str(data))], profiles.load("catalogue"))
    graph, report = parsed_report(found)
    (result,) = graph.objects(report, SH.result)
    assert graph.value(result, SH.value) == rdflib.Literal("http://127.0.0.1:8000/sparql")
    assert (
        '= "http://127.0.0.1:8000/sparql"' in validation_report.render(found, "text", "en").decode()
    )


def test_turtle_keeps_the_language_of_a_literal_value(custom: conformance.Outcome) -> None:
    graph, report = parsed_report(custom)
    values = {graph.value(node, SH.value) for node in graph.objects(report, SH.result)}
    assert rdflib.Literal("twelve", lang="en") in values


def test_a_sequence_path_is_written_as_a_shacl_list() -> None:
    graph = rdflib.Graph()
    node = validation_report._path_node(graph, "(<http://a/b>/^(<http://a/c>))")
    assert node is not None
    first, second = Collection(graph, node)
    assert first == rdflib.URIRef("http://a/b")
    assert graph.value(second, SH.inversePath) == rdflib.URIRef("http://a/c")


# ---------------------------------------------------------------------------------------------
# JUnit


def test_junit_has_a_failure_per_violated_rule(outcome: conformance.Outcome) -> None:
    root = ET.fromstring(validation_report.render(outcome, "junit", "en"))
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["catalogue (pass 1)", "catalogue (pass 2)"]
    cases = root.findall(".//testcase")
    failures = root.findall(".//failure")
    violated = {(r.shape, r.component) for r in outcome.results if r.severity == "Violation"}
    assert len(failures) == len(violated) == 3
    for suite in suites:
        assert int(suite.get("tests", "")) == len(suite.findall("testcase"))
        assert int(suite.get("failures", "")) == len(suite.findall(".//failure"))
        assert suite.get("errors") == "0" and suite.get("skipped") == "0"
        float(suite.get("time", ""))
    assert int(root.get("tests", "")) == len(cases)
    assert int(root.get("failures", "")) == len(failures)
    for failure in failures:
        assert DATASET in (failure.text or "")
        assert failure.get("message")
        assert failure.get("type") == "Violation"
    (warning,) = [c for c in cases if c.find("system-out") is not None]
    assert "dcat:theme" in (warning.findtext("system-out") or "")
    names = {c.get("name") for c in cases}
    assert "catsh:Dataset-title-langString Datatype" in names
    rule_cases = [
        c for c in cases if c.find("failure") is not None or c.find("system-out") is not None
    ]
    assert {c.get("classname") for c in rule_cases} == {
        "catalogue.Dataset.publisher",
        "catalogue.DatasetShape",
        "catalogue.Dataset.theme",
    }


def test_junit_strict_makes_warnings_fail(tmp_path: Path) -> None:
    strict = custom_outcome(tmp_path, strict=True)
    root = ET.fromstring(validation_report.render(strict, "junit", "el"))
    rules = {(r.shape, r.component, r.severity) for r in strict.results}
    assert int(root.get("failures", "")) == len(rules)
    assert {f.get("type") for f in root.iter("failure")} == {"Violation", "Warning"}
    every_focus = "".join(f.text or "" for f in root.iter("failure"))
    assert all(f"thing{n:02}" in every_focus for n in range(12))


# ---------------------------------------------------------------------------------------------
# HTML


class Page(HTMLParser):
    """The tags, attributes and text of a page, as a browser's parser splits them."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    @property
    def words(self) -> str:
        return " ".join(" ".join(self.text).split())

    def all(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]


def test_html_gives_the_summary_then_every_rule(outcome: conformance.Outcome) -> None:
    page = Page(validation_report.render(outcome, "html", "en").decode())
    words = page.words
    assert words.index("The data does NOT conform") < words.index("What to fix first")
    assert "violations: 3, warnings: 1, infos: 0" in words
    for rule in validation_report.rules(outcome):
        assert " ".join(rule.first.message("en").split()) in words
    assert len([a for a in page.all("article")]) == 4
    assert {a.get("class") for a in page.all("article")} == {"rule Violation", "rule Warning"}
    links = {a.get("href") for a in page.all("a")}
    assert "https://semiceu.github.io/DCAT-AP/releases/3.0.1/#Dataset.publisher" in links
    assert "What is wrong" in words and "How to fix it" in words and "Where" in words


def test_html_is_standalone_without_scripts_or_remote_resources(
    custom: conformance.Outcome, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(validation_report, "SHOWN_IN_HTML", 5)
    markup = validation_report.render(custom, "html", "en").decode()
    page = Page(markup)
    assert not page.all("script")
    assert not page.all("link") and not page.all("img")
    assert len(page.all("style")) == 1
    assert SCRIPT not in markup
    assert SCRIPT in page.words  # shown, as text
    assert "… and 7 more" in page.words  # twelve failing nodes, five shown
    assert "thing04" in page.words and "thing05" not in page.words


def test_html_links_only_to_web_pages_and_escapes_names(tmp_path: Path) -> None:
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> .\n"
        "<javascript:alert(1)> a sh:NodeShape ; sh:targetNode ex:n ;\n"
        "  sh:property [ sh:path ex:p ; sh:minCount 1 ] .\n",
        encoding="utf-8",
    )
    profile, _ = conformance.read_shapes(conformance.Source(str(shapes)))
    upload = conformance.Source("<b>upload</b>.ttl", b"<http://example.org/n> a <urn:x> .", "ttl")
    found = conformance.check([upload], [profile])
    assert found.results
    markup = validation_report.html_fragment(found, "en")
    page = Page(markup)
    assert not [a for a in page.all("a") if not (a.get("href") or "").startswith("http")]
    assert "javascript:alert(1)" in page.words  # shown, not linked
    assert "<b>" not in markup and "<b>upload</b>.ttl" in page.words


def test_html_labels_follow_the_language(outcome: conformance.Outcome) -> None:
    greek = Page(validation_report.render(outcome, "html", "el").decode()).words
    english = Page(validation_report.render(outcome, "html", "en").decode()).words
    assert "Τι να διορθώσετε πρώτα" in greek and "What to fix first" not in greek
    assert "Παράβαση" in greek and "Προειδοποίηση" in greek
    assert "What to fix first" in english and "Παράβαση" not in english


def test_the_fragment_is_the_body_only(outcome: conformance.Outcome) -> None:
    fragment = validation_report.html_fragment(outcome, "el")
    page = Page(fragment)
    assert fragment.lstrip().startswith("<section")
    assert not page.all("html") and not page.all("head") and not page.all("style")
    assert fragment in validation_report.render(outcome, "html", "el").decode()


# ---------------------------------------------------------------------------------------------
# Text


def test_text_groups_by_rule_and_caps_each_listing(custom: conformance.Outcome) -> None:
    text = validation_report.render(custom, "text", "en").decode()
    lines = text.splitlines()
    assert lines[0] == "Validation report"
    assert any(line.startswith("Data: ") and "triples)" in line for line in lines)
    assert "The data does NOT conform: violations: 15, warnings: 2, infos: 0" in lines
    heading = next(i for i, line in enumerate(lines) if line.startswith("[Violation] 12 ×"))
    assert (
        lines[heading + 1]
        .strip()
        .startswith("Shape: http://example.org/Thing-title · Constraint: MinCount")
    )
    listed = lines[heading + 3 : heading + 3 + validation_report.SHOWN_IN_TEXT]
    assert all(line.startswith("    - <http://example.org/thing") for line in listed)
    assert lines[heading + 3 + validation_report.SHOWN_IN_TEXT].strip() == "… and 2 more"
    assert '= "twelve"' in text


def test_text_in_greek(outcome: conformance.Outcome) -> None:
    text = validation_report.render(outcome, "text", "el").decode()
    assert text.startswith("Αναφορά επικύρωσης\n")
    assert "Τα δεδομένα ΔΕΝ συμμορφώνονται" in text
    assert "[Παράβαση] 1 ×" in text and "[Προειδοποίηση] 1 ×" in text
    assert "Έλεγχος 2: κανόνες εύρους και λιστών κωδικών" in text


# ---------------------------------------------------------------------------------------------
# A conforming outcome renders in every format


def test_conforming_text(conforming: conformance.Outcome) -> None:
    text = validation_report.render(conforming, "text", "en").decode()
    assert "The data conforms: violations: 0, warnings: 0, infos: 0" in text
    assert text.rstrip().endswith("No problems: no rule was broken.")


def test_conforming_json(conforming: conformance.Outcome) -> None:
    report = json.loads(validation_report.render(conforming, "json", "el"))
    assert set(report) == JSON_KEYS
    assert report["conforms"] is True
    assert report["results"] == [] and report["byShape"] == []


def test_conforming_turtle(conforming: conformance.Outcome) -> None:
    graph, report = parsed_report(conforming)
    assert graph.value(report, SH.conforms) == rdflib.Literal(True)
    assert not list(graph.objects(report, SH.result))


def test_conforming_junit(conforming: conformance.Outcome) -> None:
    root = ET.fromstring(validation_report.render(conforming, "junit", "en"))
    assert root.get("failures") == "0"
    assert int(root.get("tests", "")) == len(root.findall(".//testcase")) == 2
    assert not root.findall(".//failure") and not root.findall(".//system-out")


def test_conforming_html(conforming: conformance.Outcome) -> None:
    words = Page(validation_report.render(conforming, "html", "el").decode()).words
    assert "Τα δεδομένα συμμορφώνονται" in words
    assert "Κανένα πρόβλημα" in words


def test_every_demoi_profile_at_once(broken_catalogue: Path) -> None:
    """`--profile all`: each pass is described once with the profiles it ran for, and a suite
    per profile and pass in JUnit."""
    found = conformance.check([conformance.Source(str(broken_catalogue))], profiles.load("all"))
    text = validation_report.render(found, "text", "en").decode()
    (first_pass,) = [line for line in text.splitlines() if "Pass 1:" in line]
    assert "results: 4" in first_pass and "catalogue, culture, decisions" in first_pass
    root = ET.fromstring(validation_report.render(found, "junit", "en"))
    assert len(root.findall("testsuite")) == len(found.passes)
    assert int(root.get("failures", "")) == 3


def test_strict_is_noted(tmp_path: Path) -> None:
    strict = custom_outcome(tmp_path, strict=True)
    assert "strict: warnings count too" in validation_report.render(strict, "text", "en").decode()
    assert json.loads(validation_report.render(strict, "json", "en"))["strict"] is True


def test_a_severity_of_the_shapes_own_renders_in_every_format(tmp_path: Path) -> None:
    """Regression: sh:severity ex:MySeverity (the W3C suite's core/misc/severity-002) broke the
    text, HTML and Turtle reports, which knew SHACL's three severities only."""
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> .\n"
        "ex:S a sh:NodeShape ; sh:targetNode ex:n ; sh:severity ex:MySeverity ;\n"
        "  sh:property [ sh:path ex:p ; sh:minCount 1 ; sh:severity ex:MySeverity ] .\n",
        encoding="utf-8",
    )
    data = tmp_path / "data.ttl"
    data.write_text("<http://example.org/n> <http://example.org/q> 1 .\n", encoding="utf-8")
    profile, _ = conformance.read_shapes(conformance.Source(str(shapes)))
    found = conformance.check([conformance.Source(str(data))], [profile])
    assert [r.severity.rpartition("/")[2] for r in found.results] == ["MySeverity"]
    for fmt in validation_report.FORMATS:
        assert b"MySeverity" in validation_report.render(found, fmt, "el")
    graph, report = parsed_report(found)
    (result,) = graph.objects(report, SH.result)
    assert graph.value(result, SH.resultSeverity) == rdflib.URIRef("http://example.org/MySeverity")


def test_unknown_format_or_language_is_a_usage_error(outcome: conformance.Outcome) -> None:
    with pytest.raises(UsageError, match="report format"):
        validation_report.render(outcome, "pdf", "en")
    with pytest.raises(UsageError, match="language"):
        validation_report.render(outcome, "text", "fr")


CONTROL_VALUE = "bell\\u0007 nul\\u0000 esc\\u001B]0;owned\\u0007 cr\\r ffff\\uFFFF"


@pytest.fixture(scope="module")
def controls() -> conformance.Outcome:
    """A value full of control characters, too long for its shape."""
    shapes = (
        b"@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        b"<http://e/s> a sh:NodeShape ; sh:targetClass <http://e/C> ;\n"
        b"  sh:property [ sh:path <http://e/p> ; sh:maxLength 1 ] .\n"
    )
    data = f'<http://e/a> a <http://e/C> ; <http://e/p> "{CONTROL_VALUE}" .\n'.encode()
    own, _ = conformance.read_shapes(conformance.Source("s.ttl", shapes, "ttl"))
    return conformance.check([conformance.Source("d.ttl", data, "ttl")], [own])


def test_junit_with_control_characters_in_a_value_is_well_formed_xml(
    controls: conformance.Outcome,
) -> None:
    """Regression: a literal holding U+0007 or U+0000 went into the JUnit report as it was, and
    no XML parser (nor CI) could read the report."""
    suites = ET.fromstring(validation_report.render(controls, "junit", "en"))
    (failure,) = suites.iter("failure")
    assert "bell\\u0007 nul\\u0000 esc\\u001B]0;owned\\u0007 cr\\r ffff\\uFFFF" in (
        failure.text or ""
    )


def test_the_text_report_writes_no_terminal_escapes(controls: conformance.Outcome) -> None:
    """Regression: the text report printed a value's ESC and CR as they were, so data could
    rewrite the validator's terminal (a title, a line overwritten by a carriage return)."""
    text = validation_report.render(controls, "text", "en").decode()
    assert not any(ord(c) < 32 and c != "\n" or 0x7F <= ord(c) <= 0x9F for c in text)
    assert "esc\\u001B]0;owned\\u0007" in text
