"""SHACL validation of data against an area's application profile.

Each area has ``shapes/<area>.ttl`` (violations: the data is refused) and
``shapes/<area>-recommended.ttl`` (warnings: reported, the data is still published).

``validate_graph`` is the reference: pySHACL on an rdflib graph. ``validate_ntriples`` and
``validate_area`` use ``demoi.compiled_shapes`` (the shapes evaluated over an in-memory Oxigraph
store, about five times faster, with the same results: tests/test_compiled_shapes.py), leave to
pySHACL the shapes it names, and fall back to pySHACL for the whole graph when it raises
``Unsupported``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import pyoxigraph as ox
import rdflib
from pyshacl import validate as pyshacl_validate
from pyshacl.errors import ValidationFailure
from rdflib.exceptions import ParserError
from rdflib.namespace import RDF, SH

from demoi import compiled_shapes
from demoi.errors import DataError, Location, UsageError
from demoi.resources import standards_path

SEVERITY_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}


@dataclass(frozen=True)
class Finding:
    severity: str  # Violation, Warning or Info
    focus: str
    path: str | None
    value: str | None
    message: str
    shape: str
    component: str
    # Every language the shape's sh:message is given in, as (language, text) pairs.
    messages: tuple[tuple[str, str], ...] = ()
    # The focus node and the value as N-Triples terms (<iri>, _:label, "text"@el,
    # "1"^^<…>): ``focus`` and ``value`` are their text alone, which cannot tell an IRI from a
    # string or keep a literal's datatype or language.
    focus_term: str = ""
    value_term: str | None = None

    def line(self) -> str:
        where = f"{self.focus}" + (f" {self.path}" if self.path else "")
        value = f" (value: {self.value})" if self.value is not None else ""
        return f"{self.severity}: {where}{value}: {self.message}"


@dataclass(frozen=True)
class Report:
    findings: tuple[Finding, ...]

    @property
    def violations(self) -> list[Finding]:
        return [finding for finding in self.findings if finding.severity == "Violation"]

    @property
    def warnings(self) -> list[Finding]:
        return [finding for finding in self.findings if finding.severity != "Violation"]

    @property
    def conforms(self) -> bool:
        return not self.violations

    def text(self) -> str:
        if not self.findings:
            return "conforms: no violations, no warnings"
        return "\n".join(finding.line() for finding in self.findings)


@cache
def area_shapes(area: str) -> rdflib.Graph:
    folder = standards_path("shapes")
    files = [folder / f"{area}.ttl", folder / f"{area}-recommended.ttl"]
    if not files[0].is_file():
        raise UsageError(f"no SHACL profile for the area {area!r} ({files[0]} is missing)")
    shapes = rdflib.Graph()
    for path in files:
        if path.is_file():
            shapes.parse(path, format="turtle")
    return targeted_directly(shapes)


def targeted_directly(shapes: rdflib.Graph) -> rdflib.Graph:
    """The same rules, with each property shape of a class-targeting node shape given that
    node shape's sh:targetClass itself.

    The results are the same (a property shape's results name it as the source shape, with the
    same focus nodes), but pySHACL then checks a property shape once over all its focus nodes
    instead of once per focus node: four times faster on budget data (benchmarks/lift.py).
    Node shapes with other kinds of targets are left as they are.
    """
    flat = rdflib.Graph()
    for triple in shapes:
        flat.add(triple)
    other_targets = (SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target)
    for node, member in list(flat.subject_objects(SH.property)):
        classes = list(flat.objects(node, SH.targetClass))
        if not classes or not isinstance(member, rdflib.URIRef):
            continue
        if any(True for target in other_targets for _ in flat.objects(node, target)):
            continue
        for target_class in classes:
            flat.add((member, SH.targetClass, target_class))
        flat.remove((node, SH.property, member))
    return flat


def _messages(
    report: rdflib.Graph, result: rdflib.term.Node, shapes: rdflib.Graph
) -> tuple[tuple[str, str], ...]:
    """The result's messages as (language, text) pairs.

    pySHACL reports the sh:message of a SPARQL-based constraint without its language tag, so for
    a result with no tagged message the tagged messages are read from the shape itself (on the
    shape or on its sh:sparql constraint), where the editor wrote them in Greek and in English.
    """
    found = [m for m in report.objects(result, SH.resultMessage) if isinstance(m, rdflib.Literal)]
    if not any(message.language for message in found):
        shape = report.value(result, SH.sourceShape)
        tagged = [
            message
            for holder in [shape, *shapes.objects(shape, SH.sparql)]
            for message in shapes.objects(holder, SH.message)
            if isinstance(message, rdflib.Literal) and message.language
        ]
        found = tagged or found
    return tuple(sorted((message.language or "", str(message)) for message in found))


def in_language(pairs: Iterable[tuple[str, str]], language: str) -> str:
    """The text of (language, text) pairs in ``language``, else in English or untagged, else
    the first one: messages, labels and titles are given in el and en, but a shape of someone
    else's may have only one."""
    pairs = list(pairs)
    for tag, text in pairs:
        if tag == language:
            return text
    for tag, text in pairs:
        if tag in ("en", ""):
            return text
    return pairs[0][1] if pairs else ""


def _local(node: rdflib.term.Node | None) -> str:
    text = str(node) if node is not None else ""
    return text.rsplit("#", 1)[-1]


def ntriples_term(term: rdflib.term.Node) -> str:
    """The term as N-Triples writes it. Written here rather than with ``Node.n3()``, which
    writes a multi-line literal in Turtle's long form, or with pyoxigraph's terms, which
    lowercase language tags (rdflib and pySHACL keep them as written). A datatype rdflib keeps
    (xsd:string too) is kept, so the term is the one pySHACL saw."""
    if isinstance(term, rdflib.Literal):
        text = str(term).replace("\\", "\\\\").replace('"', '\\"')
        text = text.replace("\n", "\\n").replace("\r", "\\r")
        if term.language:
            return f'"{text}"@{term.language}'
        return f'"{text}"^^<{term.datatype}>' if term.datatype else f'"{text}"'
    if isinstance(term, rdflib.BNode):
        return f"_:{term}"
    return f"<{term}>"


def validate_graph(
    data: rdflib.Graph,
    shapes: rdflib.Graph,
    language: str = "el",
    only: list[rdflib.URIRef | str] | None = None,
) -> Report:
    """pySHACL's results; with ``only``, of those shapes alone. The results of the report
    itself: those pySHACL nests under ``sh:detail`` (what a shape checked through sh:node
    found) explain a result, they are not results of the report."""
    _, report_graph, _ = pyshacl_validate(
        data,
        shacl_graph=shapes,
        inference="none",
        advanced=True,
        allow_warnings=True,
        use_shapes=only,
    )
    if isinstance(report_graph, ValidationFailure):
        raise UsageError(f"the shapes cannot be used: {report_graph.message}")
    findings = []
    for report in report_graph.subjects(RDF.type, SH.ValidationReport):
        for result in report_graph.objects(report, SH.result):
            findings.append(_reported(report_graph, result, shapes, language))
    return _sorted(findings)


def _reported(
    report: rdflib.Graph, result: rdflib.term.Node, shapes: rdflib.Graph, language: str
) -> Finding:
    messages = _messages(report, result, shapes)
    focus = report.value(result, SH.focusNode)
    value = report.value(result, SH.value)
    path = report.value(result, SH.resultPath)
    return Finding(
        severity=_local(report.value(result, SH.resultSeverity)),
        focus=str(focus),
        path=str(path) if path is not None else None,
        value=str(value) if value is not None else None,
        message=in_language(messages, language),
        shape=str(report.value(result, SH.sourceShape)),
        component=_local(report.value(result, SH.sourceConstraintComponent)),
        messages=messages,
        focus_term=ntriples_term(focus) if focus is not None else "",
        value_term=ntriples_term(value) if value is not None else None,
    )


def _sorted(findings: list[Finding]) -> Report:
    findings.sort(
        key=lambda f: (SEVERITY_ORDER.get(f.severity, 9), f.focus, f.path or "", f.component)
    )
    return Report(tuple(findings))


def _finding(result: compiled_shapes.Result, language: str) -> Finding:
    messages = result.messages or (
        # pySHACL's default messages are not reproduced; ours name the rule that failed.
        ("", f"{result.component.removesuffix('ConstraintComponent')} ({result.shape})"),
    )
    return Finding(
        severity=result.severity,
        focus=str(result.focus),
        path=result.path,
        value=str(result.value) if result.value is not None else None,
        message=in_language(messages, language),
        shape=result.shape,
        component=result.component,
        messages=messages,
        focus_term=ntriples_term(result.focus),
        value_term=ntriples_term(result.value) if result.value is not None else None,
    )


def validate_compiled(
    ntriples: bytes,
    shapes: rdflib.Graph,
    language: str = "el",
    graph: rdflib.Graph | None = None,
    *,
    timings: dict[str, float] | None = None,
) -> Report:
    """The compiled evaluation, with pySHACL for the shapes it leaves to it (on ``graph``, the
    same data as an rdflib graph, parsed here if not given); raises compiled_shapes.Unsupported
    where it cannot. ``timings``, if given, receives the seconds of each phase."""
    evaluated = compiled_shapes.evaluate(shapes, ntriples, timings=timings)
    findings = [_finding(result, language) for result in evaluated.results]
    if evaluated.for_pyshacl:
        if graph is None:
            graph = rdflib.Graph().parse(data=ntriples, format="nt")
        only = validate_graph(graph, shapes, language, only=evaluated.for_pyshacl)
        findings.extend(only.findings)
    return _sorted(findings)


def validate_fast(
    ntriples: bytes,
    shapes: rdflib.Graph,
    language: str = "el",
    graph: rdflib.Graph | None = None,
    *,
    timings: dict[str, float] | None = None,
) -> Report:
    """The compiled evaluation where it applies, pySHACL on the whole graph where it does not
    (``graph``: the same data as an rdflib graph, if the caller has it; ``timings``: as
    ``validate_compiled``)."""
    try:
        return validate_compiled(ntriples, shapes, language, graph, timings=timings)
    except compiled_shapes.Unsupported:
        if graph is None:
            graph = rdflib.Graph().parse(data=ntriples, format="nt")
        return validate_graph(graph, shapes, language)


def validate_ntriples(
    data: bytes, area: str, language: str = "el", source: str | None = None
) -> Report:
    """Validate N-Triples against the area's profile. Data that is not N-Triples (a mapping
    made an IRI of a source value with a space in it) is a DataError at ``source``."""
    try:
        return validate_fast(data, area_shapes(area), language)
    except (SyntaxError, ParserError):
        problem = _not_ntriples(data, source)
        if problem is None:
            raise
        raise problem from None


def _not_ntriples(data: bytes, source: str | None) -> DataError | None:
    """What Oxigraph finds wrong in ``data``, quoting the term, or None if it parses."""
    try:
        for _ in ox.parse(data, format=ox.RdfFormat.N_TRIPLES):
            pass
    except SyntaxError as error:
        reason = str(error.msg).rpartition(": ")[2]
        term = ""
        if error.lineno is not None and error.offset is not None:
            line = data.splitlines()[error.lineno - 1].decode("utf-8", "replace")
            end = error.end_offset - 1 if error.end_offset else None  # 1-based, exclusive
            term = line[error.offset - 1 : end].strip()
        return DataError(
            f"a value of the source makes a term that is not valid RDF: {term} ({reason}); "
            "correct the value in the source",
            location=Location(source) if source else None,
        )
    return None


def validate_area(data: rdflib.Graph, area: str, language: str = "el") -> Report:
    ntriples = data.serialize(format="nt", encoding="utf-8")
    return validate_fast(ntriples, area_shapes(area), language, graph=data)
