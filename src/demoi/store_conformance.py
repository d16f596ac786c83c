"""Conformance of what is published: `demoi validate --store` validates every published graph
against its area's profile and keeps the results in the store, for the matrix municipality ×
area at /conformance.

The results live in one graph demoi keeps itself, ``{base}graph/conformance`` (reserved:
``iris.is_reserved``), as one ``sh:ValidationReport`` per validated graph with every
``sh:result``, in the Turtle vocabulary of the reports (``dv:pass``, ``dv:section``) plus what
the matrix reads: the graph, its municipality and area (as the catalogue record gives them), the
counts, when it was checked and the fingerprint of what was checked. Each report is replaced by
one SPARQL update, so an interrupted run leaves every report whole, old or new.

Which graphs are published comes from the catalogue records (``demoi.catalogue``); a record's
``dct:modified``, ``prov:wasDerivedFrom`` and ``void:triples``, with the digest of the area's
shape files, make the fingerprint, with a digest of the graph's triples (the Graph Store and
SPARQL updates change a graph without its record): a graph whose fingerprint has not changed
since its last check is not validated again unless ``force`` (a new demoi with other shapes
changes every fingerprint).
Each municipality's catalogue graph is validated too, against the ``catalogue`` profile, with
the fingerprints of its records as its own.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from functools import cache

import pyoxigraph as ox

from demoi import profiles
from demoi.catalogue import DCAT, DCTERMS, DEMOI, XSD, catalogue_graph
from demoi.conformance import (
    Input,
    Outcome,
    Pass,
    Result,
    check_triples,
    result_order,
)
from demoi.dcat.export import municipal_triples
from demoi.dcat.model import mappings_by_name, read_catalogues
from demoi.errors import DataError, UsageError
from demoi.iris import (
    MUNICIPALITY_CODES,
    STANDARDS_BASE,
    is_reserved,
    minted_prefix,
    municipality_iri,
)
from demoi.municipalities import municipalities
from demoi.profiles import Profile, Section
from demoi.resources import standards_path
from demoi.store import Store
from demoi.store.base import Term
from demoi.store.sparql_text import insert_data, join_operations

SH = "http://www.w3.org/ns/shacl#"
DV = STANDARDS_BASE + "def/validation#"
PROV = "http://www.w3.org/ns/prov#"
VOID = "http://rdfs.org/ns/void#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
AREA_CODES = STANDARDS_BASE + "code/functional-area/"
BLANK_NODE = DV + "blankNode"
CATALOGUE_AREA = "catalogue"
QUERY_TIMEOUT = 60.0


# A node's properties as a query reads them: property IRI -> its values.
Properties = dict[str, list[Term | None]]


def conformance_graph(base: str) -> str:
    return f"{base}graph/conformance"


@dataclass(frozen=True)
class Cell:
    """One municipality × area of the matrix."""

    municipality: str  # ELSTAT code
    area: str
    graphs: int
    conforming: int  # graphs without violations
    violations: int
    warnings: int  # results that are not violations (warnings and infos)
    checked: datetime | None

    @property
    def conforms(self) -> bool:
        return self.violations == 0

    def municipality_label(self, language: str) -> str:
        known = municipalities().get(self.municipality)
        return known.label(language) if known is not None else self.municipality

    def as_json(self) -> dict[str, object]:
        return {
            "municipality": self.municipality,
            "area": self.area,
            "graphs": self.graphs,
            "conforming": self.conforming,
            "violations": self.violations,
            "warnings": self.warnings,
            "conforms": self.conforms,
            "checked": self.checked.isoformat() if self.checked else None,
        }


@dataclass
class StoreCheck:
    cells: list[Cell]
    validated: int  # graphs validated this run
    unchanged: int  # graphs skipped: unchanged since their last check
    removed: int = 0  # reports dropped: their graphs are no longer published
    # Graphs in the store without a catalogue record (loaded by `demoi load` or the Graph
    # Store): nothing says which profile they answer to, so they are not validated, and the
    # matrix would otherwise be silent about them.
    unrecorded: list[str] = field(default_factory=list)

    @property
    def conforms(self) -> bool:
        return all(cell.violations == 0 for cell in self.cells)


@dataclass(frozen=True)
class Published:
    """A graph to validate, as the catalogue records describe it."""

    graph: str
    municipality: str  # ELSTAT code
    area: str
    fingerprint: str


@dataclass(frozen=True)
class GraphStatus:
    """One graph's last check, as the conformance graph keeps it."""

    graph: str
    municipality: str
    area: str
    conforms: bool
    violations: int
    warnings: int
    checked: datetime | None
    profile: str


# ---------------------------------------------------------------------------------------------
# Validating the store


def validate_store(
    store: Store,
    *,
    base: str,
    municipality: str | None = None,
    area: str | None = None,
    force: bool = False,
    progress: Callable[[str], None] | None = None,
) -> StoreCheck:
    """Validate the published graphs (of ``municipality`` and/or ``area`` when given) whose
    fingerprint changed since their last check (all of them with ``force``), store each report,
    drop the reports of graphs no longer published, and return the matrix of the checked scope.
    ``progress`` is told each graph before it is validated."""
    _check_scope(municipality, area)
    published = published_graphs(store, base)
    known = _fingerprints(store, base)
    removed = _remove_reports(store, base, sorted(set(known) - set(published)))
    validated = unchanged = 0
    for graph in sorted(published):
        if not _in_scope(published[graph], municipality, area):
            continue
        target = _with_content(store, published[graph])
        if not force and known.get(graph) == target.fingerprint:
            unchanged += 1
            continue
        if progress is not None:
            progress(graph)
        outcome = _validate(store, target)
        store.update(report_update(base, target, outcome))
        validated += 1
    cells = matrix(store, base, municipality=municipality, area=area)
    return StoreCheck(
        cells,
        validated,
        unchanged,
        removed,
        _unrecorded(store, base, published, municipality, area),
    )


def _unrecorded(
    store: Store,
    base: str,
    published: dict[str, Published],
    municipality: str | None,
    area: str | None,
) -> list[str]:
    """The graphs of the scope without a catalogue record (none belongs to an area), but the
    standards (vocabularies and code lists, `demoi demo`) and the indicator cubes (`demoi
    indicators compute`, which checks them itself), which are no municipality's data."""
    if area is not None:
        return []
    prefix = f"{base}graph/{municipality}/" if municipality is not None else ""
    platform = (f"{base}graph/standards/", f"{base}graph/indicators/")
    return [
        info.iri
        for info in store.graphs()
        if info.iri not in published
        and not is_reserved(info.iri)
        and info.iri.startswith(prefix)
        and not info.iri.startswith(platform)
    ]


def _check_scope(municipality: str | None, area: str | None) -> None:
    if municipality is not None and municipality not in municipalities():
        raise UsageError(
            f"unknown municipality {municipality!r}: give its ELSTAT code, e.g. 4401 (Καλαμάτα)"
        )
    if area is not None and area not in profiles.area_names():
        raise UsageError(f"unknown area {area!r}; choose one of {', '.join(profiles.area_names())}")


def _in_scope(target: Published, municipality: str | None, area: str | None) -> bool:
    return (municipality is None or target.municipality == municipality) and (
        area is None or target.area == area
    )


def _validate(store: Store, target: Published) -> Outcome:
    if target.area not in profiles.area_names():
        # A record from another demoi version, or written by hand: nothing to validate it
        # against, and a report claiming it conforms would be false.
        raise DataError(
            f"<{target.graph}>: its catalogue record names the functional area "
            f"{target.area!r}, which has no profile; choose one of "
            f"{', '.join(profiles.area_names())} or drop the graph"
        )
    triples = _content(store, target)
    outcome = check_triples(triples, profiles.load(target.area))
    outcome.inputs = [Input(target.graph, len(triples))]
    return outcome


def _content(store: Store, target: Published) -> list[ox.Triple]:
    """What is validated: the graph, but for a municipality's catalogue graph, which holds
    demoi's own records, the DCAT-AP catalogue generated from them (demoi.dcat), the one
    /catalog/<code> serves and harvesters read."""
    base = target.graph.removesuffix(f"graph/{target.municipality}/catalogue")
    if base == target.graph or catalogue_graph(base, target.municipality) != target.graph:
        return [quad.triple for quad in store.quads(target.graph)]
    return municipal_triples(read_catalogues(store, base, target.municipality)[0], base)


def records_query(base: str) -> str:
    """Every catalogue record with what the fingerprint is made of. Read from each
    municipality's own catalogue graph only, as the home page reads them (inventory.cells_query)."""
    return f"""
PREFIX dcat: <{DCAT}>
PREFIX dcterms: <{DCTERMS}>
PREFIX demoi: <{DEMOI}>
PREFIX void: <{VOID}>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?graph ?municipality ?area ?modified ?source ?triples
WHERE {{
  GRAPH ?catalogue {{
    ?record a dcat:Dataset ; dcterms:relation ?graph ; demoi:municipality ?municipality ;
            demoi:functionalArea ?area .
    OPTIONAL {{ ?record dcterms:modified ?modified }}
    OPTIONAL {{ ?record prov:wasDerivedFrom ?source }}
    OPTIONAL {{ ?record void:triples ?triples }}
  }}
  FILTER(?catalogue = IRI(CONCAT({ox.Literal(base)}, "graph/",
                                 STRAFTER(STR(?municipality), "{MUNICIPALITY_CODES}"),
                                 "/catalogue")))
}}
"""


def published_graphs(store: Store, base: str) -> dict[str, Published]:
    """Graph IRI -> what to validate it as: every graph with a catalogue record, and the
    catalogue graph of every municipality that has one."""
    parts: dict[str, tuple[str, str, list[str]]] = {}
    for graph, municipality, area, *fingerprinted in store.query(
        records_query(base), timeout=QUERY_TIMEOUT
    ).rows:
        if not (
            isinstance(graph, ox.NamedNode)
            and isinstance(municipality, ox.NamedNode)
            and isinstance(area, ox.NamedNode)
        ):
            continue
        code = municipality.value.removeprefix(MUNICIPALITY_CODES)
        notation = area.value.removeprefix(AREA_CODES)
        texts = [_text(term) for term in fingerprinted]
        # Two records of one graph (written by hand) both count.
        parts.setdefault(graph.value, (code, notation, []))[2].append("|".join(texts))
    published = {
        graph: Published(graph, code, notation, _fingerprint(notation, texts))
        for graph, (code, notation, texts) in parts.items()
    }
    for code in {target.municipality for target in published.values()}:
        own = sorted(
            f"{target.graph}|{target.fingerprint}"
            for target in published.values()
            if target.municipality == code
        )
        catalogue = catalogue_graph(base, code)
        # The generated catalogue also follows the mappings' [catalogue] rules (themes, HVD).
        own.append(catalogue_rules_digest())
        published[catalogue] = Published(
            catalogue, code, CATALOGUE_AREA, _fingerprint(CATALOGUE_AREA, own)
        )
    return published


def _with_content(store: Store, target: Published) -> Published:
    """The target with the digest of the graph's content in its fingerprint: the Graph Store
    and SPARQL updates change a graph without touching its catalogue record."""
    return replace(
        target, fingerprint=f"{target.fingerprint}|{content_digest(store, target.graph)}"
    )


def content_digest(store: Store, graph: str) -> str:
    """A digest of the graph's triples that does not depend on the order they are read in
    (the sum of each triple's SHA-256): reading is cheap next to validating, and sorting
    millions of triples would not be."""
    total = 0
    for quad in store.quads(graph):
        total += int.from_bytes(hashlib.sha256(str(quad.triple).encode()).digest(), "big")
    return f"{total % (1 << 256):064x}"


def _fingerprint(area: str, texts: Iterable[str]) -> str:
    digest = hashlib.sha256(shapes_digest(area).encode())
    for text in sorted(texts):
        digest.update(b"\n" + text.encode())
    return digest.hexdigest()


@cache
def catalogue_rules_digest() -> str:
    rules = sorted(
        f"{name}|{m.dataset}|{m.themes}|{m.hvd_categories}|{m.frequency}|{m.description}"
        for name, m in mappings_by_name().items()
    )
    return hashlib.sha256("\n".join(rules).encode()).hexdigest()


@cache
def shapes_digest(area: str) -> str:
    """The area's shape files, so a demoi whose shapes changed validates everything again."""
    digest = hashlib.sha256()
    folder = standards_path("shapes")
    for path in (folder / f"{area}.ttl", folder / f"{area}-recommended.ttl"):
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _fingerprints(store: Store, base: str) -> dict[str, str]:
    """Graph IRI -> the fingerprint of its last check."""
    query = f"""
PREFIX dv: <{DV}>
SELECT ?graph ?fingerprint
WHERE {{
  GRAPH <{conformance_graph(base)}> {{ ?report dv:graph ?graph ; dv:fingerprint ?fingerprint }}
}}
"""
    fingerprints = {}
    for graph, fingerprint in store.query(query, timeout=QUERY_TIMEOUT).rows:
        if isinstance(graph, ox.NamedNode) and isinstance(fingerprint, ox.Literal):
            fingerprints[graph.value] = fingerprint.value
    return fingerprints


# ---------------------------------------------------------------------------------------------
# Writing a report


def report_iri(base: str, graph: str) -> str:
    """``{base}id/conformance/<the graph's path under {base}graph/>``; a hash for a graph
    outside it (a record written by hand may name any graph)."""
    prefix = f"{base}graph/"
    if graph.startswith(prefix):
        return f"{minted_prefix(base)}conformance/{graph.removeprefix(prefix)}"
    return f"{minted_prefix(base)}conformance/sha256-{hashlib.sha256(graph.encode()).hexdigest()}"


def removal(base: str, graph: str) -> str:
    """The operations that delete ``graph``'s report with the nodes it holds (results, input,
    pass runs). Two, rather than one with an OPTIONAL, which would pair every property of the
    report with every property of each of its nodes."""
    conformance = ox.NamedNode(conformance_graph(base))
    target = ox.NamedNode(graph)
    held = "|".join(f"<{iri}>" for iri in (SH + "result", DV + "input", DV + "passRun"))
    about = ox.NamedNode(DV + "graph")
    return join_operations(
        f"DELETE {{ GRAPH {conformance} {{ ?node ?p ?o }} }} WHERE {{ GRAPH {conformance} "
        f"{{ ?report {about} {target} ; {held} ?node . ?node ?p ?o }} }}",
        f"DELETE {{ GRAPH {conformance} {{ ?report ?p ?o }} }} WHERE {{ GRAPH {conformance} "
        f"{{ ?report {about} {target} ; ?p ?o }} }}",
    )


def report_update(base: str, target: Published, outcome: Outcome) -> str:
    """One update request (one transaction): the old report out, the new one in."""
    return join_operations(
        removal(base, target.graph), insert_data(report_quads(base, target, outcome))
    )


def _remove_reports(store: Store, base: str, graphs: list[str]) -> int:
    if graphs:
        store.update(join_operations(*(removal(base, graph) for graph in graphs)))
    return len(graphs)


def report_quads(base: str, target: Published, outcome: Outcome) -> list[ox.Quad]:
    """The report in the terms of validation_report's Turtle (sh:, dv:, prov:, dct:), plus
    what the matrix and the next run read: the graph, its municipality and area, the
    fingerprint."""
    conformance = ox.NamedNode(conformance_graph(base))
    report = ox.NamedNode(report_iri(base, target.graph))
    counts = outcome.counts
    properties: list[tuple[str, ox.NamedNode | ox.Literal]] = [
        (RDF_TYPE, ox.NamedNode(SH + "ValidationReport")),
        (SH + "conforms", _boolean(outcome.conforms)),
        (DV + "strict", _boolean(outcome.strict)),
        (DV + "graph", ox.NamedNode(target.graph)),
        (DEMOI + "municipality", ox.NamedNode(municipality_iri(target.municipality))),
        (DEMOI + "functionalArea", ox.NamedNode(AREA_CODES + target.area)),
        (DV + "profile", ox.Literal(target.area)),
        *((DCTERMS + "conformsTo", _term(p.documentation)) for p in outcome.profiles),
        (PROV + "generatedAtTime", _date_time(outcome.checked_at)),
        (DV + "fingerprint", ox.Literal(target.fingerprint)),
        (DV + "violations", _integer(counts["Violation"])),
        (DV + "warnings", _integer(counts["Warning"])),
        (DV + "infos", _integer(counts["Info"])),
        (
            DV + "seconds",
            ox.Literal(f"{outcome.seconds:.3f}", datatype=ox.NamedNode(XSD + "decimal")),
        ),
    ]
    quads = [ox.Quad(report, ox.NamedNode(p), o, conformance) for p, o in properties]

    def held(
        link: str, node: ox.BlankNode, about: list[tuple[str, ox.NamedNode | ox.Literal]]
    ) -> None:
        quads.append(ox.Quad(report, ox.NamedNode(link), node, conformance))
        quads.extend(ox.Quad(node, ox.NamedNode(p), o, conformance) for p, o in about)

    for number, source in enumerate(outcome.inputs):
        held(
            DV + "input",
            ox.BlankNode(f"i{number}"),
            [(RDFS_LABEL, ox.Literal(source.name)), (DV + "triples", _integer(source.triples))],
        )
    for number, run in enumerate(outcome.passes):
        held(
            DV + "passRun",
            ox.BlankNode(f"p{number}"),
            [
                (DV + "profile", ox.Literal(run.profile)),
                (DV + "pass", _integer(run.number)),
                (DV + "backgroundTriples", _integer(run.background_triples)),
            ],
        )
    for number, result in enumerate(outcome.results):
        held(SH + "result", ox.BlankNode(f"r{number}"), _result_properties(result))
    return quads


def _result_properties(result: Result) -> list[tuple[str, ox.NamedNode | ox.Literal]]:
    properties: list[tuple[str, ox.NamedNode | ox.Literal]] = [
        (RDF_TYPE, ox.NamedNode(SH + "ValidationResult")),
        (SH + "resultSeverity", ox.NamedNode(SH + result.severity)),
        (SH + "focusNode", _stored(result.focus, result.focus_term)),
        (SH + "sourceShape", _term(result.shape)),
        (SH + "sourceConstraintComponent", ox.NamedNode(SH + result.component)),
        (DV + "pass", _integer(result.pass_number)),
        (DV + "profile", ox.Literal(result.profile)),
    ]
    if result.path is not None:
        properties.append((SH + "resultPath", _term(result.path)))
    if result.value is not None:
        properties.append((SH + "value", _stored(result.value, result.value_term)))
    if result.section is not None:
        properties.append((DV + "section", _term(result.section.url)))
    for language, text in result.messages:
        properties.append((SH + "resultMessage", ox.Literal(text, language=language or None)))
    return properties


def _stored(text: str, ntriples: str | None) -> ox.NamedNode | ox.Literal:
    """A focus node or value as the term it is (the validator gives its N-Triples form); a
    blank node of the data as its id, typed dv:blankNode, since a blank node written here would
    be a new one, not the data's."""
    if ntriples:
        if ntriples.startswith("_:"):
            return ox.Literal(ntriples[2:], datatype=ox.NamedNode(BLANK_NODE))
        parsed = _parse_term(ntriples)
        if parsed is not None:
            return parsed
    return _term(text)


def _parse_term(ntriples: str) -> ox.NamedNode | ox.Literal | None:
    try:
        quads = list(ox.parse(f"<urn:s> <urn:p> {ntriples} .", format=ox.RdfFormat.N_TRIPLES))
    except SyntaxError:
        return None
    found = quads[0].object if len(quads) == 1 else None
    return found if isinstance(found, (ox.NamedNode, ox.Literal)) else None


def _term(text: str) -> ox.NamedNode | ox.Literal:
    """Shapes and paths come as text: an IRI stays one, the rest (a blank node's id) is kept
    as a literal typed dv:blankNode, so the text reads back unchanged."""
    if ":" in text and not text.startswith("_:"):
        try:
            return ox.NamedNode(text)
        except ValueError:
            pass
    return ox.Literal(text, datatype=ox.NamedNode(BLANK_NODE))


def _as_ntriples(term: object) -> str:
    """The N-Triples form of what _stored wrote."""
    if isinstance(term, ox.Literal) and term.datatype.value == BLANK_NODE:
        return f"_:{term.value}"
    if isinstance(term, (ox.NamedNode, ox.Literal)):
        return str(term)
    return ""


def _boolean(value: bool) -> ox.Literal:
    return ox.Literal("true" if value else "false", datatype=ox.NamedNode(XSD + "boolean"))


def _integer(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=ox.NamedNode(XSD + "integer"))


def _date_time(value: datetime) -> ox.Literal:
    text = value.astimezone(UTC).isoformat(timespec="seconds")
    return ox.Literal(text, datatype=ox.NamedNode(XSD + "dateTime"))


# ---------------------------------------------------------------------------------------------
# Reading the matrix and the reports back


def matrix_query(base: str) -> str:
    return f"""
PREFIX sh: <{SH}>
PREFIX dv: <{DV}>
PREFIX demoi: <{DEMOI}>
PREFIX prov: <{PROV}>
SELECT ?municipality ?area (COUNT(?report) AS ?graphs)
       (SUM(IF(?conforms, 1, 0)) AS ?conforming) (SUM(?violations) AS ?violationCount)
       (SUM(?warnings + ?infos) AS ?warningCount) (MAX(?checked) AS ?last)
WHERE {{
  GRAPH <{conformance_graph(base)}> {{
    ?report a sh:ValidationReport ; demoi:municipality ?municipality ;
            demoi:functionalArea ?area ; sh:conforms ?conforms ; dv:violations ?violations ;
            dv:warnings ?warnings ; dv:infos ?infos ; prov:generatedAtTime ?checked .
  }}
}}
GROUP BY ?municipality ?area
"""


def matrix(
    store: Store, base: str, *, municipality: str | None = None, area: str | None = None
) -> list[Cell]:
    """The cells municipality × area (of ``municipality`` and/or ``area`` when given), sorted
    by municipality and area, from the conformance graph with one aggregate."""
    cells = []
    for row in store.query(matrix_query(base), timeout=QUERY_TIMEOUT).rows:
        who, what, graphs, conforming, violations, warnings, last = row
        if not (isinstance(who, ox.NamedNode) and isinstance(what, ox.NamedNode)):
            continue
        code = who.value.removeprefix(MUNICIPALITY_CODES)
        notation = what.value.removeprefix(AREA_CODES)
        if (municipality is not None and code != municipality) or (
            area is not None and notation != area
        ):
            continue
        cells.append(
            Cell(
                code,
                notation,
                _whole(graphs),
                _whole(conforming),
                _whole(violations),
                _whole(warnings),
                _when(last),
            )
        )
    return sorted(cells, key=lambda cell: (cell.municipality, cell.area))


def statuses_query(base: str, municipality: str | None, graph: ox.NamedNode | None = None) -> str:
    who = f"BIND(<{municipality_iri(municipality)}> AS ?municipality)" if municipality else ""
    if graph is not None:
        who += f" BIND({graph} AS ?graph)"
    return f"""
PREFIX sh: <{SH}>
PREFIX dv: <{DV}>
PREFIX demoi: <{DEMOI}>
PREFIX prov: <{PROV}>
SELECT ?graph ?municipality ?area ?conforms ?violations (?warned + ?infos AS ?warnings) ?checked
       ?profile
WHERE {{
  {who}
  GRAPH <{conformance_graph(base)}> {{
    ?report a sh:ValidationReport ; dv:graph ?graph ; demoi:municipality ?municipality ;
            demoi:functionalArea ?area ; sh:conforms ?conforms ; dv:violations ?violations ;
            dv:warnings ?warned ; dv:infos ?infos ; prov:generatedAtTime ?checked ;
            dv:profile ?profile .
  }}
}}
ORDER BY ?graph
"""


def graph_status(store: Store, base: str, graph: str) -> GraphStatus | None:
    """``graph``'s last check, or None if it was never checked."""
    try:
        target = ox.NamedNode(graph)
    except ValueError:
        return None
    found = _statuses(store, statuses_query(base, None, target))
    return found[0] if found else None


def graph_statuses(store: Store, base: str, municipality: str | None = None) -> list[GraphStatus]:
    """Each checked graph (of ``municipality`` when given) with its last check."""
    return _statuses(store, statuses_query(base, municipality))


def _statuses(store: Store, query: str) -> list[GraphStatus]:
    statuses = []
    for row in store.query(query, timeout=QUERY_TIMEOUT).rows:
        graph, who, what, conforms, violations, warnings, checked, profile = row
        if not all(isinstance(term, ox.NamedNode) for term in (graph, who, what)):
            continue
        assert isinstance(graph, ox.NamedNode)
        assert isinstance(who, ox.NamedNode) and isinstance(what, ox.NamedNode)
        statuses.append(
            GraphStatus(
                graph.value,
                who.value.removeprefix(MUNICIPALITY_CODES),
                what.value.removeprefix(AREA_CODES),
                _text(conforms) == "true",
                _whole(violations),
                _whole(warnings),
                _when(checked),
                _text(profile),
            )
        )
    return statuses


def graph_outcome(store: Store, base: str, graph: str) -> Outcome | None:
    """The last report of ``graph`` as the validator's Outcome, or None if it was never
    checked (or is not a graph IRI)."""
    try:
        target = ox.NamedNode(graph)
    except ValueError:
        return None
    report = _report_properties(store, base, target)
    if not report:
        return None
    name = _text(_first(report, DV + "profile"))
    chosen = _profiles(name)
    held = _held_nodes(store, base, target)
    sections = _sections_by_url(chosen)
    outcome = Outcome(
        profiles=chosen,
        inputs=[
            Input(_text(_first(node, RDFS_LABEL)), _whole(_first(node, DV + "triples")))
            for node in held.get(DV + "input", [])
        ],
        results=sorted(
            (_result(node, name, sections) for node in held.get(SH + "result", [])),
            key=result_order,
        ),
        passes=sorted(
            (_pass(node) for node in held.get(DV + "passRun", [])),
            key=lambda run: (run.profile, run.number),
        ),
        strict=_text(_first(report, DV + "strict")) == "true",
        seconds=_decimal(_first(report, DV + "seconds")),
    )
    checked = _when(_first(report, PROV + "generatedAtTime"))
    if checked is not None:
        outcome.checked_at = checked
    return outcome


def _pass(node: Properties) -> Pass:
    return Pass(
        _text(_first(node, DV + "profile")),
        _whole(_first(node, DV + "pass")),
        _whole(_first(node, DV + "backgroundTriples")),
    )


def _report_properties(store: Store, base: str, graph: ox.NamedNode) -> Properties:
    query = f"""
PREFIX dv: <{DV}>
SELECT ?p ?o WHERE {{ GRAPH <{conformance_graph(base)}> {{ ?report dv:graph {graph} ; ?p ?o }} }}
"""
    properties: Properties = {}
    for p, o in store.query(query, timeout=QUERY_TIMEOUT).rows:
        if isinstance(p, ox.NamedNode):
            properties.setdefault(p.value, []).append(o)
    return properties


def _held_nodes(store: Store, base: str, graph: ox.NamedNode) -> dict[str, list[Properties]]:
    """The nodes the report holds (results, input, pass runs) by the property that links them,
    each with its properties: one query."""
    query = f"""
PREFIX sh: <{SH}>
PREFIX dv: <{DV}>
SELECT ?link ?node ?p ?o WHERE {{
  VALUES ?link {{ sh:result dv:input dv:passRun }}
  GRAPH <{conformance_graph(base)}> {{ ?report dv:graph {graph} ; ?link ?node . ?node ?p ?o }}
}}
"""
    nodes: dict[tuple[str, str], Properties] = {}
    for link, node, p, o in store.query(query, timeout=QUERY_TIMEOUT).rows:
        if isinstance(link, ox.NamedNode) and node is not None and isinstance(p, ox.NamedNode):
            nodes.setdefault((link.value, str(node)), {}).setdefault(p.value, []).append(o)
    held: dict[str, list[Properties]] = {}
    for (linked_by, _node), properties in nodes.items():
        held.setdefault(linked_by, []).append(properties)
    return held


def _result(
    properties: Properties,
    profile: str,
    sections: dict[str, Section],
) -> Result:
    def one(name: str) -> str | None:
        term = _first(properties, SH + name)
        return _text(term) if term is not None else None

    section_url = _text(_first(properties, DV + "section")) or None
    value = _first(properties, SH + "value")
    messages = tuple(
        sorted(
            (term.language or "", term.value)
            for term in properties.get(SH + "resultMessage", [])
            if isinstance(term, ox.Literal)
        )
    )
    return Result(
        severity=(one("resultSeverity") or "").removeprefix(SH),
        focus=one("focusNode") or "",
        path=one("resultPath"),
        value=one("value"),
        shape=one("sourceShape") or "",
        component=(one("sourceConstraintComponent") or "").removeprefix(SH),
        messages=messages,
        profile=_text(_first(properties, DV + "profile")) or profile,
        pass_number=_whole(_first(properties, DV + "pass")),
        section=(sections.get(section_url) or Section(section_url, (), section_url))
        if section_url
        else None,
        focus_term=_as_ntriples(_first(properties, SH + "focusNode")),
        value_term=_as_ntriples(value) if value is not None else None,
    )


def _profiles(name: str) -> list[Profile]:
    """The profile a report names, for its titles and sections; none when this demoi does not
    know it (a report written by another version)."""
    if name not in profiles.area_names():
        return []
    return profiles.load(name)


def _sections_by_url(chosen: list[Profile]) -> dict[str, Section]:
    return {section.url: section for profile in chosen for section in profile.sections.values()}


def _first(
    properties: Properties,
    name: str,
) -> Term | None:
    values = properties.get(name)
    return values[0] if values else None


def _text(term: object) -> str:
    if isinstance(term, (ox.NamedNode, ox.Literal, ox.BlankNode)):
        return term.value
    return ""


def _whole(term: object) -> int:
    try:
        return int(_text(term) or 0)
    except ValueError:
        return 0


def _decimal(term: object) -> float:
    try:
        return float(_text(term) or 0)
    except ValueError:
        return 0.0


def _when(term: object) -> datetime | None:
    try:
        return datetime.fromisoformat(_text(term))
    except ValueError:
        return None
