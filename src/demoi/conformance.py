"""The validator behind ``demoi validate``, ``POST /api/validate`` and ``/validate``.

``check`` reads the data (any RDF syntax; quads become triples of one graph), runs each profile's
two passes (:mod:`demoi.profiles`) with the compiled engine (``validation.validate_fast``, the
same results as pySHACL) and returns an :class:`Outcome`: every result with the pass that found
it and the section of the profile it enforces. The renderers (text, JSON, HTML, Turtle, JUnit)
are in :mod:`demoi.validation_report`.

Nothing remote is read: pySHACL is never asked to follow ``owl:imports`` (it would fetch them),
JSON-LD contexts are never fetched, and RDF/XML with external entities is refused. Shapes that
``owl:imports`` other shapes from an allow-listed host (``allowed_hosts``) get them fetched by
:func:`read_shapes`; any other import is listed in the outcome's notes as not followed.
"""

from __future__ import annotations

import importlib
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import rdflib
from pyparsing import ParseException
from pyshacl.errors import ReportableRuntimeError
from rdflib.namespace import OWL, RDF, SH
from rdflib.plugins.sparql.algebra import translateQuery, translateUpdate
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

from demoi import profiles, shape_messages, validation
from demoi.errors import DataError, DemoiError, Location, UnreadableInput, UsageError
from demoi.formats import rdf_format_for
from demoi.input_guard import check_rdf_source
from demoi.profiles import Profile, Section
from demoi.query_guard import check_nesting, check_outbound
from demoi.store.oxigraph import rdf_syntax_error

SEVERITIES = ("Violation", "Warning", "Info")
# Exit codes of `demoi validate` (docs/validation.md): 2, a usage error or unreadable input,
# comes from cli.py's mapping of UsageError and of RdfSyntaxError raised while reading.
CONFORMS, DOES_NOT_CONFORM = 0, 1
SHAPES_FETCH_TIMEOUT = 10  # seconds, for shapes imported from an allow-listed host
MAX_FETCHED_SHAPES = 16 * 1024 * 1024
UTF8_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class Result:
    """One validation result, as in a sh:ValidationReport, plus where it comes from."""

    severity: str  # Violation, Warning or Info
    focus: str
    path: str | None
    value: str | None
    shape: str
    component: str  # the constraint component's local name, e.g. MinCountConstraintComponent
    messages: tuple[tuple[str, str], ...]  # (language, text); "" for an untagged message
    profile: str
    pass_number: int  # 1: the data alone; 2: with the code lists as background
    section: Section | None
    # The focus node and the value as N-Triples terms (<iri>, _:id, "text"@el, "1"^^<…>), so a
    # report writes them back as the kind of term they are; see _results for how they are known.
    focus_term: str = ""
    value_term: str | None = None

    def message(self, language: str) -> str:
        return validation.in_language(self.messages, language)


@dataclass(frozen=True)
class Input:
    name: str  # a file name, "-" for standard input, or the upload's name
    triples: int


@dataclass(frozen=True)
class Pass:
    profile: str
    number: int
    background_triples: int  # what the second pass added from the code lists


@dataclass
class Outcome:
    profiles: list[Profile]
    inputs: list[Input]
    results: list[Result]
    passes: list[Pass]
    strict: bool = False
    checked_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    seconds: float = 0.0
    # Things the validator chose not to do, e.g. owl:imports not followed: (language, text) pairs.
    notes: list[tuple[tuple[str, str], ...]] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        """How many results of each severity (every severity present, 0 when none)."""
        found = Counter(result.severity for result in self.results)
        return {severity: found.get(severity, 0) for severity in SEVERITIES}

    @property
    def triples(self) -> int:
        return sum(source.triples for source in self.inputs)

    @property
    def conforms(self) -> bool:
        """No violations; with ``strict``, no warnings (or infos) either."""
        if self.strict:
            return not self.results
        return not any(result.severity == "Violation" for result in self.results)

    @property
    def exit_code(self) -> int:
        return CONFORMS if self.conforms else DOES_NOT_CONFORM

    def by_shape(self) -> list[tuple[Result, int]]:
        """One representative result per (shape, severity, pass) with how many there are,
        the most frequent first: what to fix first."""
        groups: dict[tuple[str, str, int], list[Result]] = {}
        for result in self.results:
            groups.setdefault((result.shape, result.severity, result.pass_number), []).append(
                result
            )
        ranked = sorted(
            groups.values(),
            key=lambda members: (
                severity_rank(members[0].severity),
                -len(members),
                members[0].shape,
            ),
        )
        return [(members[0], len(members)) for members in ranked]


def severity_rank(severity: str) -> int:
    return validation.SEVERITY_ORDER.get(severity, len(validation.SEVERITY_ORDER))


def result_order(result: Result) -> tuple[object, ...]:
    """The order of an outcome's results: the gravest first, then by profile and node."""
    return (severity_rank(result.severity), result.profile, result.focus, result.path or "",
            result.component, result.value or "")  # fmt: skip


# ---------------------------------------------------------------------------------------------
# Reading the data


@dataclass(frozen=True)
class Source:
    """Data to validate: a file, or bytes with the name to report them under."""

    name: str
    data: bytes | None = None  # None: read the file ``name``
    format: str | None = None  # an extension (ttl, nt, nq, trig, jsonld, rdf, owl)

    def read(self) -> bytes:
        if self.data is not None:
            return self.data
        path = Path(self.name)
        if not path.is_file():
            raise UsageError(f"{self.name}: no such file")
        try:
            return path.read_bytes()
        except OSError as error:
            raise UsageError(f"{self.name}: cannot read it ({error.strerror})") from None


def read_triples(source: Source, *, allow_dtd: bool = True) -> list[ox.Triple]:
    """The source's statements as triples (the graph names of quads are dropped: the data is
    validated as one graph, as a store would validate a union)."""
    rdf_format = _format_of(source)
    # Windows editors (Notepad) start UTF-8 files with a byte order mark, which the text
    # syntaxes' parsers read as a stray character before the first subject.
    data = source.read().removeprefix(UTF8_BOM)
    try:
        check_rdf_source(data, rdf_format, source.name, allow_dtd=allow_dtd)
        try:
            return [
                ox.Triple(quad.subject, quad.predicate, quad.object)
                for quad in ox.parse(data, format=rdf_format, base_iri=_base_of(source))
            ]
        except (SyntaxError, ValueError) as error:
            raise rdf_syntax_error(error, source.name, rdf_format) from None
    except DataError as error:
        raise UnreadableInput(error.message, location=error.location, spec=error.spec) from None


def _format_of(source: Source) -> ox.RdfFormat:
    return rdf_format_for(source.name, source.format)


def _base_of(source: Source) -> str:
    """Relative IRIs resolve against the file's own location, as RDF syntaxes define."""
    if source.data is None:
        # absolute(), not resolve(): a file reached through a symbolic link keeps the path it
        # was named by, as rdflib does (found in CI, where ../shared is a link).
        return Path(source.name).absolute().as_uri()
    return f"urn:demoi:upload:{urllib.parse.quote(source.name)}"


# ---------------------------------------------------------------------------------------------
# Shapes given by the user


def read_shapes(
    source: Source, *, allowed_hosts: Sequence[str] = (), untrusted: bool = False
) -> tuple[Profile, list[tuple[tuple[str, str], ...]]]:
    """``--shapes FILE``: a profile of one pass, and the notes about owl:imports not followed.
    ``untrusted``: shapes sent over the network, whose regular expressions must not be able
    to backtrack for ever (:func:`check_shapes_patterns`)."""
    if source.data is None and source.name.startswith(("http://", "https://")):
        # Remote shapes (the EU publishes its profiles' SHACL on the web) are fetched only from
        # an allow-listed host, like owl:imports below.
        if not _may_fetch(source.name, allowed_hosts):
            raise UsageError(
                f"{source.name}: demoi fetches shapes only from hosts in DEMOI_ALLOWED_HOSTS; "
                "download the file and give its path, or allow the host"
            )
        graph = _fetch_shapes(source.name, allowed_hosts)
    else:
        graph = rdflib.Graph()
        for triple in read_triples(source):
            graph.add(_rdflib_triple(triple))
    notes: list[tuple[tuple[str, str], ...]] = []
    followed: set[str] = set()
    pending = [str(target) for target in graph.objects(None, OWL.imports)]
    while pending:
        target = pending.pop()
        if target in followed:
            continue
        followed.add(target)
        if not _may_fetch(target, allowed_hosts):
            notes.append(
                (
                    (
                        "el",
                        f"Το owl:imports <{target}> δεν ακολουθήθηκε (ο κόμβος δεν επιτρέπεται).",
                    ),
                    ("en", f"owl:imports <{target}> was not followed (host not allow-listed)."),
                )
            )
            continue
        imported = _fetch_shapes(target, allowed_hosts)
        graph += imported
        pending.extend(str(t) for t in imported.objects(None, OWL.imports))
    check_shapes_sparql(source.name, graph, allowed_hosts)
    check_shapes_patterns(source.name, graph, untrusted=untrusted)
    check_shapes_structure(source.name, graph)
    return profiles.custom(graph, source.name), notes


#: How deep blank nodes may nest in shapes given by a user (sh:not [ sh:not [ … ] ], paths of
#: paths): the validators recurse on them, and at about 200 levels exceeded Python's recursion
#: limit; shapes people write nest a few levels (DCAT-AP: under ten).
MAX_SHAPES_DEPTH = 100


def check_shapes_structure(name: str, shapes: rdflib.Graph) -> None:
    """Refuse shapes whose structure the validators would fail on rather than read: an RDF list
    whose rdf:rest loops back (sh:in, sh:or, a path) and blank nodes nested deeper than
    MAX_SHAPES_DEPTH."""
    ends: set[rdflib.term.Node] = set()  # list nodes known to reach rdf:nil or a dead end
    for start in set(shapes.subjects(RDF.rest, None)):
        walked: set[rdflib.term.Node] = set()
        node: rdflib.term.Node | None = start
        while node is not None and node != RDF.nil and node not in ends:
            if node in walked:
                raise UsageError(
                    "an RDF list of the shapes loops back on itself (its rdf:rest leads to an "
                    "earlier member)",
                    location=Location(name),
                )
            walked.add(node)
            node = shapes.value(node, RDF.rest)
        ends |= walked
    if _blank_node_depth(shapes) > MAX_SHAPES_DEPTH:
        raise UsageError(
            f"the shapes nest blank nodes more than {MAX_SHAPES_DEPTH} levels deep, which the "
            "validator cannot follow; name the nested shapes with IRIs and refer to them",
            location=Location(name),
        )


def _blank_node_depth(shapes: rdflib.Graph) -> int:
    """The longest chain of blank nodes, each the object of the one before (a list's rdf:rest
    links not counted: lists are read one member after the other, not nested). Iterative, as
    the point is to measure what would exhaust the recursion limit."""
    depth: dict[rdflib.term.Node, int] = {}
    for root in {o for o in shapes.objects() if isinstance(o, rdflib.BNode)}:
        stack: list[tuple[rdflib.term.Node, bool]] = [(root, False)]
        on_path: set[rdflib.term.Node] = set()
        while stack:
            node, done = stack.pop()
            if done:
                on_path.discard(node)
                depth[node] = 1 + max(
                    (depth.get(child, 0) for child in _nested(shapes, node)), default=0
                )
                continue
            if node in depth or node in on_path:  # measured, or a cycle (not nesting)
                continue
            on_path.add(node)
            stack.append((node, True))
            stack.extend((child, False) for child in _nested(shapes, node))
    return max(depth.values(), default=0)


def _nested(shapes: rdflib.Graph, node: rdflib.term.Node) -> list[rdflib.term.Node]:
    return [
        child
        for predicate, child in shapes.predicate_objects(node)
        if isinstance(child, rdflib.BNode) and predicate != RDF.rest
    ]


def check_shapes_patterns(name: str, shapes: rdflib.Graph, *, untrusted: bool) -> None:
    """Refuse an sh:pattern the validator cannot compile (it would fail deep inside it) and,
    from the network, one with a repeated group that itself repeats or alternates, such as
    ``(a+)+``: the validator matches with Python's backtracking ``re``, where such a pattern
    takes time exponential in the length of the value (a 40-character value, hours)."""
    for shape, pattern in shapes.subject_objects(SH.pattern):
        flags = shapes.value(shape, SH.flags)
        where = Location(name)
        try:
            parsed = _regex_parser.parse(str(pattern), _regex_flags(flags))
        except re.error as error:
            raise UsageError(
                f"the sh:pattern {str(pattern)!r} of the shapes is not a regular expression: "
                f"{error}",
                location=where,
            ) from None
        if untrusted and _backtracks_for_ever(parsed.data, inside_repeat=False):
            raise UsageError(
                f"the sh:pattern {str(pattern)!r} of the shapes repeats a group that itself "
                "repeats or alternates, which could take hours to match; the web validator "
                "refuses such patterns: simplify it, or validate with `demoi validate --shapes`",
                location=where,
            )


# The stdlib's own parser of regular expressions (re._parser, private and without type stubs):
# the structure a pattern compiles to, which no public API gives; imported by name for mypy.
_regex_parser: Any = importlib.import_module("re._parser")
_REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")


def _regex_flags(flags: rdflib.term.Node | None) -> int:
    text = str(flags).lower() if isinstance(flags, rdflib.Literal) else ""
    return (re.IGNORECASE if "i" in text else 0) | (re.MULTILINE if "m" in text else 0)


def _backtracks_for_ever(items: Iterable[Any], *, inside_repeat: bool) -> bool:
    """Whether a parsed pattern nests a repeat (or an alternation) inside a repeat."""
    for opcode, argument in items:
        name = str(opcode)
        if name in _REPEATS:
            low, high, body = argument
            if high > 1 and inside_repeat:
                return True
            if _backtracks_for_ever(body, inside_repeat=inside_repeat or high > 1):
                return True
        elif name == "BRANCH":
            if inside_repeat:
                return True
            if any(_backtracks_for_ever(branch, inside_repeat=False) for branch in argument[1]):
                return True
        elif name == "SUBPATTERN":
            if _backtracks_for_ever(argument[-1], inside_repeat=inside_repeat):
                return True
        elif name in ("ASSERT", "ASSERT_NOT", "ATOMIC_GROUP") and _backtracks_for_ever(
            argument[-1] if name != "ATOMIC_GROUP" else argument, inside_repeat=inside_repeat
        ):
            return True
    return False


#: The SHACL parameters whose value is SPARQL the validator runs: SHACL-SPARQL constraints,
#: targets and validators (select, ask), and SHACL-AF rules (construct, update).
_SPARQL_UPDATE = rdflib.URIRef(f"{SH}update")
_SPARQL_PARAMETERS = tuple(
    rdflib.URIRef(f"{SH}{name}") for name in ("select", "ask", "construct", "update")
)
#: What makes a SPARQL engine fetch: SERVICE (Oxigraph and rdflib), LOAD, and FROM (rdflib
#: loads a FROM graph from the web).
_FETCHING_KEYWORDS = frozenset({"SERVICE", "LOAD", "FROM"})


def check_shapes_sparql(name: str, shapes: rdflib.Graph, allowed_hosts: Sequence[str]) -> None:
    """Refuse uploaded shapes whose SPARQL would fetch from elsewhere, nest deep enough to crash
    Oxigraph's parser, or not parse. The validator runs SHACL-SPARQL as it is written: Oxigraph
    evaluates a SERVICE by fetching it, and rdflib (pySHACL) a SERVICE, and a FROM by loading
    the graph from the web; so the server's own checks for queries (demoi.query_guard) apply.
    The syntax is read here with rdflib's parser, the one pySHACL runs, because a query it
    cannot parse would otherwise fail deep inside the validator."""
    for parameter in _SPARQL_PARAMETERS:
        for holder, text in shapes.subject_objects(parameter):
            where = Location(name)
            try:
                check_nesting(str(text))
                check_outbound(str(text), allowed_hosts, _FETCHING_KEYWORDS)
            except DemoiError as error:
                raise type(error)(
                    f"a SPARQL query of the shapes: {error.message}",
                    location=where,
                    spec=error.spec,
                ) from None
            prefixes = _declared_prefixes(shapes, holder)
            try:
                if parameter == _SPARQL_UPDATE:
                    update = parseUpdate(str(text))
                else:
                    query = parseQuery(str(text))
            except ParseException as error:
                raise UsageError(
                    f"a SPARQL query of the shapes cannot be read: {error.msg}, at line "
                    f"{error.lineno}, column {error.col} of the query",
                    location=where,
                ) from None
            try:
                if parameter == _SPARQL_UPDATE:
                    translateUpdate(update, initNs=prefixes)
                else:
                    translateQuery(query, initNs=prefixes)
            except Exception as error:  # noqa: BLE001 - rdflib raises a bare Exception for an undeclared prefix
                raise UsageError(
                    f"a SPARQL query of the shapes cannot be used: {error} (declare its "
                    "prefixes with sh:prefixes, or write the IRIs in full)",
                    location=where,
                ) from None


def _declared_prefixes(shapes: rdflib.Graph, holder: rdflib.term.Node) -> dict[str, str]:
    """The prefixes a SPARQL constraint or target declares with sh:prefixes, which the
    validator adds to its query (SHACL 5.2.1)."""
    return {
        str(shapes.value(declaration, SH.prefix)): str(shapes.value(declaration, SH.namespace))
        for ontology in shapes.objects(holder, SH.prefixes)
        for declaration in shapes.objects(ontology, SH.declare)
    }


def _may_fetch(url: str, allowed_hosts: Sequence[str]) -> bool:
    """Only http(s) from an allow-listed host: a file:// URL naming an allowed host is the
    server's own disk, and urllib reads it (its parse errors quoted the file's first words)."""
    parts = urllib.parse.urlsplit(url)
    return parts.scheme in ("http", "https") and (parts.hostname or "") in allowed_hosts


class _AllowListedRedirects(urllib.request.HTTPRedirectHandler):
    """Redirects followed only to where the first request could have gone: urllib follows
    any, so an allow-listed host could send the validator to one that is not."""

    def __init__(self, allowed_hosts: Sequence[str]) -> None:
        self.allowed_hosts = allowed_hosts

    def redirect_request(  # type: ignore[no-untyped-def]  # typeshed's own signature
        self, req, fp, code, msg, headers, newurl
    ):
        if not _may_fetch(newurl, self.allowed_hosts):
            raise urllib.error.URLError(f"redirected to {newurl}, which is not allow-listed")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _fetch_shapes(url: str, allowed_hosts: Sequence[str]) -> rdflib.Graph:
    """Shapes from an allow-listed host (Turtle, or what the server says it sends)."""
    request = urllib.request.Request(url, headers={"Accept": "text/turtle, application/n-triples"})
    opener = urllib.request.build_opener(_AllowListedRedirects(allowed_hosts))
    try:
        with opener.open(request, timeout=SHAPES_FETCH_TIMEOUT) as response:
            data = response.read(MAX_FETCHED_SHAPES + 1)
            media_type = response.headers.get_content_type()
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        raise UsageError(f"cannot fetch the imported shapes {url}: {error}") from None
    if len(data) > MAX_FETCHED_SHAPES:
        raise UsageError(f"the imported shapes {url} are larger than 16 MB")
    name = {"application/n-triples": "nt"}.get(media_type, "ttl")
    graph = rdflib.Graph()
    for triple in read_triples(Source(url, data, name), allow_dtd=False):
        graph.add(_rdflib_triple(triple))
    return graph


def _rdflib_triple(
    triple: ox.Triple,
) -> tuple[rdflib.term.Node, rdflib.term.Node, rdflib.term.Node]:
    from demoi.compiled_shapes import _to_rdflib

    return (_to_rdflib(triple.subject), _to_rdflib(triple.predicate), _to_rdflib(triple.object))


# ---------------------------------------------------------------------------------------------
# Validating


def check(
    sources: Iterable[Source],
    chosen: Sequence[Profile],
    *,
    strict: bool = False,
    allow_dtd: bool = True,
    notes: Iterable[tuple[tuple[str, str], ...]] = (),
) -> Outcome:
    """Validate the sources, together, against every chosen profile."""
    started = time.perf_counter()
    inputs: list[Input] = []
    triples: list[ox.Triple] = []
    for source in sources:
        read = read_triples(source, allow_dtd=allow_dtd)
        inputs.append(Input(source.name, len(read)))
        triples.extend(read)
    if not inputs:
        raise UsageError("give at least one data file")
    try:
        outcome = check_triples(triples, chosen, strict=strict)
    except RuntimeError as error:
        # pySHACL refusing a shape (sh:minCount "x", say; its ReportableRuntimeError), or
        # Oxigraph a SPARQL constraint calling a function it does not know: demoi's profiles
        # are tested, so it is in the user's own shapes, a mistake they can fix.
        own = [profile for profile in chosen if profile.custom]
        if not own:
            raise
        message = error.message if isinstance(error, ReportableRuntimeError) else str(error)
        raise UsageError(
            f"the shapes cannot be used: {message}", location=Location(own[0].name)
        ) from None
    outcome.inputs = inputs
    outcome.notes = list(notes)
    outcome.seconds = time.perf_counter() - started
    return outcome


def check_triples(
    triples: list[ox.Triple], chosen: Sequence[Profile], *, strict: bool = False
) -> Outcome:
    """Validate triples already read (the store's graphs, for instance)."""
    import functools  # imported here: only this function of the module changed for them

    from demoi import parallel_shapes

    started = time.perf_counter()
    data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
    validate = validation.validate_fast
    cores = parallel_shapes.available_cores()
    if cores > 1 and len(triples) >= parallel_shapes.PARALLEL_FROM_TRIPLES:
        # The checks shared by forked workers, the same results (one process where it may not
        # fork: parallel_shapes.can_fork).
        validate = functools.partial(parallel_shapes.validate, workers=cores)
    # One evaluation per pass for all the profiles together: the data is loaded twice, not
    # twice per profile (13 profiles for `all`).
    first = validate(data, _merged([profile.pass_one for profile in chosen]))
    results = _attributed(first, chosen, 1)
    passes = [Pass(profile.name, 1, 0) for profile in chosen]
    with_second = [profile for profile in chosen if profile.pass_two is not None]
    if with_second:
        extra = profiles.background(triples)
        with_background = data + (ox.serialize(extra, format=ox.RdfFormat.N_TRIPLES) or b"")
        shapes = _merged([p.pass_two for p in with_second if p.pass_two is not None])
        second = validate(with_background, shapes)
        described = _only_in_background(triples)
        results.extend(r for r in _attributed(second, with_second, 2) if r.focus not in described)
        passes.extend(Pass(profile.name, 2, len(extra)) for profile in with_second)
    results.sort(key=result_order)
    return Outcome(
        profiles=list(chosen),
        inputs=[Input("<store>", len(triples))],
        results=results,
        passes=passes,
        strict=strict,
        seconds=time.perf_counter() - started,
    )


# The merged shapes of each combination of profiles, kept as long as the profiles are (the
# compiled engine caches its compilation per shapes graph, so a new union each time would be
# compiled each time).
_MERGED: dict[tuple[int, ...], tuple[list[rdflib.Graph], rdflib.Graph]] = {}


def _merged(graphs: list[rdflib.Graph]) -> rdflib.Graph:
    if len(graphs) == 1:
        return graphs[0]
    key = tuple(id(graph) for graph in graphs)
    if key not in _MERGED:
        union = rdflib.Graph()
        for graph in graphs:
            union += graph
        # The graphs are kept with their union so that their ids cannot be reused.
        _MERGED[key] = (graphs, union)
    return _MERGED[key][1]


def _attributed(
    report: validation.Report, chosen: Sequence[Profile], pass_number: int
) -> list[Result]:
    """The results of a merged evaluation, each given to the profile its shape belongs to."""
    if len(chosen) == 1:
        return _results(report, chosen[0], pass_number)
    owner: dict[str, Profile] = {}
    for profile in chosen:
        for shape in profile.sections:
            owner.setdefault(shape, profile)
    groups: dict[str, list[validation.Finding]] = {profile.name: [] for profile in chosen}
    for finding in report.findings:
        groups[owner.get(finding.shape, chosen[0]).name].append(finding)
    return [
        result
        for profile in chosen
        for result in _results(validation.Report(tuple(groups[profile.name])), profile, pass_number)
    ]


def _only_in_background(triples: list[ox.Triple]) -> frozenset[str]:
    """Nodes the code lists describe and the data does not: a second-pass result about one of
    them (a concept of a code list targeted by a shape) is not about the data."""
    subjects = {t.subject.value for t in triples if isinstance(t.subject, ox.NamedNode)}
    return profiles.background_subjects() - subjects


def _results(report: validation.Report, profile: Profile, pass_number: int) -> list[Result]:
    second = pass_number == 2 and profile.pass_two is not None
    shapes = profile.pass_two if second and profile.pass_two is not None else profile.pass_one
    messages: dict[tuple[str, str, tuple[tuple[str, str], ...]], tuple[tuple[str, str], ...]] = {}

    def messages_of(finding: validation.Finding) -> tuple[tuple[str, str], ...]:
        key = (finding.shape, finding.component, finding.messages)
        if key not in messages:  # one shape fails on many nodes: its messages are made once
            messages[key] = shape_messages.complete(
                finding.messages, shapes, finding.shape, finding.component
            )
        return messages[key]

    return [
        Result(
            severity=finding.severity,
            focus=finding.focus,
            path=finding.path,
            value=finding.value,
            shape=finding.shape,
            component=finding.component,
            messages=messages_of(finding),
            profile=profile.name,
            pass_number=pass_number,
            section=profile.section(finding.shape),
            focus_term=finding.focus_term,
            value_term=finding.value_term,
        )
        for finding in report.findings
    ]
