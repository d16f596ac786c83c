"""The W3C SHACL core test suite through demoi's validation, each report compared with the one
the suite expects, and pySHACL's too: every test pySHACL passes, demoi passes.

A test is run the way ``demoi validate DATA --shapes SHAPES --strict`` runs it
(``conformance.read_shapes``, then ``conformance.check``'s reading and validating), and passes
when ``sh:conforms`` is the expected one (true when there is no result at all, as SHACL defines
it: hence ``--strict``) and the results are the expected ones as a multiset of (focus node,
result path, value, severity, source shape, source constraint component), as the suite's rules
say (https://w3c.github.io/data-shapes/data-shapes-test-suite/): result messages and
``sh:sourceConstraint`` are not compared. Literals are compared by lexical form, datatype and
language (``conformance.Result.value_term``); blank nodes by what the graph holding them says
of them; paths by their structure. pySHACL, the reference, is given the files as anyone runs it
on an rdflib graph: parsed by rdflib itself, which normalises the literals it finds ill-formed
(``"none"^^xsd:boolean`` becomes ``"false"``), while the expected reports are read as the suite
writes them. The pass counts and the tests
not passed are printed at the end of the run (``pytest_terminal_summary`` in conftest.py);
docs/validation.md explains them.
"""

from __future__ import annotations

import re
import warnings
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from pyshacl import validate as pyshacl_validate
from rdflib.collection import Collection
from rdflib.namespace import RDF, SH, XSD

from conftest import SHARED_DATA
from demoi import conformance
from demoi.conformance import Source

SUITE = SHARED_DATA / "w3c-tests" / "data-shapes" / "data-shapes-test-suite" / "tests"
CORE_MANIFEST = SUITE / "core" / "manifest.ttl"
CORE_TESTS_IN_THE_SUITE = 98
MF = rdflib.Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
SHT = rdflib.Namespace("http://www.w3.org/ns/shacl-test#")
XSD_STRING = ox.NamedNode("http://www.w3.org/2001/XMLSchema#string")

# Tests pySHACL does not pass, with why; asserted, so that a pySHACL upgrade updates the list.
# demoi gives pySHACL's results (tests/test_compiled_shapes.py), so it does not pass them either.
NORMALISED = (
    "rdflib normalises ill-formed literals when parsing, and demoi reports values as pySHACL does"
)
PYSHACL_NOT_PASSED = {
    "core/property/uniqueLang-002": 'sh:uniqueLang "1"^^xsd:boolean is taken for true; only '
    "true activates the constraint",
    "core/property/datatype-001": f'{NORMALISED}: the value "2011-01-01"^^xsd:dateTime is '
    'reported as rdflib rewrites it, "2011-01-01T00:00:00"',
    "core/property/or-datatypes-001": f'{NORMALISED}: the value "none"^^xsd:boolean is '
    'reported as rdflib rewrites it, "false" (ill-typed still)',
}
# Tests demoi does not pass although pySHACL does, with the defect behind each: expected to
# fail (strict), so that mending a defect makes its tests pass and this list shorter.
DEMOI_DEFECTS: dict[str, str] = {}

# A term as compared: ("text", IRI), ("literal", lexical form, datatype, language), ("blank",
# what the blank node says), or a path.
Canon = tuple[object, ...]
Key = tuple[Canon | None, Canon | None, Canon | None, str, Canon, str]


# ---------------------------------------------------------------------------------------------
# The suite


@dataclass(frozen=True)
class W3CTest:
    name: str  # core/<folder>/<test>, as the suite's folders name it
    manifest: Path  # the file holding the test and its expected report
    node: rdflib.term.Node
    data: Path
    shapes: Path


def _file(iri: rdflib.term.Node | None) -> Path:
    if not isinstance(iri, rdflib.URIRef) or not iri.startswith("file://"):
        raise ValueError(f"the suite names {iri!r} where a file of it was expected")
    return Path(iri.removeprefix("file://"))


@cache
def rdflib_parsed(path: Path) -> rdflib.Graph:
    """A file of the suite as rdflib reads it, ill-formed literals normalised: what pySHACL is
    given when run on an rdflib graph."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # the suite's ill-formed literals
        return rdflib.Graph().parse(path, format="turtle")


@cache
def suite_graph(path: Path) -> rdflib.Graph:
    """A file of the suite, its relative IRIs resolved against the file's URI. Read by Oxigraph
    and handed to rdflib term by term because rdflib's parser rewrites literals it finds
    ill-formed ("none"^^xsd:boolean becomes "false"), which the suite writes on purpose."""
    quads = ox.parse(path=str(path), format=ox.RdfFormat.TURTLE, base_iri=path.as_uri())
    return rdflib_graph(ox.Triple(q.subject, q.predicate, q.object) for q in quads)


def rdflib_graph(triples: Iterable[ox.Triple]) -> rdflib.Graph:
    """The triples as an rdflib graph, blank node labels and literals kept as they are."""
    graph = rdflib.Graph()
    for triple in triples:
        graph.add((_node(triple.subject), _node(triple.predicate), _node(triple.object)))
    return graph


def _node(term: object) -> rdflib.term.Node:
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    assert isinstance(term, ox.Literal)
    if term.language:
        return rdflib.Literal(term.value, lang=term.language)
    if term.datatype == XSD_STRING:  # rdflib writes a simple literal without its datatype
        return rdflib.Literal(term.value)
    return rdflib.Literal(term.value, datatype=term.datatype.value, normalize=False)


def walk(manifest: Path) -> Iterator[W3CTest]:
    """The sht:Validate entries of a manifest and of the manifests it includes."""
    graph = suite_graph(manifest)
    for entries in graph.objects(None, MF.entries):
        for node in Collection(graph, entries):
            if (node, RDF.type, SHT.Validate) not in graph:
                continue
            action = graph.value(node, MF.action)
            relative = manifest.relative_to(SUITE).with_suffix("")
            yield W3CTest(
                name=str(relative.parent / str(node).rsplit("/", 1)[-1]),
                manifest=manifest,
                node=node,
                data=_file(graph.value(action, SHT.dataGraph)),
                shapes=_file(graph.value(action, SHT.shapesGraph)),
            )
    for included in sorted(graph.objects(None, MF.include), key=str):
        yield from walk(_file(included))


def core_tests() -> list[W3CTest]:
    return list(walk(CORE_MANIFEST)) if CORE_MANIFEST.is_file() else []


CORE = core_tests()


# ---------------------------------------------------------------------------------------------
# Comparing reports


def describe(
    node: rdflib.term.Node, graph: rdflib.Graph, seen: frozenset[object] = frozenset()
) -> Canon:
    """A term by its content: a blank node by what the graph says of it (its outgoing triples,
    followed through blank nodes), since blank node labels differ from one parse to another; a
    literal by its lexical form, datatype (xsd:string for a simple literal, as in RDF 1.1) and
    language (lowercased: tags are case-insensitive, and Oxigraph lowercases them)."""
    if isinstance(node, rdflib.Literal):
        language = node.language.lower() if node.language else None
        datatype = node.datatype or (RDF.langString if language else XSD.string)
        return ("literal", str(node), str(datatype), language)
    if not isinstance(node, rdflib.BNode):
        return ("text", str(node))
    if node in seen:
        return ("blank", "cycle")
    inner = seen | {node}
    return (
        "blank",
        frozenset((str(p), describe(o, graph, inner)) for p, o in graph.predicate_objects(node)),
    )


def path_of(node: rdflib.term.Node, graph: rdflib.Graph) -> Canon:
    """A SHACL property path (https://www.w3.org/TR/shacl/#property-paths) as a nested tuple."""
    if not isinstance(node, rdflib.BNode):
        return ("text", str(node))
    if (node, RDF.first, None) in graph:
        return _group("sequence", [path_of(m, graph) for m in Collection(graph, node)])
    for kind in ("inversePath", "oneOrMorePath", "zeroOrMorePath", "zeroOrOnePath"):
        inner = graph.value(node, SH[kind])
        if inner is not None:
            return (kind, path_of(inner, graph))
    alternatives = graph.value(node, SH.alternativePath)
    if alternatives is not None:
        return _group(
            "alternativePath", [path_of(m, graph) for m in Collection(graph, alternatives)]
        )
    return describe(node, graph)


def _group(kind: str, members: list[Canon]) -> Canon:
    return members[0] if len(members) == 1 else (kind, tuple(members))


# The compiled engine reports a complex path as SPARQL (compiled_shapes.compile_path): <iri>,
# ^(p), (p)+, (p)*, (p)?, (a/b) and (a|b). Parsed back here so that it is compared with the
# suite's RDF path by structure; a dozen lines, no library reads a lone SPARQL path.
_PATH_TOKEN = re.compile(r"\s*(<[^>]*>|[()^/|+*?])")
_POSTFIX = {"+": "oneOrMorePath", "*": "zeroOrMorePath", "?": "zeroOrOnePath"}


def parse_sparql_path(text: str) -> Canon:
    tokens = _PATH_TOKEN.findall(text)
    if "".join(tokens) != re.sub(r"\s+", "", text):
        raise ValueError(f"not a SPARQL path: {text}")
    path, rest = _alternative(tokens)
    if rest:
        raise ValueError(f"not a SPARQL path: {text}")
    return path


def _alternative(tokens: list[str]) -> tuple[Canon, list[str]]:
    members = []
    while True:
        member, tokens = _sequence(tokens)
        members.append(member)
        if not tokens or tokens[0] != "|":
            return _group("alternativePath", members), tokens
        tokens = tokens[1:]


def _sequence(tokens: list[str]) -> tuple[Canon, list[str]]:
    members = []
    while True:
        member, tokens = _postfixed(tokens)
        members.append(member)
        if not tokens or tokens[0] != "/":
            return _group("sequence", members), tokens
        tokens = tokens[1:]


def _postfixed(tokens: list[str]) -> tuple[Canon, list[str]]:
    path, tokens = _primary(tokens)
    while tokens and tokens[0] in _POSTFIX:
        path, tokens = (_POSTFIX[tokens[0]], path), tokens[1:]
    return path, tokens


def _primary(tokens: list[str]) -> tuple[Canon, list[str]]:
    first, rest = tokens[0], tokens[1:]
    if first == "^":
        inner, rest = _postfixed(rest)
        return ("inversePath", inner), rest
    if first == "(":
        inner, rest = _alternative(rest)
        return inner, rest[1:]  # the closing parenthesis
    return ("text", first[1:-1]), rest


@dataclass(frozen=True)
class Expected:
    failure: bool  # mf:result sht:Failure: the validator must refuse the input
    conforms: bool
    results: Counter[Key]


def expected_report(test: W3CTest) -> Expected:
    graph = suite_graph(test.manifest)
    report = graph.value(test.node, MF.result)
    if report == SHT.Failure:
        return Expected(failure=True, conforms=False, results=Counter())
    results: Counter[Key] = Counter()
    for result in graph.objects(report, SH.result):
        results[key_of_rdf(graph, result, graph, graph)] += 1
    conforms = graph.value(report, SH.conforms)
    return Expected(False, isinstance(conforms, rdflib.Literal) and conforms.value is True, results)


def key_of_rdf(
    report: rdflib.Graph, result: rdflib.term.Node, data: rdflib.Graph, shapes: rdflib.Graph
) -> Key:
    """A result of a sh:ValidationReport graph; its blank nodes described in the graph that
    holds them (the data, the shapes, or the report itself for a copied path)."""

    def term(node: rdflib.term.Node | None, *graphs: rdflib.Graph) -> Canon | None:
        if node is None:
            return None
        holder = next((g for g in graphs if (node, None, None) in g), graphs[-1])
        return describe(node, holder)

    path = report.value(result, SH.resultPath)
    if path is not None:
        holder = report if (path, None, None) in report else shapes
        path_key: Canon | None = path_of(path, holder)
    else:
        path_key = None
    return (
        term(report.value(result, SH.focusNode), data, report),
        path_key,
        term(report.value(result, SH.value), data, report),
        _local(report.value(result, SH.resultSeverity)),
        term(report.value(result, SH.sourceShape), shapes, report) or ("text", ""),
        _local(report.value(result, SH.sourceConstraintComponent)),
    )


def _local(node: rdflib.term.Node | None) -> str:
    return str(node).rsplit("#", 1)[-1] if node is not None else ""


@dataclass(frozen=True)
class Verdict:
    passed: bool
    reason: str = ""


def compare(expected: Expected, conforms: bool, found: Counter[Key]) -> Verdict:
    problems = []
    if conforms != expected.conforms:
        problems.append(
            f"sh:conforms {str(conforms).lower()}, expected {str(expected.conforms).lower()}"
        )
    missing, unexpected = expected.results - found, found - expected.results
    if missing:
        problems.append(
            "missing " + "; ".join(show(key) for key in sorted(missing.elements(), key=show))
        )
    if unexpected:
        problems.append(
            "unexpected " + "; ".join(show(key) for key in sorted(unexpected.elements(), key=show))
        )
    return Verdict(not problems, ", ".join(problems))


def show(key: Key) -> str:
    focus, path, value, severity, shape, component = key
    parts = [f"{component.removesuffix('ConstraintComponent')} {severity}", f"focus {_text(focus)}"]
    if path is not None:
        parts.append(f"path {_text(path)}")
    if value is not None:
        parts.append(f"value {_text(value)}")
    parts.append(f"shape {_text(shape)}")
    return "(" + ", ".join(parts) + ")"


def _text(canon: Canon | None) -> str:
    if canon is None:
        return "-"
    if canon[0] == "literal":
        _, lexical, datatype, language = canon
        return f'"{lexical}"' + (f"@{language}" if language else f"^^<{datatype}>")
    kind, content = canon
    if kind == "text":
        return str(content)
    if kind == "blank":
        return "[]" if not content else "[ … ]"
    if isinstance(content, tuple) and content and isinstance(content[0], tuple):
        return f"{kind}(" + " ".join(_text(member) for member in content) + ")"
    return f"{kind}({_text(content)})"  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------------
# The two validators


def run_demoi(test: W3CTest) -> tuple[bool, Counter[Key]]:
    """``demoi validate DATA --shapes SHAPES --strict``: conformance.read_shapes, then the two
    halves of conformance.check (reading the data, validating the triples read), called apart
    because the results name blank nodes by the labels of that reading, which the comparison
    needs to describe them."""
    profile, _notes = conformance.read_shapes(Source(str(test.shapes)))
    triples = conformance.read_triples(Source(str(test.data)))
    outcome = conformance.check_triples(triples, [profile], strict=True)
    data = rdflib_graph(triples)

    def term(text: str | None, graph: rdflib.Graph, known: set[str]) -> Canon | None:
        if text is None:
            return None
        return describe(rdflib.BNode(text), graph) if text in known else ("text", text)

    def data_term(ntriples: str | None) -> Canon | None:
        if ntriples is None:
            return None
        return describe(term_of_ntriples(ntriples), data)

    shape_blanks = {str(s) for s in profile.pass_one.subjects() if isinstance(s, rdflib.BNode)}
    found: Counter[Key] = Counter()
    for result in outcome.results:
        found[
            (
                data_term(result.focus_term),
                _demoi_path(result.path, profile.pass_one, shape_blanks),
                data_term(result.value_term),
                result.severity,
                term(result.shape, profile.pass_one, shape_blanks) or ("text", ""),
                result.component,
            )
        ] += 1
    return outcome.conforms, found


def term_of_ntriples(ntriples: str) -> rdflib.term.Node:
    """A term written as N-Triples (``Result.focus_term``, ``value_term``), read by Oxigraph;
    a blank node keeps its label, that of the data as demoi read it."""
    (triple,) = ox.parse(f"<urn:s> <urn:p> {ntriples} .", format=ox.RdfFormat.N_TRIPLES)
    return _node(triple.object)


def _demoi_path(text: str | None, shapes: rdflib.Graph, blanks: set[str]) -> Canon | None:
    """A path as the compiled engine reports it (an IRI, or SPARQL for a complex path), or as
    pySHACL does when demoi leaves a shape to it (the path's blank node in the shapes)."""
    if text is None:
        return None
    if text in blanks:
        return path_of(rdflib.BNode(text), shapes)
    if text.startswith(("^", "(", "<")):
        return parse_sparql_path(text)
    return ("text", text)


def run_pyshacl(test: W3CTest) -> tuple[bool, Counter[Key]]:
    """pySHACL on an rdflib graph, as anyone runs it: the data and shapes files parsed by
    rdflib, no inference, sh:conforms as pySHACL reports it."""
    data, shapes = rdflib_parsed(test.data), rdflib_parsed(test.shapes)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # the suite's ill-formed literals
        conforms, report, _ = pyshacl_validate(data, shacl_graph=shapes, inference="none")
    # The report's own results: those nested under sh:detail explain a result, they are not
    # results of the report.
    found: Counter[Key] = Counter(
        key_of_rdf(report, result, data, shapes)
        for result in report.objects(report.value(None, RDF.type, SH.ValidationReport), SH.result)
    )
    return bool(conforms), found


def judge(test: W3CTest, engine: str) -> Verdict:
    expected = expected_report(test)
    run = run_demoi if engine == "demoi" else run_pyshacl
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # the suite's ill-formed literals
            conforms, found = run(test)
    except Exception as error:  # noqa: BLE001 - a validator that fails on a test fails the test
        if expected.failure:
            return Verdict(True)
        return Verdict(False, f"{type(error).__name__}: {error}")
    if expected.failure:
        return Verdict(False, "validated the input, expected a failure")
    return compare(expected, conforms, found)


# ---------------------------------------------------------------------------------------------
# What the run found, printed at its end by conftest.py's pytest_terminal_summary


VERDICTS: dict[str, tuple[Verdict, Verdict]] = {}  # name -> (demoi, pySHACL)


def summary_lines(verdicts: dict[str, tuple[Verdict, Verdict]] = VERDICTS) -> list[str]:
    """The pass counts and the tests not passed, with why; nothing when no test of the suite
    ran."""
    if not verdicts:
        return []
    ran = len(verdicts)
    demoi = sum(mine.passed for mine, _ in verdicts.values())
    reference = sum(theirs.passed for _, theirs in verdicts.values())
    partial = f"; {ran} of the suite's {len(CORE)} tests ran" if ran != len(CORE) else ""
    lines = [f"W3C SHACL core: demoi passes {demoi} of {ran} (pySHACL: {reference}){partial}"]
    for name, (mine, theirs) in sorted(verdicts.items()):
        if not mine.passed and not theirs.passed:
            why = PYSHACL_NOT_PASSED.get(name, mine.reason)
            lines.append(f"  not passed by demoi nor pySHACL: {name}: {why}")
        elif not mine.passed:
            why = DEMOI_DEFECTS.get(name, mine.reason)
            lines.append(f"  not passed by demoi: {name}: {why}")
        elif not theirs.passed:
            lines.append(f"  not passed by pySHACL: {name}: {theirs.reason}")
    return lines


# ---------------------------------------------------------------------------------------------
# The tests


def _param(test: W3CTest) -> object:
    marks = []
    if test.name in DEMOI_DEFECTS:
        marks.append(pytest.mark.xfail(strict=True, reason=DEMOI_DEFECTS[test.name]))
    return pytest.param(test, id=test.name, marks=marks)


@pytest.mark.parametrize("test", [_param(test) for test in CORE])
def test_w3c_core(test: W3CTest) -> None:
    mine, theirs = judge(test, "demoi"), judge(test, "pyshacl")
    VERDICTS[test.name] = (mine, theirs)
    assert theirs.passed == (test.name not in PYSHACL_NOT_PASSED), (
        f"pySHACL: {theirs.reason or 'passes'}; update PYSHACL_NOT_PASSED"
    )
    if theirs.passed:
        assert mine.passed, f"pySHACL passes {test.name}, demoi does not: {mine.reason}"
    else:
        assert mine.reason == theirs.reason, "demoi fails the test otherwise than pySHACL"


def test_the_core_manifests_reach_every_test_of_the_suite() -> None:
    assert len(CORE) == CORE_TESTS_IN_THE_SUITE, f"{SUITE} is missing or has changed"
    declared = {
        test.name
        for path in sorted((SUITE / "core").glob("*/*.ttl"))
        for test in walk(path)
        if path.name != "manifest.ttl"
    }
    assert declared == {test.name for test in CORE}
    assert len({test.name for test in CORE}) == len(CORE)


def test_a_report_short_of_one_result_does_not_pass() -> None:
    test = next(test for test in CORE if test.name == "core/node/class-001")
    expected = expected_report(test)
    conforms, found = run_demoi(test)
    assert compare(expected, conforms, found).passed
    one = next(iter(found))
    fewer = found - Counter([one])
    verdict = compare(expected, conforms, fewer)
    assert not verdict.passed
    assert verdict.reason.startswith("missing (Class Violation, focus http://datashapes.org/")
    assert not compare(expected, not conforms, found).passed


def test_blank_nodes_are_compared_by_what_they_say() -> None:
    graph = rdflib.Graph().parse(
        format="turtle",
        data="""<urn:a> <urn:p> [ <urn:q> 1 ], [ <urn:q> 2 ], [ <urn:q> 1 ] .""",
    )
    described = Counter(describe(node, graph) for node in graph.objects(rdflib.URIRef("urn:a")))
    assert sorted(described.values()) == [1, 2]
    assert describe(rdflib.URIRef("urn:a"), graph) == ("text", "urn:a")


@pytest.mark.parametrize(
    ("sparql", "turtle"),
    [
        ("<urn:p>", "<urn:p>"),
        ("^(<urn:p>)", "[ sh:inversePath <urn:p> ]"),
        ("(<urn:p>/^(<urn:q>))", "( <urn:p> [ sh:inversePath <urn:q> ] )"),
        ("(<urn:p>|<urn:q>)", "[ sh:alternativePath ( <urn:p> <urn:q> ) ]"),
        ("((<urn:p>)+/<urn:q>)", "( [ sh:oneOrMorePath <urn:p> ] <urn:q> )"),
    ],
)
def test_a_path_as_the_compiled_engine_reports_it_is_the_shacl_path(
    sparql: str, turtle: str
) -> None:
    graph = rdflib.Graph().parse(
        format="turtle",
        data=f"@prefix sh: <http://www.w3.org/ns/shacl#> . <urn:s> sh:path {turtle} .",
    )
    path = graph.value(rdflib.URIRef("urn:s"), SH.path)
    assert path is not None
    assert parse_sparql_path(sparql) == path_of(path, graph)


def test_the_summary_counts_and_names_the_tests_not_passed() -> None:
    verdicts = {
        "core/node/node-001": (Verdict(False, "missing (…)"), Verdict(True)),
        "core/node/class-001": (Verdict(True), Verdict(True)),
        "core/property/uniqueLang-002": (Verdict(False, "sh:conforms false"), Verdict(False, "x")),
    }
    lines = summary_lines(verdicts)
    assert lines[0] == (
        f"W3C SHACL core: demoi passes 1 of 3 (pySHACL: 2); 3 of the suite's {len(CORE)} tests ran"
    )
    assert lines[1] == "  not passed by demoi: core/node/node-001: missing (…)"
    assert lines[2] == (
        "  not passed by demoi nor pySHACL: core/property/uniqueLang-002: "
        + PYSHACL_NOT_PASSED["core/property/uniqueLang-002"]
    )
    assert summary_lines({}) == []


def test_demoi_resolves_relative_iris_as_the_suite_does() -> None:
    """The suite's IRIs are relative to each file (<class-002>, <>): demoi's reading must resolve
    them as rdflib does, against the file's own URI, or no expected focus node would match."""
    path = SUITE / "core" / "node" / "class-002.ttl"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        reference = rdflib.Graph().parse(path, format="turtle")
    demoi = conformance.read_triples(Source(str(path)))
    iris = {str(s) for s, _, _ in reference if isinstance(s, rdflib.URIRef)}
    assert path.as_uri() in iris and f"{path.parent.as_uri()}/class-002" in iris
    assert {t.subject.value for t in demoi if isinstance(t.subject, ox.NamedNode)} == iris
